import { keyText } from "./key-text.ts";
import type { RawRow } from "./raw-row.ts";
import type { SourceIssueSink } from "./source-issue.ts";
import type { SourceRow } from "./source-row.ts";

/**
 * How duplicate keys are found. `sorted`: the rows arrive in key order (SQL sources order by
 * the key), so a duplicate follows its first row and memory stays flat. `remembered`: files
 * arrive in any order, so every key seen is kept with its line (about 100 bytes a key; the
 * rows themselves are never kept).
 */
export type DuplicateCheck = "sorted" | "remembered";

/**
 * Gives each row its key, and skips — reporting — rows without a key and rows whose key was
 * seen before (the first row with a key wins).
 */
export async function* keyRows(
  rows: AsyncIterable<RawRow>,
  column: string,
  check: DuplicateCheck,
  onIssue: SourceIssueSink,
): AsyncGenerator<SourceRow> {
  const firstLines = new Map<string, number>();
  let current: { key: string; row: number } | undefined;
  let ordinal = 0;
  for await (const { values, line } of rows) {
    ordinal += 1;
    const where = line === undefined ? `row ${ordinal}` : `line ${line}`;
    const at = line === undefined ? {} : { line };
    const key = keyText(values, column);
    if (!key.ok) {
      onIssue({ kind: "missing_key", message: `${where}: ${key.problem}; the row is skipped`, ...at });
      continue;
    }
    if (check === "sorted") {
      if (current !== undefined && current.key === key.key) {
        onIssue({
          kind: "duplicate_key",
          message: `${where}: key ${JSON.stringify(key.key)} was already seen at row ${current.row}; this row is skipped`,
          key: key.key,
        });
        continue;
      }
      current = { key: key.key, row: ordinal };
    } else {
      const firstLine = firstLines.get(key.key);
      if (firstLine !== undefined) {
        onIssue({
          kind: "duplicate_key",
          message: `${where}: key ${JSON.stringify(key.key)} was already seen on line ${firstLine}; this row is skipped`,
          ...at,
          firstLine,
          key: key.key,
        });
        continue;
      }
      firstLines.set(key.key, line ?? ordinal);
    }
    yield line === undefined ? { key: key.key, values } : { key: key.key, values, line };
  }
}
