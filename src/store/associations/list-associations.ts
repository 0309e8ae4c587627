import type { PortalId } from "../../core/ids.ts";
import { executor, type StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import type { Association } from "./association.ts";
import { associationFromRow } from "./association-row.ts";

export interface AssociationQuery {
  fromType: string;
  fromId?: string;
  toType?: string;
  toId?: string;
}

/** Stored associations matching the query, in a stable order. */
export async function listAssociations(
  ctx: StoreContext,
  portal: PortalId,
  query: AssociationQuery,
  tx?: StoreTx,
): Promise<Association[]> {
  const rows = await executor(ctx, tx)
    .selectFrom("hs_associations")
    .selectAll()
    .where("portal", "=", portal)
    .where("from_type", "=", query.fromType)
    .$if(query.fromId !== undefined, (qb) => qb.where("from_id", "=", query.fromId ?? ""))
    .$if(query.toType !== undefined, (qb) => qb.where("to_type", "=", query.toType ?? ""))
    .$if(query.toId !== undefined, (qb) => qb.where("to_id", "=", query.toId ?? ""))
    .orderBy("from_id")
    .orderBy("to_type")
    .orderBy("to_id")
    .orderBy("type_id")
    .execute();
  return rows.map(associationFromRow);
}
