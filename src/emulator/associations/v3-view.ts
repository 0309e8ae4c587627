import type { ObjectType } from "../state/object-type.ts";
import type { AssociatedTarget } from "./associated-target.ts";
import type { AssociationTypeDef } from "./association-type.ts";

/** The `associations` field of a v3 record: per type name, one entry per associated record and type. */
export type V3AssociationsView = Record<string, { results: Array<{ id: string; type: string }> }>;

/**
 * Builds the v3 view. Each type on a pair is its own entry, named as HubSpot's v3 names it
 * (`contact_to_company` for the primary, `contact_to_company_unlabeled` for the default, a
 * label's name for a label), lowest type id first. Types with no associations are left out.
 */
export function v3AssociationsView(
  types: readonly ObjectType[],
  targetsOf: (to: ObjectType) => AssociatedTarget[],
  typeDef: (typeId: number) => AssociationTypeDef | undefined,
): V3AssociationsView {
  const view: V3AssociationsView = {};
  for (const to of types) {
    if (view[to.name] !== undefined) continue;
    const results: Array<{ id: string; type: string }> = [];
    for (const target of targetsOf(to)) {
      const ids = target.types.map((t) => t.typeId).sort((a, b) => a - b);
      for (const typeId of ids) results.push({ id: target.toObjectId, type: typeDef(typeId)?.name ?? `${typeId}` });
    }
    if (results.length > 0) view[to.name] = { results };
  }
  return view;
}
