import type { Selectable } from "kysely";
import { portalId, syncId, type PortalId, type SyncId } from "../../core/ids.ts";
import { readJson, readRequiredTimestamp } from "../sql/read-value.ts";
import type { DbSyncCursor } from "../store-schema.ts";

/** Which cursor: one per sync, stream and portal. */
export interface CursorKey {
  sync: SyncId;
  stream: string;
  portal: PortalId;
}

/** A stream's saved position. `cursor` is opaque here: its owner parses it (with zod) on read. */
export interface CursorState extends CursorKey {
  cursor: unknown;
  /** Bumped by every write; a writer must name the version it read (0 = none yet). */
  version: number;
  updatedAt: string;
}

export function cursorFromRow(row: Selectable<DbSyncCursor>): CursorState {
  return {
    sync: syncId(row.sync),
    stream: row.stream,
    portal: portalId(row.portal),
    cursor: readJson(row.cursor_json),
    version: Number(row.version),
    updatedAt: readRequiredTimestamp(row.updated_at),
  };
}
