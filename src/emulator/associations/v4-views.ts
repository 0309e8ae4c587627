import type { ObjectType } from "../state/object-type.ts";
import type { AssociatedTarget } from "./associated-target.ts";
import type { AssociationTypeDef } from "./association-type.ts";

/**
 * An associated record as v4 reads return it. `toObjectId` is a JSON number, as HubSpot
 * sends it (its own spec says string; clients keying maps by `from.id`, a string, must
 * normalise — real portals catch the ones that do not).
 */
export function v4TargetView(target: AssociatedTarget): { toObjectId: number; associationTypes: Array<{ category: string; typeId: number; label: string | null }> } {
  return { toObjectId: Number(target.toObjectId), associationTypes: target.types.map((t) => ({ category: t.category, typeId: t.typeId, label: t.label })) };
}

/** HubSpot's `LabelsBetweenObjectPair`: the labels (not the unlabelled default) now on one direction of a pair. */
export function labelsBetweenView(from: ObjectType, fromId: string, to: ObjectType, toId: string, labels: Array<string | null>): Record<string, unknown> {
  return {
    fromObjectTypeId: from.objectTypeId,
    fromObjectId: Number(fromId),
    toObjectTypeId: to.objectTypeId,
    toObjectId: Number(toId),
    labels: labels.filter((l): l is string => l !== null),
  };
}

/** HubSpot's `PublicDefaultAssociation`: one direction of a default association written. */
export function defaultAssociationView(def: AssociationTypeDef, fromId: string, toId: string): Record<string, unknown> {
  return { from: { id: fromId }, to: { id: toId }, associationSpec: { associationCategory: def.category, associationTypeId: def.typeId } };
}

/** HubSpot's `AssociationSpecWithLabel`, as the labels endpoints list types. */
export function labelView(def: AssociationTypeDef): { category: string; typeId: number; label: string | null } {
  return { category: def.category, typeId: def.typeId, label: def.label };
}
