import type { Kysely, Migration } from "kysely";
import type { SqlFlavor } from "../sql-flavor.ts";

/**
 * Outbound syncs' state: which HubSpot record each source row became (write-back), the content
 * hash last applied (only changed rows travel), the associations each sync wrote (so removals
 * touch only those), each sync's static list, and rows whose association targets were missing.
 */
export function outboundState(flavor: SqlFlavor): Migration {
  const t = flavor.columnType;
  const no = flavor.bool(false);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("outbound_rows")
        .addColumn("sync", "text", (c) => c.notNull())
        .addColumn("portal", "text", (c) => c.notNull())
        .addColumn("row_key", "text", (c) => c.notNull())
        .addColumn("hubspot_id", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("error", "text")
        .addColumn("hash", "text")
        .addColumn("properties_hash", "text")
        .addColumn("pending_hash", "text")
        .addColumn("targets_json", t.json)
        .addColumn("created_by_sync", t.boolean, (c) => c.notNull().defaultTo(no))
        .addColumn("list_member", t.boolean, (c) => c.notNull().defaultTo(no))
        .addColumn("first_synced_at", t.timestamp)
        .addColumn("last_synced_at", t.timestamp)
        .addColumn("last_seen_run", "text")
        .addColumn("archived_at", t.timestamp)
        .addPrimaryKeyConstraint("outbound_rows_pk", ["sync", "portal", "row_key"])
        .execute();
      await db.schema.createIndex("outbound_rows_record_idx").on("outbound_rows").columns(["sync", "portal", "hubspot_id"]).execute();

      // label '' is the unlabelled (default) association: primary key columns cannot be null.
      await db.schema
        .createTable("outbound_associations")
        .addColumn("sync", "text", (c) => c.notNull())
        .addColumn("portal", "text", (c) => c.notNull())
        .addColumn("row_key", "text", (c) => c.notNull())
        .addColumn("association", "text", (c) => c.notNull())
        .addColumn("from_id", "text", (c) => c.notNull())
        .addColumn("to_type", "text", (c) => c.notNull())
        .addColumn("to_id", "text", (c) => c.notNull())
        .addColumn("label", "text", (c) => c.notNull())
        .addColumn("synced_at", t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint("outbound_associations_pk", ["sync", "portal", "row_key", "association", "to_id", "label"])
        .execute();

      await db.schema
        .createTable("outbound_lists")
        .addColumn("sync", "text", (c) => c.notNull())
        .addColumn("portal", "text", (c) => c.notNull())
        .addColumn("list_id", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("object_type_id", "text", (c) => c.notNull())
        .addColumn("updated_at", t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint("outbound_lists_pk", ["sync", "portal"])
        .execute();

      await db.schema
        .createTable("outbound_orphans")
        .addColumn("sync", "text", (c) => c.notNull())
        .addColumn("portal", "text", (c) => c.notNull())
        .addColumn("row_key", "text", (c) => c.notNull())
        .addColumn("association", "text", (c) => c.notNull())
        .addColumn("target_key", "text", (c) => c.notNull())
        .addColumn("to_type", "text", (c) => c.notNull())
        .addColumn("since", t.timestamp, (c) => c.notNull())
        .addColumn("run_id", "text")
        .addPrimaryKeyConstraint("outbound_orphans_pk", ["sync", "portal", "row_key", "association", "target_key"])
        .execute();
    },
  };
}
