import assert from "node:assert/strict";
import { mkdtemp, readdir, readlink, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { HubsyncError } from "../core/hubsync-error.ts";
import { readSource } from "./index.ts";
import { collect, streamPages } from "./test-support/source-test-kit.ts";

let dir = "";
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "hubsync-files-"));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const csv = (path: string, delimiter = ",") => ({ kind: "csv", path, delimiter }) as const;
const jsonl = (path: string) => ({ kind: "jsonl", path }) as const;

function sourceFailed(pattern: RegExp) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof HubsyncError, String(error));
    assert.equal(error.code, "SOURCE_FAILED");
    assert.match(error.message, pattern);
    return true;
  };
}

describe("readSource: CSV files", () => {
  it("reads quotes, doubled quotes, line breaks in quotes (CRLF as LF), a BOM, a custom delimiter, and null vs empty text", async () => {
    const path = await file(
      "people.csv",
      '\uFEFFid;name;note;city\r\n1;"Lee; Ann";"said ""hi""";Paris\r\n2;Bob;"two\r\nlines";\r\n\r\n3;"";plain;"Oslo"\r\n',
    );
    const { rows, issues } = await collect(csv(path, ";"), { key: "id" });
    assert.deepEqual(issues, []);
    assert.deepEqual(rows, [
      { key: "1", values: { id: "1", name: "Lee; Ann", note: 'said "hi"', city: "Paris" }, line: 2 },
      { key: "2", values: { id: "2", name: "Bob", note: "two\nlines", city: null }, line: 3 },
      { key: "3", values: { id: "3", name: "", note: "plain", city: "Oslo" }, line: 6 },
    ]);
  });

  it("reports bad rows with their line numbers and reads the rest of the file", async () => {
    const path = await file(
      "bad.csv",
      ["email,name", "a@x.com,Ann", "b@x.com", 'c@x.com,"Cy "the" Lee"', "d@x.com,Dee,extra", "e@x.com,Eve", ",No email", "a@x.com,Ann again", ""].join("\n"),
    );
    const { rows, issues } = await collect(csv(path), { key: "email" });
    assert.deepEqual(
      rows.map((row) => [row.key, row.line]),
      [
        ["a@x.com", 2],
        ["e@x.com", 6],
      ],
    );
    assert.deepEqual(issues, [
      { kind: "malformed_row", message: "line 3: 1 field where the header has 2; the row is skipped", line: 3 },
      {
        kind: "malformed_row",
        message: 'line 4: a quote inside a quoted field must be doubled ("") — or the field left unquoted; the row is skipped',
        line: 4,
      },
      { kind: "malformed_row", message: "line 5: 3 fields where the header has 2; the row is skipped", line: 5 },
      { kind: "missing_key", message: 'line 7: its key column "email" is empty; the row is skipped', line: 7 },
      {
        kind: "duplicate_key",
        message: 'line 8: key "a@x.com" was already seen on line 2; this row is skipped',
        line: 8,
        firstLine: 2,
        key: "a@x.com",
      },
    ]);
  });

  it("a quote never closed is reported, not taken for the rest of the file silently", async () => {
    const path = await file("open-quote.csv", 'id,name\n1,Ann\n2,"Bob\n3,Cy\n');
    const { rows, issues } = await collect(csv(path), { key: "id" });
    assert.deepEqual(rows.map((row) => row.key), ["1"]);
    assert.equal(issues.length, 1);
    assert.match(issues[0]?.message ?? "", /^line \d: a quoted field is never closed/);
  });

  it("streams a large file a page at a time in flat memory", async () => {
    const lines = ["id,payload"];
    for (let i = 1; i <= 5000; i++) lines.push(`${i},${"x".repeat(2000)}`);
    const path = await file("large.csv", `${lines.join("\n")}\n`);
    const streamed = await streamPages(readSource(csv(path), { sync: "push", key: "id", pageSize: 100, onIssue: (issue) => assert.fail(issue.message) }));
    assert.deepEqual(streamed.pageSizes, Array.from({ length: 50 }, () => 100));
    assert.deepEqual(streamed.keys, Array.from({ length: 5000 }, (_, index) => String(index + 1)));
    assert.ok(streamed.heapGrowth < 4 * 1024 * 1024, `retained heap grew by ${streamed.heapGrowth} bytes while streaming`);
  });

  it("a header that cannot name the rows stops the run, naming the sync and the file", async () => {
    const cases: [string, string, RegExp][] = [
      ["empty.csv", "", /^outbound sync "push": the header row of .*empty\.csv is missing: the file is empty$/],
      ["blank-name.csv", "id,,name\n1,2,3\n", /^outbound sync "push": the header row of .*blank-name\.csv has no name for column 2$/],
      ["twice.csv", "id, name ,name\n1,2,3\n", /^outbound sync "push": the header row of .*twice\.csv names the column "name" twice$/],
      ["no-key.csv", "email,name\na,b\n", /^outbound sync "push": the key column "id" is not among the source file .*no-key\.csv's columns \(email, name\)$/],
      ["broken-header.csv", 'id,"na"me\n1,2\n', /^outbound sync "push": the header row of .*broken-header\.csv cannot be read: line 1: a quote inside a quoted field/],
    ];
    for (const [name, text, pattern] of cases) {
      await assert.rejects(collect(csv(await file(name, text)), { key: "id" }), sourceFailed(pattern), name);
    }
    await assert.rejects(collect(csv(join(dir, "absent.csv")), { key: "id" }), sourceFailed(/^outbound sync "push": the source file .*absent\.csv does not exist$/));
    await assert.rejects(collect(csv(dir), { key: "id" }), sourceFailed(/is not a file$/));
  });
});

describe("readSource: JSONL files", () => {
  it("reads one object per line, keeps nested values, skips blank lines, reports bad lines by number", async () => {
    const path = await file(
      "events.jsonl",
      [
        '\uFEFF{"id": 1, "email": "a@x.com", "companies": ["acme.com", "globex.com"]}',
        "",
        '{"id": 2, "email": "b@x.com", "labels": {"acme.com": "Employer", "globex.com": null}}',
        '{"id": 3, "email": ',
        "[1, 2]",
        '{"email": "no-id@x.com"}',
        '{"id": 1, "email": "again@x.com"}',
        '  {"id": "4", "nested": {"deep": [true]}}  ',
        "null",
      ].join("\r\n"),
    );
    const { rows, issues } = await collect(jsonl(path), { key: "id", pageSize: 2 });
    assert.deepEqual(rows, [
      { key: "1", values: { id: 1, email: "a@x.com", companies: ["acme.com", "globex.com"] }, line: 1 },
      { key: "2", values: { id: 2, email: "b@x.com", labels: { "acme.com": "Employer", "globex.com": null } }, line: 3 },
      { key: "4", values: { id: "4", nested: { deep: [true] } }, line: 8 },
    ]);
    assert.deepEqual(
      issues.map((issue) => [issue.kind, issue.line, issue.firstLine]),
      [
        ["malformed_row", 4, undefined],
        ["malformed_row", 5, undefined],
        ["missing_key", 6, undefined],
        ["duplicate_key", 7, 1],
        ["malformed_row", 9, undefined],
      ],
    );
    assert.match(issues[0]?.message ?? "", /^line 4: not valid JSON \(.+\); the row is skipped$/);
    assert.equal(issues[1]?.message, 'line 5: expected a JSON object ({"column": value, …}); got a list; the row is skipped');
    assert.equal(issues[2]?.message, 'line 6: it has no "id" (the key column); the row is skipped');
    assert.equal(issues[3]?.message, 'line 7: key "1" was already seen on line 1; this row is skipped');
    assert.equal(issues[4]?.message, 'line 9: expected a JSON object ({"column": value, …}); got null; the row is skipped');
  });

  it("a key that is a list or a map identifies nothing", async () => {
    const path = await file("keys.jsonl", '{"id": [1]}\n{"id": {"a": 1}}\n{"id": 0}\n');
    const { rows, issues } = await collect(jsonl(path), { key: "id" });
    assert.deepEqual(rows.map((row) => row.key), ["0"]);
    assert.deepEqual(
      issues.map((issue) => issue.message),
      ['line 1: its key column "id" holds a list, not text or a number; the row is skipped', 'line 2: its key column "id" holds a map, not text or a number; the row is skipped'],
    );
  });

  it("a missing file names the sync", async () => {
    await assert.rejects(collect(jsonl(join(dir, "absent.jsonl")), { sync: "gifts", key: "id" }), sourceFailed(/^outbound sync "gifts": the source file .*absent\.jsonl does not exist$/));
  });
});

describe("readSource: files", () => {
  it("stopping early closes the file", async () => {
    const numbers = Array.from({ length: 1000 }, (_, index) => index);
    const sources = [
      csv(await file("stop.csv", `id\n${numbers.join("\n")}\n`)),
      jsonl(await file("stop.jsonl", numbers.map((id) => JSON.stringify({ id })).join("\n"))),
    ];
    for (const source of sources) {
      for await (const page of readSource(source, { sync: "push", key: "id", pageSize: 10, onIssue: (issue) => assert.fail(issue.message) })) {
        assert.equal(page.length, 10);
        break;
      }
      // An open descriptor would still be listed for the process.
      const descriptors = await readdir("/proc/self/fd");
      const targets = await Promise.all(descriptors.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => "")));
      assert.ok(!targets.includes(source.path), `${source.path} is still open`);
    }
  });
});
