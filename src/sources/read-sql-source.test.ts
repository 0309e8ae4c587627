import assert from "node:assert/strict";
import { describe, it } from "node:test";
import Database from "better-sqlite3";
import { HubsyncError } from "../core/hubsync-error.ts";
import { syncId } from "../core/ids.ts";
import { readSource, type SourceIssue } from "./index.ts";
import { bothDatabases, type DatabaseUnderTest } from "./test-support/both-databases.ts";
import { collect, streamPages } from "./test-support/source-test-kit.ts";

const unexpectedIssue = (issue: SourceIssue): void => assert.fail(issue.message);

const rowCount = 5_000;
const payloadLength = 2_000;

/** `people`: 5,000 rows of about 2 kB each (10 MB in all), ids 1…5000; `teams`: 3 rows. */
async function seedPeople({ target, execute }: DatabaseUnderTest): Promise<void> {
  const create = "create table people (id integer primary key, email text not null, team_id integer not null, payload text not null)";
  const teams = ["create table teams (id integer primary key, name text not null)", "insert into teams values (0, 'red'), (1, 'green'), (2, 'blue')"];
  if (target.kind === "sqlite") {
    await execute(
      create,
      ...teams,
      `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${rowCount})
       insert into people select i, 'user' || i || '@example.com', i % 3, hex(zeroblob(${payloadLength / 2})) || i from n`,
    );
  } else {
    await execute(
      create,
      ...teams,
      `insert into people select i, 'user' || i || '@example.com', i % 3, repeat('0', ${payloadLength}) || i from generate_series(1, ${rowCount}) as i`,
    );
  }
}

const expectedKeys = Array.from({ length: rowCount }, (_, index) => String(index + 1));
// Everything held at once would be 10 MB of payload alone; one page is 200 kB.
const flatHeapLimit = 4 * 1024 * 1024;

