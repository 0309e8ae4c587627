import assert from "node:assert/strict";
import { test } from "node:test";
import { createRecords } from "../inbound/support/emulator-data.ts";
import { contactsHolding, labelledPairs, liveCount } from "./support/hubspot-truth.ts";
import { drivers, failureOf, outboundHarness } from "./support/outbound-harness.ts";
import { createLabel } from "./support/scene.ts";
import { countStats, describeWrites, isWriteCall } from "./support/write-calls.ts";

// Associations from every shape a column can hold — a list, comma-separated text, {value,
// label} objects, a {key: label|null} map, a single value — naming targets by record id, by
// domain (companies) and by email (contacts → contacts). A label HubSpot does not have stops
// the run before anything is written, and the error names it.

for (const driver of drivers) {
  test(`associations from every shape, by id, by domain and by email, labelled and not [${driver}]`, async (t) => {
    const h = await outboundHarness(t, { driver, syncs: {} });
    const { portal, emulator } = h;
    await createLabel(emulator, "contacts", "companies", "Employer");
    await createLabel(emulator, "contacts", "contacts", "Friend");
    const c = createRecords(portal, "companies", 5, (i) => ({ name: `Company ${i + 1}`, domain: `d${i + 1}.test` }));
    const [c1, c2, c3, c4, c5] = c as [string, string, string, string, string];
    const rows = [
      {
        id: "r1",
        email: "r1@example.com",
        company_list: [c1, c2], // list of ids
        company_csv: `${c3}`, // one id as text
        employers: [{ value: "d4.test", label: "Employer" }], // {value, label} by domain
        company_map: { "d5.test": null, "d1.test": "Employer" }, // map by domain
        friends: ["r2@example.com"], // same type, by email
      },
      {
        id: "r2",
        email: "r2@example.com",
        company_list: [],
        company_csv: `${c2}, ${c3}`,
        employers: null,
        company_map: {},
        friends: { "r1@example.com": "Friend", "r3@example.com": null },
      },
      {
        id: "r3",
        email: "r3@example.com",
        company_list: Number(c5), // a single value, as a number
        company_csv: null,
        employers: [{ value: "d2.test", label: null }],
        company_map: { "d3.test": ["Employer"] },
        friends: "r1@example.com",
      },
    ];
    const path = h.jsonl("people.jsonl", rows);
    h.setSyncs({
      people: {
        source: { jsonl: path },
        key: "id",
        object: "contacts",
        mode: "upsert",
        match: { property: "email", column: "email" },
        fields: { email: "email" },
        associations: [
          { to: "companies", column: "company_list" },
          { to: "companies", column: "company_csv", shape: "csv" },
          { to: "companies", column: "employers", by: "domain", shape: "value_label" },
          { to: "companies", column: "company_map", by: "domain", shape: "map" },
          { to: "contacts", column: "friends", by: "email" },
        ],
      },
    });

    const summary = await h.run("people");
    assert.equal(summary.created, 3);
    assert.equal(summary.rowsInvalid + summary.failed + summary.orphans, 0);
    const id = (email: string): string => contactsHolding(portal, email)[0] ?? assert.fail(`${email} not created`);
    const [r1, r2, r3] = [id("r1@example.com"), id("r2@example.com"), id("r3@example.com")];

    assert.deepEqual(labelledPairs(portal, "contacts", r1, "companies"), [`${c1}:-,Employer`, `${c2}:-`, `${c3}:-`, `${c4}:-,Employer`, `${c5}:-`].sort());
    assert.deepEqual(labelledPairs(portal, "contacts", r2, "companies"), [`${c2}:-`, `${c3}:-`].sort());
    assert.deepEqual(labelledPairs(portal, "contacts", r3, "companies"), [`${c2}:-`, `${c3}:-,Employer`, `${c5}:-`].sort());
    // contact → contact, both directions: r1–r2 (unlabelled from r1, Friend from r2), r2–r3, r3–r1.
    const friendsOf = (from: string) => labelledPairs(portal, "contacts", from, "contacts").map((p) => p.split(":")[0]).sort();
    assert.deepEqual(friendsOf(r1), [r2, r3].sort());
    assert.deepEqual(friendsOf(r2), [r1, r3].sort());
    assert.deepEqual(friendsOf(r3), [r1, r2].sort());
    assert.ok(labelledPairs(portal, "contacts", r2, "contacts").includes(`${r1}:-,Friend`), "r2 → r1 carries the Friend label");
    assert.ok(summary.associationsCreated >= 11, `${summary.associationsCreated} associations created (11 company pairs, 3 contact pairs)`);
  });

  test(`an association label HubSpot does not have stops the run with an error naming it; nothing is written [${driver}]`, async (t) => {
    const h = await outboundHarness(t, { driver, syncs: {} });
    const { portal, emulator } = h;
    await createLabel(emulator, "contacts", "companies", "Employer");
    const [c1] = createRecords(portal, "companies", 1, () => ({ name: "Company" }));
    const path = h.csv("people.csv", ["id", "email", "company_id"], [
      { id: "r1", email: "r1@example.com", company_id: c1! },
      { id: "r2", email: "r2@example.com", company_id: c1! },
    ]);
    h.setSyncs({
      people: {
        source: { csv: path },
        key: "id",
        object: "contacts",
        mode: "upsert",
        match: { property: "email", column: "email" },
        fields: { email: "email" },
        associations: [{ to: "companies", column: "company_id", label: "Key Account Manager" }],
      },
    });
    emulator.control.stats.reset();

    const result = await h.attempt("people");
    const failure = failureOf(result);
    assert.ok(failure !== undefined, "the run fails");
    assert.match(failure.message, /Key Account Manager/, "the error names the missing label");
    const stats = emulator.control.stats.snapshot();
    assert.equal(countStats(stats, isWriteCall), 0, `nothing written: ${describeWrites(stats)}`);
    assert.equal(liveCount(portal, "contacts"), 0);
    assert.equal((await h.recordIds("people")).size, 0);
  });
}
