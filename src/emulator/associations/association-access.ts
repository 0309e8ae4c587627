import type { Context } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import type { EmulatorEnv } from "../env.ts";
import type { ObjectType } from "../state/object-type.ts";
import type { Portal } from "../state/portal.ts";

export interface AssociationRequest {
  portal: Portal;
  from: ObjectType;
  to: ObjectType;
}

/**
 * The two types a v4 path names (`:fromType`, `:toType`), with HubSpot's scope rule:
 * reading needs read scope on both types; writing needs write scope on the from type and
 * read scope on the to type.
 */
export function associationRequest(c: Context<EmulatorEnv>, mode: "read" | "write"): AssociationRequest {
  const portal = c.get("portal");
  const from = portal.resolveType(c.req.param("fromType") ?? "");
  const to = portal.resolveType(c.req.param("toType") ?? "");
  requireScope(c, mode === "read" ? from.readScopes : from.writeScopes);
  requireScope(c, to.readScopes);
  return { portal, from, to };
}

/** The id of the live record `id` names (a merged-away id names its survivor); archived records cannot be associated. */
export function liveRecordId(portal: Portal, type: ObjectType, id: string): string | undefined {
  const record = portal.store(type).get(id);
  return record === undefined || record.archived ? undefined : record.id;
}
