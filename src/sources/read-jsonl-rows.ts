import { createInterface } from "node:readline";
import { openSourceFile } from "./open-source-file.ts";
import type { RawRow } from "./raw-row.ts";
import type { SourceIssueSink } from "./source-issue.ts";

/**
 * A JSON Lines file, one object per line, read line by line. A line that is not a JSON object
 * is reported with its number and skipped; blank lines are ignored.
 */
export async function* readJsonlRows(path: string, sync: string, onIssue: SourceIssueSink): AsyncGenerator<RawRow> {
  const handle = await openSourceFile(path, sync);
  const input = handle.createReadStream({ encoding: "utf8" });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  try {
    for await (const raw of lines) {
      line += 1;
      const text = line === 1 ? raw.replace(/^\uFEFF/, "") : raw;
      if (text.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (cause) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        onIssue({ kind: "malformed_row", message: `line ${line}: not valid JSON (${reason}); the row is skipped`, line });
        continue;
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        const got = value === null ? "null" : Array.isArray(value) ? "a list" : `a ${typeof value}`;
        onIssue({ kind: "malformed_row", message: `line ${line}: expected a JSON object ({"column": value, …}); got ${got}; the row is skipped`, line });
        continue;
      }
      yield { values: value as Record<string, unknown>, line };
    }
  } finally {
    lines.close();
    input.destroy();
    await handle.close().catch(() => undefined);
  }
}
