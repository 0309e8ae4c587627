import { badRequest } from "../http/api-error.ts";
import type { ObjectType } from "../state/object-type.ts";
import type { Portal } from "../state/portal.ts";
import type { SearchFilter } from "./search-request.ts";
import { SlotInMask, SlotPredicate, type SlotFilter } from "./slot-filter.ts";
import type { TypeIndex } from "./type-index.ts";

export const ASSOCIATIONS_PREFIX = "associations.";

/**
 * The `associations.{type}` pseudo-property (deals with `associations.contact EQ 123`).
 * Asked from the named record's side — its associations of the searched type — so a filter
 * costs one lookup per id given, not one per indexed record. Associations are read live:
 * their writes do not pass through the index, so they show no index lag.
 */
export function compileAssociationFilter(filter: SearchFilter, portal: Portal, type: ObjectType, index: TypeIndex): SlotFilter {
  const otherName = filter.propertyName.slice(ASSOCIATIONS_PREFIX.length);
  const other = portal.types.resolve(otherName);
  if (other === undefined) {
    throw badRequest(`Invalid filter: property ${JSON.stringify(filter.propertyName)} does not exist: ${JSON.stringify(otherName)} is not an object type.`, {
      errors: [{ message: `Property ${JSON.stringify(filter.propertyName)} does not exist`, code: "PROPERTY_DOESNT_EXIST", context: { propertyName: [filter.propertyName] } }],
    });
  }
  const associatedWith = (ids: string[]): Uint8Array => {
    const mask = new Uint8Array(index.size);
    for (const id of ids) {
      for (const target of portal.associations.targets(other, id.trim(), type)) {
        const slot = index.slotOf(target.toObjectId);
        if (slot !== undefined && slot < mask.length) mask[slot] = 1;
      }
    }
    return mask;
  };
  switch (filter.operator) {
    case "EQ":
    case "IN":
      return new SlotInMask(associatedWith(filter.operator === "EQ" ? [filter.value ?? ""] : (filter.values ?? [])));
    case "NEQ":
    case "NOT_IN": {
      const mask = associatedWith(filter.operator === "NEQ" ? [filter.value ?? ""] : (filter.values ?? []));
      return new SlotPredicate((slot) => mask[slot] !== 1, 4);
    }
    case "HAS_PROPERTY":
    case "NOT_HAS_PROPERTY": {
      const has = filter.operator === "HAS_PROPERTY";
      return new SlotPredicate((slot) => {
        const record = index.records[slot];
        return record !== undefined && portal.associations.targets(type, record.id, other).length > 0 === has;
      });
    }
    default:
      throw badRequest(`Invalid filter on ${filter.propertyName}: operator ${filter.operator} is not supported on associations; use EQ, NEQ, IN, NOT_IN, HAS_PROPERTY or NOT_HAS_PROPERTY.`);
  }
}
