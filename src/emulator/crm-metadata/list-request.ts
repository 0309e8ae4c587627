import type { Context } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import type { EmulatorEnv } from "../env.ts";
import { ApiError, notFound } from "../http/api-error.ts";
import type { CrmList } from "./crm-list.ts";

const LISTS_READ = ["crm.lists.read", "crm.lists.write"];
const LISTS_WRITE = ["crm.lists.write"];

/** Reading lists is allowed with either lists scope, as HubSpot documents; changing them needs write. */
export function requireListsScope(c: Context<EmulatorEnv>, access: "read" | "write"): void {
  requireScope(c, access === "read" ? LISTS_READ : LISTS_WRITE);
}

/** The list a path's `listId` names; deleted and unknown lists are HubSpot's 404. */
export function pathList(c: Context<EmulatorEnv>, param = "listId"): CrmList {
  const listId = c.req.param(param) ?? "";
  const list = /^\d+$/.test(listId) ? c.get("portal").lists.get(listId) : undefined;
  if (list === undefined) throw notFound(`List does not exist with ID ${listId}.`);
  return list;
}

/** Record ids of a membership body: strings, or numbers from loose clients; anything else is a 400. */
export function recordIds(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) throw new ApiError(400, "VALIDATION_ERROR", `Invalid input JSON: ${field} must be an array of record ids.`);
  return value.map((id) => {
    if (typeof id === "string") return id.trim();
    if (typeof id === "number" && Number.isInteger(id)) return String(id);
    throw new ApiError(400, "VALIDATION_ERROR", `Invalid input JSON: ${field} must contain record ids (strings), got ${JSON.stringify(id)}.`);
  });
}
