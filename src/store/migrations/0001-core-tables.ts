import type { Kysely, Migration } from "kysely";
import type { SqlFlavor } from "../sql-flavor.ts";

/** The fixed tables: CRM metadata, the object-type registry, sync state and the audit log. */
export function coreTables(flavor: SqlFlavor): Migration {
  const t = flavor.columnType;
  const no = flavor.bool(false);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("hs_object_types")
        .addColumn("object_type", "text", (c) => c.primaryKey())
        .addColumn("table_name", "text", (c) => c.notNull().unique())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("created_at", t.timestamp, (c) => c.notNull())
        .addColumn("updated_at", t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("hs_object_columns")
        .addColumn("object_type", "text", (c) => c.notNull().references("hs_object_types.object_type").onDelete("cascade"))
        .addColumn("property", "text", (c) => c.notNull())
        .addColumn("column_name", "text", (c) => c.notNull())
        .addColumn("hubspot_type", "text", (c) => c.notNull())
        .addColumn("latest_hubspot_type", "text", (c) => c.notNull())
        .addColumn("added_at", t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint("hs_object_columns_pk", ["object_type", "property"])
        .addUniqueConstraint("hs_object_columns_column_uq", ["object_type", "column_name"])
        .execute();

      await db.schema
        .createTable("hs_associations")
        .addColumn("portal", "text", (c) => c.notNull())
        .addColumn("from_type", "text", (c) => c.notNull())
        .addColumn("from_id", "text", (c) => c.notNull())
        .addColumn("to_type", "text", (c) => c.notNull())
        .addColumn("to_id", "text", (c) => c.notNull())
        .addColumn("type_id", "integer", (c) => c.notNull())
        .addColumn("category", "text", (c) => c.notNull())
        .addColumn("label", "text")
        .addColumn("synced_at", t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint("hs_associations_pk", ["portal", "from_type", "from_id", "to_type", "to_id", "type_id"])
        .execute();
      // Merges re-point associations by their "to" side too.
      await db.schema
        .createIndex("hs_associations_to_idx")
        .on("hs_associations")
        .columns(["portal", "to_type", "to_id"])
        .execute();

      await db.schema
        .createTable("hs_property_history")
        .addColumn("portal", "text", (c) => c.notNull())
        .addColumn("object_type", "text", (c) => c.notNull())
        .addColumn("object_id", "text", (c) => c.notNull())
        .addColumn("property", "text", (c) => c.notNull())
        .addColumn("value", "text")
        .addColumn("value_hash", "text", (c) => c.notNull())
        .addColumn("timestamp", t.timestamp, (c) => c.notNull())
        .addColumn("source_type", "text")
        .addColumn("source_id", "text")
        .addColumn("updated_by_user_id", "text")
        .addColumn("synced_at", t.timestamp, (c) => c.notNull())
        .addUniqueConstraint("hs_property_history_uq", [
          "portal",
          "object_type",
          "object_id",
          "property",
          "timestamp",
          "value_hash",
        ])
        .execute();

      await db.schema
        .createTable("hs_owners")
        .addColumn("portal", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("email", "text")
        .addColumn("first_name", "text")
        .addColumn("last_name", "text")
        .addColumn("user_id", "text")
        .addColumn("teams_json", t.json, (c) => c.notNull())
        .addColumn("created_at", t.timestamp)
        .addColumn("updated_at", t.timestamp)
        .addColumn("archived", t.boolean, (c) => c.notNull().defaultTo(no))
        .addColumn("synced_at", t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint("hs_owners_pk", ["portal", "id"])
        .execute();

      await db.schema
        .createTable("hs_pipelines")
        .addColumn("portal", "text", (c) => c.notNull())
        .addColumn("object_type", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("label", "text", (c) => c.notNull())
        .addColumn("display_order", "integer", (c) => c.notNull())
        .addColumn("archived", t.boolean, (c) => c.notNull().defaultTo(no))
        .addColumn("created_at", t.timestamp)
        .addColumn("updated_at", t.timestamp)
        .addColumn("synced_at", t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint("hs_pipelines_pk", ["portal", "object_type", "id"])
        .execute();
      await db.schema
        .createTable("hs_pipeline_stages")
        .addColumn("portal", "text", (c) => c.notNull())
        .addColumn("object_type", "text", (c) => c.notNull())
        .addColumn("pipeline_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("label", "text", (c) => c.notNull())
        .addColumn("display_order", "integer", (c) => c.notNull())
        .addColumn("metadata_json", t.json, (c) => c.notNull())
        .addColumn("archived", t.boolean, (c) => c.notNull().defaultTo(no))
        .addColumn("synced_at", t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint("hs_pipeline_stages_pk", ["portal", "object_type", "pipeline_id", "id"])
        .addForeignKeyConstraint(
          "hs_pipeline_stages_pipeline_fk",
          ["portal", "object_type", "pipeline_id"],
          "hs_pipelines",
          ["portal", "object_type", "id"],
          (c) => c.onDelete("cascade"),
        )
        .execute();

      await db.schema
        .createTable("hs_lists")
        .addColumn("portal", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("object_type_id", "text", (c) => c.notNull())
        .addColumn("processing_type", "text", (c) => c.notNull())
        .addColumn("size", "integer")
        .addColumn("created_at", t.timestamp)
        .addColumn("updated_at", t.timestamp)
        .addColumn("deleted_at", t.timestamp)
        .addColumn("synced_at", t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint("hs_lists_pk", ["portal", "id"])
        .execute();
      await db.schema
        .createTable("hs_list_memberships")
        .addColumn("portal", "text", (c) => c.notNull())
        .addColumn("list_id", "text", (c) => c.notNull())
        .addColumn("record_id", "text", (c) => c.notNull())
        .addColumn("synced_at", t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint("hs_list_memberships_pk", ["portal", "list_id", "record_id"])
        .execute();

      await db.schema
        .createTable("hs_merged_ids")
        .addColumn("portal", "text", (c) => c.notNull())
        .addColumn("object_type", "text", (c) => c.notNull())
        .addColumn("merged_id", "text", (c) => c.notNull())
        .addColumn("survivor_id", "text", (c) => c.notNull())
        .addColumn("merged_at", t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint("hs_merged_ids_pk", ["portal", "object_type", "merged_id"])
        .execute();

      await db.schema
        .createTable("sync_cursors")
        .addColumn("sync", "text", (c) => c.notNull())
        .addColumn("stream", "text", (c) => c.notNull())
        .addColumn("portal", "text", (c) => c.notNull())
        .addColumn("cursor_json", t.json, (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("updated_at", t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint("sync_cursors_pk", ["sync", "stream", "portal"])
        .execute();

      await db.schema
        .createTable("sync_runs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("sync", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("started_at", t.timestamp, (c) => c.notNull())
        .addColumn("finished_at", t.timestamp)
        .addColumn("counts_json", t.json, (c) => c.notNull())
        .addColumn("api_calls", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("errors_json", t.json, (c) => c.notNull())
        .addColumn("error_message", "text")
        .execute();
      await db.schema.createIndex("sync_runs_sync_idx").on("sync_runs").columns(["sync", "started_at"]).execute();

      const auditId =
        flavor.kind === "sqlite"
          ? db.schema.createTable("audit_log").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
          : db.schema.createTable("audit_log").addColumn("id", "bigserial", (c) => c.primaryKey());
      await auditId
        .addColumn("run_id", "text", (c) => c.references("sync_runs.id").onDelete("cascade"))
        .addColumn("at", t.timestamp, (c) => c.notNull())
        .addColumn("level", "text", (c) => c.notNull())
        .addColumn("stream", "text")
        .addColumn("record_id", "text")
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("message", "text", (c) => c.notNull())
        .addColumn("details_json", t.json)
        .execute();
      await db.schema.createIndex("audit_log_run_idx").on("audit_log").columns(["run_id", "id"]).execute();
    },
  };
}
