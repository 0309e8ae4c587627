import type { Kysely, Migration } from "kysely";
import type { SqlFlavor } from "../sql-flavor.ts";

/**
 * OAuth tokens per configured connection: a refresh token HubSpot returns replaces the one in
 * hubsync.yaml, so the next process must start from the newest (refresh tokens may rotate).
 */
export function oauthTokens(flavor: SqlFlavor): Migration {
  const t = flavor.columnType;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("oauth_tokens")
        .addColumn("connection", "text", (c) => c.primaryKey())
        .addColumn("refresh_token", "text", (c) => c.notNull())
        .addColumn("access_token", "text", (c) => c.notNull())
        .addColumn("expires_at", t.timestamp, (c) => c.notNull())
        .addColumn("updated_at", t.timestamp, (c) => c.notNull())
        .execute();
    },
  };
}
