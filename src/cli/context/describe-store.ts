import type { StoreConfig } from "../../config/index.ts";

/** The store as people may see it: a SQLite path, or a PostgreSQL URL without its password. */
export function describeStore(store: StoreConfig): string {
  if (store.kind === "sqlite") return `SQLite ${store.path}`;
  try {
    const url = new URL(store.url);
    if (url.password !== "") url.password = "***";
    return `PostgreSQL ${url.toString()}`;
  } catch {
    return "PostgreSQL (unparsable URL)";
  }
}
