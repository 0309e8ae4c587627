import assert from "node:assert/strict";
import { test } from "node:test";
import { searchKit, where } from "./search-test-kit.ts";

test("sorts ascending and descending, ties broken by id ascending, records without a value last", async () => {
  const kit = searchKit();
  const make = (lastname?: string) => kit.create("contacts", lastname === undefined ? {} : { lastname }).id;
  const [lee1, ray, lee2, none, adams] = [make("Lee"), make("ray"), make("lee"), make(), make("Adams")];
  assert.deepEqual(await kit.ids("contacts", { sorts: [{ propertyName: "lastname", direction: "ASCENDING" }] }), [adams, lee1, lee2, ray, none]);
  assert.deepEqual(await kit.ids("contacts", { sorts: [{ propertyName: "lastname", direction: "DESCENDING" }] }), [ray, lee1, lee2, adams, none]);
  // The SDK types sorts as strings: "-name" is descending, a bare name ascending.
  assert.deepEqual(await kit.ids("contacts", { sorts: ["-lastname"] }), [ray, lee1, lee2, adams, none]);
  assert.deepEqual(await kit.ids("contacts", { sorts: ["lastname"] }), [adams, lee1, lee2, ray, none]);
});

test("numbers and dates sort numerically, both ways", async () => {
  const kit = searchKit();
  const make = (numberofemployees: string, createdate: string) => kit.create("companies", { numberofemployees, createdate }).id;
  const [nine, ten, hundred, alsoTen] = [make("9", "2024-03-01"), make("10", "2024-01-01"), make("100", "2024-02-01"), make("10", "2024-01-01")];
  assert.deepEqual(await kit.ids("companies", { sorts: ["numberofemployees"] }), [nine, ten, alsoTen, hundred]);
  assert.deepEqual(await kit.ids("companies", { sorts: ["-numberofemployees"] }), [hundred, ten, alsoTen, nine]);
  assert.deepEqual(await kit.ids("companies", { sorts: [{ propertyName: "createdate", direction: "DESCENDING" }] }), [nine, hundred, ten, alsoTen]);
  assert.deepEqual(await kit.ids("companies", { sorts: [{ propertyName: "createdate", direction: "ASCENDING" }] }), [ten, alsoTen, hundred, nine]);
});

test("without sorts results come in creation order", async () => {
  const kit = searchKit();
  const made = ["c", "a", "b"].map((lastname) => kit.create("contacts", { lastname }).id);
  assert.deepEqual(await kit.ids("contacts", {}), made);
});

test("pages follow `after` offsets; the last page has no paging; total counts every match", async () => {
  const kit = searchKit();
  const made = Array.from({ length: 5 }, (_, i) => kit.create("contacts", { lastname: `n${i}`, lifecyclestage: "lead" }).id);
  kit.create("contacts", { lastname: "other", lifecyclestage: "customer" });
  const seen: string[] = [];
  let after: string | undefined;
  const afters: string[] = [];
  do {
    const answer = await kit.search("contacts", { ...where({ propertyName: "lifecyclestage", operator: "EQ", value: "lead" }), limit: 2, ...(after === undefined ? {} : { after }) });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.total, 5);
    seen.push(...answer.body.results.map((r) => r.id));
    after = answer.body.paging?.next.after;
    if (after !== undefined) afters.push(after);
  } while (after !== undefined);
  assert.deepEqual(seen, made);
  assert.deepEqual(afters, ["2", "4"]);
});

test("limit defaults to 10", async () => {
  const kit = searchKit();
  for (let i = 0; i < 12; i++) kit.create("contacts", {});
  const answer = await kit.search("contacts", {});
  assert.equal(answer.body.results.length, 10);
  assert.equal(answer.body.total, 12);
  assert.equal(answer.body.paging?.next.after, "10");
});

test("no page may reach past the result cap (400), and windowing on hs_object_id still reads every record", async () => {
  const kit = searchKit({ limits: { searchResultCap: 30 } });
  const made = Array.from({ length: 70 }, () => kit.create("contacts", { lifecyclestage: "lead" }).id);

  const last = await kit.search("contacts", { limit: 10, after: "20" });
  assert.equal(last.status, 200);
  assert.equal(last.body.total, 70);
  assert.equal(last.body.paging?.next.after, "30");
  const beyond = await kit.search("contacts", { limit: 10, after: "30" });
  assert.equal(beyond.status, 400);
  assert.equal((beyond.body as any).category, "VALIDATION_ERROR");
  assert.match((beyond.body as any).message, /30/);
  const straddling = await kit.search("contacts", { limit: 10, after: "25" });
  assert.equal(straddling.status, 400);

  // The windowing technique: sort by hs_object_id, page until the next page would cross the
  // cap, then start a new search with hs_object_id GT the last id seen.
  const seen: string[] = [];
  let lastId = "0";
  let windows = 0;
  reading: for (;;) {
    windows++;
    let after = 0;
    for (;;) {
      const answer = await kit.search("contacts", {
        ...where({ propertyName: "hs_object_id", operator: "GT", value: lastId }),
        sorts: [{ propertyName: "hs_object_id", direction: "ASCENDING" }],
        limit: 10,
        after: String(after),
      });
      assert.equal(answer.status, 200);
      seen.push(...answer.body.results.map((r) => r.id));
      const next = answer.body.paging?.next.after;
      if (next === undefined) break reading;
      if (Number(next) + 10 > 30) break;
      after = Number(next);
    }
    lastId = seen.at(-1)!;
  }
  assert.deepEqual(seen, made);
  assert.equal(windows, 3);
});

test("each HubSpot search limit is a 400 VALIDATION_ERROR naming the limit", async () => {
  const kit = searchKit({ limits: { searchPageMax: 20, searchMaxFilterGroups: 2, searchMaxFiltersPerGroup: 2, searchMaxFiltersTotal: 3, searchMaxQueryLength: 10 } });
  const filter = { propertyName: "firstname", operator: "HAS_PROPERTY" };
  const group = (n: number) => ({ filters: Array.from({ length: n }, () => filter) });
  const cases: Array<[string, unknown, RegExp]> = [
    ["page size", { limit: 21 }, /20/],
    ["filter groups", { filterGroups: [group(1), group(1), group(1)] }, /filterGroups.*2|2 filterGroups/],
    ["filters per group", { filterGroups: [group(3)] }, /2 filters per filterGroup/],
    ["filters in total", { filterGroups: [group(2), group(2)] }, /3 filters per search/],
    ["query length", { query: "x".repeat(11) }, /10 characters/],
    ["sort rules", { sorts: ["firstname", "lastname"] }, /1 sort/],
  ];
  for (const [name, body, message] of cases) {
    const answer = await kit.search("contacts", body);
    assert.equal(answer.status, 400, name);
    assert.equal((answer.body as any).category, "VALIDATION_ERROR", name);
    assert.match((answer.body as any).message, message, name);
  }
  // At the limits, all pass.
  const atLimits = await kit.search("contacts", { limit: 20, query: "x".repeat(10), filterGroups: [group(2), group(1)], sorts: ["firstname"] });
  assert.equal(atLimits.status, 200);
});

test("after and limit must be non-negative integers", async () => {
  const kit = searchKit();
  for (const body of [{ after: "abc" }, { after: "-1" }, { limit: -1 }, { limit: "ten" }, { limit: 2.5 }]) {
    const answer = await kit.search("contacts", body);
    assert.equal(answer.status, 400, JSON.stringify(body));
  }
});