describe("readSource: tables and queries", () => {
  bothDatabases("a table streams 5,000 rows in key order, a page at a time, in flat memory", async (db) => {
    const { target, execute } = db;
    await seedPeople(db);
    const pages = readSource({ kind: "table", table: "people" }, { sync: "push", key: "id", database: target, pageSize: 100, onIssue: unexpectedIssue });
    const streamed = await streamPages(pages);
    assert.deepEqual(streamed.pageSizes, Array.from({ length: 50 }, () => 100));
    assert.deepEqual(streamed.keys, expectedKeys);
    assert.ok(streamed.heapGrowth < flatHeapLimit, `retained heap grew by ${streamed.heapGrowth} bytes while streaming`);
  });

  bothDatabases("a query streams 5,000 rows in key order, a page at a time, in flat memory", async (db) => {
    const { target, execute } = db;
    await seedPeople(db);
    const query = `
      select p.email, p.id, t.name as team, p.payload
      from people p join teams t on t.id = p.team_id
      order by p.email desc -- the source's own order does not matter
    ;`;
    const pages = readSource({ kind: "query", query }, { sync: "push", key: "id", database: target, pageSize: 300, onIssue: unexpectedIssue });
    let first: Record<string, unknown> | undefined;
    const streamed = await streamPages(
      (async function* () {
        for await (const page of pages) {
          first ??= page[0]?.values;
          yield page;
        }
      })(),
    );
    assert.deepEqual(streamed.pageSizes, [...Array.from({ length: 16 }, () => 300), 200]);
    assert.deepEqual(streamed.keys, expectedKeys);
    assert.deepEqual(first, { email: "user1@example.com", id: 1, team: "green", payload: `${"0".repeat(payloadLength)}1` });
    assert.ok(streamed.heapGrowth < flatHeapLimit, `retained heap grew by ${streamed.heapGrowth} bytes while streaming`);
  });

  bothDatabases("reads while the store writes between pages, and stops cleanly when the consumer does", async (db) => {
    const { target, execute } = db;
    const store = await db.openStore();
    await seedPeople(db);
    const pages = readSource({ kind: "table", table: "people" }, { sync: "push", key: "id", database: target, pageSize: 1000, onIssue: unexpectedIssue });
    let seen = 0;
    for await (const page of pages) {
      seen += page.length;
      // The sync records progress as it goes: the source's open cursor must not block the store.
      await store.createRun({ sync: syncId(`push-${seen}`) });
      if (seen === 3000) break;
    }
    assert.equal(seen, 3000);
    assert.equal((await store.listRuns()).length, 3);
    // Stopping early released the source's snapshot: PostgreSQL can drop the table at once (a
    // held cursor would make it wait), and SQLite can checkpoint the whole log (a reader would block it).
    if (target.kind === "postgres") {
      await execute("set lock_timeout = '2s'", "drop table people");
    } else {
      const database = new Database(target.path);
      try {
        assert.deepEqual(database.pragma("wal_checkpoint(TRUNCATE)"), [{ busy: 0, log: 0, checkpointed: 0 }]);
      } finally {
        database.close();
      }
    }
  });

  bothDatabases("a failing query or a missing table names the sync and the database's problem", async (db) => {
    const { target, execute } = db;
    const read = (source: { kind: "table"; table: string } | { kind: "query"; query: string }, key = "id") =>
      collect(source, { sync: "crm-push", key, database: target });
    const failed = (pattern: RegExp) => (error: unknown) => {
      assert.ok(error instanceof HubsyncError);
      assert.equal(error.code, "SOURCE_FAILED");
      assert.match(error.message, pattern);
      return true;
    };
    await assert.rejects(read({ kind: "query", query: "select id from missing_table" }), failed(/^outbound sync "crm-push": the source query failed: .*missing_table/));
    await assert.rejects(read({ kind: "query", query: "selec id from teams" }), failed(/^outbound sync "crm-push": the source query failed: .*syntax error/));
    await assert.rejects(read({ kind: "table", table: "nope" }), failed(/^outbound sync "crm-push": the source table "nope" failed: .*nope/));
    await seedPeople(db);
    await assert.rejects(
      read({ kind: "query", query: "select id, email from people" }, "user_id"),
      failed(/^outbound sync "crm-push": the key column "user_id" is not among the source query's columns \(id, email\)$/),
    );
    const twoIds = { kind: "query", query: "select p.id, t.id from people p join teams t on t.id = p.team_id where p.id = 4" } as const;
    if (target.kind === "postgres") {
      await assert.rejects(read(twoIds), failed(/^outbound sync "crm-push": the source query has two columns named "id"$/));
    } else {
      // SQLite renames a subquery's repeated column itself, so no value is lost either way.
      assert.deepEqual((await read(twoIds)).rows[0]?.values, { id: 4, "id:1": 1 });
    }
  });

  bothDatabases("rows without a key are skipped and reported, a repeated key keeps its first row", async (db) => {
    const { target, execute } = db;
    await execute(
      "create table accounts (code text, name text)",
      "insert into accounts values ('b', 'second'), ('a', 'first'), (null, 'no code'), ('b', 'again'), ('  ', 'blank'), ('c', 'third')",
    );
    const { rows, issues } = await collect({ kind: "table", table: "accounts" }, { key: "code", database: target, pageSize: 2 });
    assert.deepEqual(
      rows.map((row) => [row.key, row.values["name"]]),
      [
        ["a", "first"],
        ["b", rows.find((row) => row.key === "b")?.values["name"]],
        ["c", "third"],
      ],
    );
    assert.ok(["second", "again"].includes(String(rows[1]?.values["name"])));
    assert.deepEqual(
      issues.map((issue) => [issue.kind, issue.key]).sort(),
      [
        ["duplicate_key", "b"],
        ["missing_key", undefined],
        ["missing_key", undefined],
      ],
    );
    const duplicate = issues.find((issue) => issue.kind === "duplicate_key");
    assert.match(duplicate?.message ?? "", /^row \d: key "b" was already seen at row \d; this row is skipped$/);
    assert.ok(issues.some((issue) => /^row \d: its key column "code" is empty; the row is skipped$/.test(issue.message)));
  });

  bothDatabases("values keep their database types, made exact and JSON-safe", async (db) => {
    const { target, execute } = db;
    if (target.kind === "sqlite") {
      await execute(
        "create table t (id integer primary key, big integer, ratio real, name text, missing text, data blob)",
        "insert into t values (1, 9007199254740993, 0.5, 'Zoë', null, x'0102')",
      );
      const { rows } = await collect({ kind: "table", table: "t" }, { key: "id", database: target });
      assert.deepEqual(rows, [{ key: "1", values: { id: 1, big: "9007199254740993", ratio: 0.5, name: "Zoë", missing: null, data: Buffer.from([1, 2]) } }]);
      return;
    }
    await execute(
      `create table t (id bigint primary key, big bigint, amount numeric, day date, at timestamp, at_tz timestamptz,
         flag boolean, tags text[], doc jsonb)`,
      `insert into t values (42, 9007199254740993, 1234.50, '2024-02-29', '2024-03-05 14:30:00.123', '2024-03-05 14:30:00+02',
         true, '{a,b}', '{"n": 1, "list": [1, 2]}')`,
    );
    const { rows } = await collect({ kind: "table", table: "t" }, { key: "id", database: target });
    assert.deepEqual(rows, [
      {
        key: "42",
        values: {
          id: 42,
          big: "9007199254740993",
          amount: "1234.50",
          day: "2024-02-29",
          at: "2024-03-05 14:30:00.123",
          at_tz: "2024-03-05T12:30:00.000Z",
          flag: true,
          tags: ["a", "b"],
          doc: { n: 1, list: [1, 2] },
        },
      },
    ]);
  });

  bothDatabases("a query that fails after some pages stops the stream with the database's message", async (db) => {
    const { target, execute } = db;
    await seedPeople(db);
    // SQLite divides by zero into null, so make it fail the way it can: a bad function argument.
    const query =
      target.kind === "postgres"
        ? "select id, 1 / (id - 2500) as x from people"
        : "select id, json_extract(case when id = 2500 then 'not json' else '{}' end, '$.a') as x from people";
    const seen: number[] = [];
    await assert.rejects(
      (async () => {
        for await (const page of readSource({ kind: "query", query }, { sync: "push", key: "id", database: target, pageSize: 100, onIssue: unexpectedIssue })) {
          seen.push(page.length);
        }
      })(),
      (error: unknown) => {
        assert.ok(error instanceof HubsyncError && error.code === "SOURCE_FAILED");
        assert.match(error.message, /^outbound sync "push": the source query failed: (division by zero|malformed JSON)$/);
        return true;
      },
    );
    assert.ok(seen.length <= 24, `pages before the failing row: ${seen.length}`);
  });
});

describe("readSource: where a table or query can be read", () => {
  it("an in-memory store holds nothing of the user's: a clear error, not an empty source", async () => {
    await assert.rejects(collect({ kind: "table", table: "people" }, { key: "id", database: { kind: "sqlite", path: ":memory:" } }), (error: unknown) => {
      assert.ok(error instanceof HubsyncError && error.code === "SOURCE_FAILED");
      assert.match(error.message, /^outbound sync "push": an in-memory store \(sqlite::memory:\) holds no table of yours to read$/);
      return true;
    });
  });

  it("a SQLite file that does not exist is not created", async () => {
    await assert.rejects(collect({ kind: "query", query: "select 1 as id" }, { key: "id", database: { kind: "sqlite", path: "/nonexistent/dir/store.db" } }), /cannot open the SQLite database \/nonexistent\/dir\/store\.db/);
  });

  it("an unreachable PostgreSQL is named as such", async () => {
    const database = { kind: "postgres", url: "postgres://postgres@127.0.0.1:1/none" } as const;
    await assert.rejects(collect({ kind: "table", table: "people" }, { key: "id", database }), /^HubsyncError: outbound sync "push": cannot connect to PostgreSQL to read the source: /);
  });
});
