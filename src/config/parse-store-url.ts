import { err, ok, type Result } from "../core/result.ts";
import type { StoreConfig } from "./hubsync-config.ts";

/** The store used when hubsync.yaml names none. */
export const defaultStoreUrl = "sqlite:./hubsync.db";

const sqliteFileExtensions = [".db", ".sqlite", ".sqlite3"];

/**
 * Reads `store:`: `sqlite:<path>`, `sqlite::memory:`, a bare SQLite file path, or a
 * `postgres://` / `postgresql://` URL. The error is a phrase to follow the key path (the caller shows the value).
 */
export function parseStoreUrl(text: string): Result<StoreConfig, string> {
  const value = text.trim();
  if (value.startsWith("sqlite:")) {
    const path = value.slice("sqlite:".length);
    if (path === "") return err('expected a file after "sqlite:", as in sqlite:./hubsync.db (or sqlite::memory:)');
    return ok({ kind: "sqlite", path });
  }
  if (/^postgres(?:ql)?:\/\//.test(value)) {
    if (!URL.canParse(value)) return err("expected a valid PostgreSQL URL such as postgres://user:password@host:5432/database");
    return ok({ kind: "postgres", url: value });
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && sqliteFileExtensions.some((ext) => value.endsWith(ext))) {
    return ok({ kind: "sqlite", path: value });
  }
  return err("expected sqlite:<file>, sqlite::memory:, a file path ending in .db, or a postgres:// URL");
}
