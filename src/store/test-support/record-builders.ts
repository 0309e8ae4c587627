import { portalId, runId, syncId, type PortalId, type RunId } from "../../core/ids.ts";
import type { ObjectRecordInput } from "../objects/object-record-input.ts";
import type { ObjectPropertyInput } from "../objects/plan-columns.ts";

export const portal: PortalId = portalId("12345");
export const otherPortal: PortalId = portalId("67890");
export const run1: RunId = runId("run-1");
export const run2: RunId = runId("run-2");
export const testSync = syncId("mirror");

/** A contact-like record; override any property. */
export function contact(id: string | number, properties: Record<string, string | null> = {}): ObjectRecordInput {
  return {
    id: String(id),
    properties: {
      email: `c${id}@example.com`,
      firstname: `First ${id}`,
      hs_object_id: String(id),
      ...properties,
    },
    createdAt: "2024-01-01T00:00:00.000Z",
    updatedAt: "2024-02-01T00:00:00.000Z",
  };
}

export const contactProperties: ObjectPropertyInput[] = [
  { name: "email", type: "string" },
  { name: "firstname", type: "string" },
  { name: "hs_object_id", type: "number" },
];

export function ids(from: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(from + i));
}
