import { ApiError } from "../http/api-error.ts";
import { isObject } from "../http/json-body.ts";
import type { AssociationTypeRef } from "../state/association-store.ts";
import type { ObjectType } from "../state/object-type.ts";
import type { Portal } from "../state/portal.ts";

/** One `associations[]` entry of a create, its target type found and its types checked. */
export interface CreationAssociation {
  to: ObjectType;
  toId: string;
  types: AssociationTypeRef[];
}

export type ParsedAssociations = { ok: true; associations: CreationAssociation[] } | { ok: false; error: ApiError };

const invalid = (message: string, context?: Record<string, string[]>): ParsedAssociations => ({
  ok: false,
  error: new ApiError(400, "VALIDATION_ERROR", message, context === undefined ? {} : { context }),
});

/**
 * Reads `associations: [{to: {id}, types: [{associationCategory, associationTypeId}]}]` of a
 * create of `from`. The body does not name the target's type: the association type id does
 * (each id belongs to one direction). Checked before anything is written.
 */
export function parseCreationAssociations(portal: Portal, from: ObjectType, raw: unknown): ParsedAssociations {
  if (raw === undefined || raw === null) return { ok: true, associations: [] };
  if (!Array.isArray(raw)) return invalid("Invalid input JSON: `associations` must be an array.");
  const associations: CreationAssociation[] = [];
  for (const entry of raw) {
    const toId = isObject(entry) && isObject(entry["to"]) ? entry["to"]["id"] : undefined;
    const types = isObject(entry) ? typeRefs(entry["types"]) : undefined;
    if ((typeof toId !== "string" && typeof toId !== "number") || types === undefined || types[0] === undefined) {
      return invalid("Invalid input JSON: each association needs `to.id` and a non-empty `types` array of {associationCategory, associationTypeId}.");
    }
    const first = types[0].associationTypeId;
    const def = portal.associations.types.get(first);
    const to = def === undefined || def.fromTypeId !== from.objectTypeId ? undefined : portal.types.resolve(def.toTypeId);
    if (to === undefined) {
      return invalid(`associationTypeId ${first} is not a valid association type from ${from.name} (${from.objectTypeId}).`, { associationTypeId: [String(first)] });
    }
    try {
      portal.associations.resolveTypes(from, to, types);
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error };
      throw error;
    }
    const target = portal.store(to).get(String(toId));
    if (target === undefined || target.archived) {
      return invalid(`Cannot associate with ${to.singular} ${String(toId)}: it does not exist.`, { toObjectId: [String(toId)] });
    }
    associations.push({ to, toId: target.id, types });
  }
  return { ok: true, associations };
}

function typeRefs(raw: unknown): AssociationTypeRef[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const refs: AssociationTypeRef[] = [];
  for (const t of raw) {
    const category = isObject(t) ? t["associationCategory"] : undefined;
    const typeId = isObject(t) ? t["associationTypeId"] : undefined;
    if (typeof category !== "string" || typeof typeId !== "number" || !Number.isInteger(typeId)) return undefined;
    refs.push({ associationCategory: category, associationTypeId: typeId });
  }
  return refs;
}
