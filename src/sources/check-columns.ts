import type { HubsyncError } from "../core/hubsync-error.ts";
import { sourceFailed } from "./source-failed.ts";

/**
 * The columns a source returns, checked before any row is read: the key column must be among
 * them, and no name may repeat (a row is a map by column name: one value would silently win).
 */
export function columnsProblem(sync: string, what: string, columns: readonly string[], key: string): HubsyncError | undefined {
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) {
      return sourceFailed(sync, `the source ${what} has two columns named ${JSON.stringify(column)}`, {
        fix: "Give one of them another name (in SQL: select a.id as contact_id, …).",
        subject: column,
      });
    }
    seen.add(column);
  }
  if (seen.has(key)) return undefined;
  const shown = columns.length > 12 ? `${columns.slice(0, 12).join(", ")}, …` : columns.join(", ");
  return sourceFailed(sync, `the key column ${JSON.stringify(key)} is not among the source ${what}'s columns (${shown || "none"})`, {
    fix: "Set key: to one of the columns, written exactly as the source names it.",
    subject: key,
  });
}
