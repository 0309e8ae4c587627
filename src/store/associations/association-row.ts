import type { Selectable } from "kysely";
import { hubSpotId, portalId } from "../../core/ids.ts";
import { readRequiredTimestamp } from "../sql/read-value.ts";
import type { DbAssociation } from "../store-schema.ts";
import type { Association } from "./association.ts";

export function associationFromRow(row: Selectable<DbAssociation>): Association {
  return {
    portal: portalId(row.portal),
    fromType: row.from_type,
    fromId: hubSpotId(row.from_id),
    toType: row.to_type,
    toId: hubSpotId(row.to_id),
    typeId: Number(row.type_id),
    category: row.category,
    label: row.label,
    syncedAt: readRequiredTimestamp(row.synced_at),
  };
}

/** Identity of an association within one (portal, fromType, toType). */
export function associationKey(fromId: string, toId: string, typeId: number): string {
  return `${fromId}\u0000${toId}\u0000${typeId}`;
}
