import type { PortalId, RunId, SyncId } from "../../core/ids.ts";
import { executor, type StoreContext } from "../store-context.ts";
import { outboundRowFromDb, type OutboundRow, type OutboundRowStatus } from "./outbound-row.ts";

/** Which of a sync's rows to scan; every filter given must hold. */
export interface OutboundRowQuery {
  /** One portal's rows; all portals' when absent. */
  portal?: PortalId;
  /** Rows with (true) or without (false) a HubSpot record id. */
  withRecord?: boolean;
  statuses?: readonly OutboundRowStatus[];
  /** Rows whose associations are pending and whose source row this run read. */
  pendingIn?: RunId;
  /** Rows the run's source had (true) or did not have (false). */
  seenIn?: { run: RunId; seen: boolean };
  createdBySync?: boolean;
  listMember?: boolean;
  /** Rows with (true) or without (false) association targets that were not found. */
  orphaned?: boolean;
  /** Rows per page; default the store's streamBatchSize. */
  pageSize?: number;
}

/**
 * A sync's rows in (portal, key) order, a page at a time by keyset, so memory stays flat and
 * no transaction stays open between pages: callers may update the rows they were given.
 */
export async function* scanOutboundRows(ctx: StoreContext, sync: SyncId, query: OutboundRowQuery = {}): AsyncIterable<OutboundRow[]> {
  const size = Math.max(1, query.pageSize ?? ctx.options.streamBatchSize);
  let after: { portal: string; rowKey: string } | undefined;
  for (;;) {
    const position = after;
    const rows = await executor(ctx, undefined)
      .selectFrom("outbound_rows as r")
      .selectAll("r")
      .where("r.sync", "=", sync)
      .$if(query.portal !== undefined, (qb) => qb.where("r.portal", "=", query.portal ?? ""))
      .$if(query.withRecord !== undefined, (qb) => qb.where("r.hubspot_id", query.withRecord === true ? "is not" : "is", null))
      .$if(query.statuses !== undefined, (qb) => qb.where("r.status", "in", query.statuses?.length === 0 ? ["-"] : [...(query.statuses ?? [])]))
      .$if(query.pendingIn !== undefined, (qb) => qb.where("r.pending_hash", "is not", null).where("r.last_seen_run", "=", query.pendingIn ?? ""))
      .$if(query.seenIn !== undefined, (qb) => {
        const run = query.seenIn?.run ?? "";
        return query.seenIn?.seen === true
          ? qb.where("r.last_seen_run", "=", run)
          : qb.where((eb) => eb.or([eb("r.last_seen_run", "is", null), eb("r.last_seen_run", "!=", run)]));
      })
      .$if(query.createdBySync !== undefined, (qb) => qb.where("r.created_by_sync", "=", ctx.flavor.bool(query.createdBySync === true)))
      .$if(query.listMember !== undefined, (qb) => qb.where("r.list_member", "=", ctx.flavor.bool(query.listMember === true)))
      .$if(query.orphaned !== undefined, (qb) =>
        qb.where((eb) => {
          const orphans = eb
            .selectFrom("outbound_orphans as o")
            .select("o.row_key")
            .whereRef("o.sync", "=", "r.sync")
            .whereRef("o.portal", "=", "r.portal")
            .whereRef("o.row_key", "=", "r.row_key");
          return query.orphaned === true ? eb.exists(orphans) : eb.not(eb.exists(orphans));
        }),
      )
      .$if(position !== undefined, (qb) =>
        qb.where((eb) => eb(eb.refTuple("r.portal", "r.row_key"), ">", eb.tuple(position?.portal ?? "", position?.rowKey ?? ""))),
      )
      .orderBy("r.portal")
      .orderBy("r.row_key")
      .limit(size)
      .execute();
    if (rows.length > 0) yield rows.map(outboundRowFromDb);
    const last = rows.at(-1);
    if (last === undefined || rows.length < size) return;
    after = { portal: last.portal, rowKey: last.row_key };
  }
}
