import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { keyRows, type DuplicateCheck } from "./key-rows.ts";
import type { RawRow } from "./raw-row.ts";
import type { SourceIssue } from "./source-issue.ts";

async function keyed(rows: RawRow[], check: DuplicateCheck): Promise<{ keys: string[]; issues: SourceIssue[] }> {
  const issues: SourceIssue[] = [];
  const keys: string[] = [];
  const source = (async function* () {
    yield* rows;
  })();
  for await (const row of keyRows(source, "id", check, (issue) => issues.push(issue))) keys.push(row.key);
  return { keys, issues };
}

describe("keyRows", () => {
  it("sorted: a run of one key keeps its first row and names it for each repeat", async () => {
    const { keys, issues } = await keyed([{ values: { id: 1 } }, { values: { id: 2 } }, { values: { id: 2 } }, { values: { id: "2" } }, { values: { id: 3 } }], "sorted");
    assert.deepEqual(keys, ["1", "2", "3"]);
    assert.deepEqual(
      issues.map((issue) => issue.message),
      ['row 3: key "2" was already seen at row 2; this row is skipped', 'row 4: key "2" was already seen at row 2; this row is skipped'],
    );
  });

  it("remembered: a key seen anywhere before is a duplicate, with both lines", async () => {
    const { keys, issues } = await keyed(
      [
        { values: { id: "a" }, line: 2 },
        { values: { id: "b" }, line: 3 },
        { values: { id: "a" }, line: 9 },
      ],
      "remembered",
    );
    assert.deepEqual(keys, ["a", "b"]);
    assert.deepEqual(issues, [{ kind: "duplicate_key", message: 'line 9: key "a" was already seen on line 2; this row is skipped', line: 9, firstLine: 2, key: "a" }]);
  });

  it("keys are text as written or numbers in their shortest form; blank, null, NaN and structures are none", async () => {
    const rows: RawRow[] = [
      { values: { id: " a " } },
      { values: { id: 1.5 } },
      { values: { id: 10n } },
      { values: { id: "" } },
      { values: { id: " \t" } },
      { values: { id: null } },
      { values: { id: Number.NaN } },
      { values: { id: true } },
      { values: {} },
    ];
    const { keys, issues } = await keyed(rows, "remembered");
    assert.deepEqual(keys, [" a ", "1.5", "10"]);
    assert.deepEqual(
      issues.map((issue) => [issue.kind, issue.message]),
      [
        ["missing_key", 'row 4: its key column "id" is empty; the row is skipped'],
        ["missing_key", 'row 5: its key column "id" is empty; the row is skipped'],
        ["missing_key", 'row 6: its key column "id" is empty; the row is skipped'],
        ["missing_key", 'row 7: its key column "id" is empty; the row is skipped'],
        ["missing_key", 'row 8: its key column "id" holds a boolean, not text or a number; the row is skipped'],
        ["missing_key", 'row 9: it has no "id" (the key column); the row is skipped'],
      ],
    );
  });
});
