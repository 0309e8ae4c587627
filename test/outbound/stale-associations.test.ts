import assert from "node:assert/strict";
import { test } from "node:test";
import { associate, createRecords } from "../inbound/support/emulator-data.ts";
import { contactsHolding, labelledPairs } from "./support/hubspot-truth.ts";
import { drivers, outboundHarness, type OutboundHarness } from "./support/outbound-harness.ts";
import { createLabel } from "./support/scene.ts";

// Pitfall 13: stale associations are never removed from HubSpot. hubsync diffs what the source
// wants against what it wrote, pair by pair and label by label: with `removeMissing` a company
// removed from a contact's row is no longer associated after the run (associations someone else
// made stay); without it nothing is removed. Removing the last label of a pair removes the
// unlabelled association HubSpot keeps beside it only with `removeDefaultWhenLastLabelRemoved`.

const contactOf = (h: OutboundHarness, email: string): string => {
  const ids = contactsHolding(h.portal, email);
  assert.equal(ids.length, 1, `${email}: ${JSON.stringify(ids)}`);
  return ids[0]!;
};

const pairsSync = (table: string, removeMissing: boolean) => ({
  source: { table },
  key: "id",
  object: "contacts",
  mode: "upsert",
  match: { property: "email", column: "email" },
  fields: { email: "email" },
  associations: [{ to: "companies", column: "company_ids", shape: "csv", removeMissing }],
});

const labelSync = (table: string, removeDefault: boolean) => ({
  source: { table },
  key: "id",
  object: "contacts",
  mode: "upsert",
  match: { property: "email", column: "email" },
  fields: { email: "email" },
  associations: [{ to: "companies", column: "companies", shape: "map", removeMissing: true, removeDefaultWhenLastLabelRemoved: removeDefault }],
});

for (const driver of drivers) {
  test(`pitfall 13: a company removed from a contact's row is no longer associated after the run (removeMissing), and only then [${driver}]`, async (t) => {
    const h = await outboundHarness(t, { driver, syncs: { pruning: pairsSync("pruning_src", true), keeping: pairsSync("keeping_src", false) } });
    const { portal } = h;
    const [c1, c2, c3, c4] = createRecords(portal, "companies", 4, (i) => ({ name: `Company ${i + 1}` })) as [string, string, string, string];
    const rows = (prefix: string) => [
      { id: "r1", email: `${prefix}1@example.com`, company_ids: `${c1},${c2}` },
      { id: "r2", email: `${prefix}2@example.com`, company_ids: c3 },
      { id: "r3", email: `${prefix}3@example.com`, company_ids: c1 },
    ];
    const columns = { id: "text primary key", email: "text", company_ids: "text" };
    await h.db.createTable("pruning_src", columns, rows("prune"));
    await h.db.createTable("keeping_src", columns, rows("keep"));

    for (const sync of ["pruning", "keeping"]) {
      const first = await h.run(sync);
      assert.equal(first.associationsCreated, 4);
    }
    // Someone else associates r1's contacts with company 4: not this sync's to remove.
    for (const prefix of ["prune", "keep"]) associate(portal, "contacts", contactOf(h, `${prefix}1@example.com`), "companies", c4);

    for (const table of ["pruning_src", "keeping_src"]) {
      await h.db.exec(
        `update ${table} set company_ids = '${c1}' where id = 'r1'`, // company 2 removed
        `update ${table} set company_ids = null where id = 'r2'`, // every company removed
        `update ${table} set company_ids = '${c1},${c3}' where id = 'r3'`, // company 3 added
      );
    }
    const pruned = await h.run("pruning");
    assert.equal(pruned.associationsRemoved, 2);
    assert.equal(pruned.associationsCreated, 1);
    const kept = await h.run("keeping");
    assert.equal(kept.associationsRemoved, 0);
    assert.equal(kept.associationsCreated, 1);

    const pairs = (email: string) => labelledPairs(portal, "contacts", contactOf(h, email), "companies");
    assert.deepEqual(pairs("prune1@example.com"), [`${c1}:-`, `${c4}:-`].sort(), "company 2 gone; company 4 (someone else's) stays");
    assert.deepEqual(pairs("prune2@example.com"), [], "company 3 gone");
    assert.deepEqual(pairs("prune3@example.com"), [`${c1}:-`, `${c3}:-`].sort());
    assert.deepEqual(pairs("keep1@example.com"), [`${c1}:-`, `${c2}:-`, `${c4}:-`].sort(), "without removeMissing nothing is removed");
    assert.deepEqual(pairs("keep2@example.com"), [`${c3}:-`]);
    assert.deepEqual(pairs("keep3@example.com"), [`${c1}:-`, `${c3}:-`].sort());
    // Removal is of the pair, both directions.
    assert.ok(!labelledPairs(portal, "companies", c2, "contacts").some((p) => p.startsWith(`${contactOf(h, "prune1@example.com")}:`)));

    // A third run with nothing changed removes and adds nothing.
    const again = await h.run("pruning");
    assert.equal(again.associationsRemoved + again.associationsCreated, 0);
  });

  test(`pitfall 13: removing a pair's last label removes the default association only with removeDefaultWhenLastLabelRemoved [${driver}]`, async (t) => {
    const h = await outboundHarness(t, { driver, syncs: { "labels-keep-default": labelSync("keep_src", false), "labels-drop-default": labelSync("drop_src", true) } });
    const { portal, emulator } = h;
    await createLabel(emulator, "contacts", "companies", "Employer");
    await createLabel(emulator, "contacts", "companies", "Billing contact");
    const [c1, c2, c3] = createRecords(portal, "companies", 3, (i) => ({ name: `Company ${i + 1}` })) as [string, string, string];
    const columns = { id: "text primary key", email: "text", companies: "text" };
    const rows = (prefix: string) => [
      { id: "r1", email: `${prefix}1@example.com`, companies: { [c1]: ["Employer", "Billing contact"], [c2]: "Employer" } },
      // The source itself wants the unlabelled association beside the label.
      { id: "r2", email: `${prefix}2@example.com`, companies: { [c3]: [null, "Employer"] } },
    ];
    await h.db.createTable("keep_src", columns, rows("keep"));
    await h.db.createTable("drop_src", columns, rows("drop"));
    const pairs = (email: string) => labelledPairs(portal, "contacts", contactOf(h, email), "companies");

    for (const sync of ["labels-keep-default", "labels-drop-default"]) await h.run(sync);
    for (const prefix of ["keep", "drop"]) {
      assert.deepEqual(pairs(`${prefix}1@example.com`), [`${c1}:-,Billing contact,Employer`, `${c2}:-,Employer`].sort());
      assert.deepEqual(pairs(`${prefix}2@example.com`), [`${c3}:-,Employer`]);
    }

    // One of two labels removed from c1; c2's only label removed; c3's label removed, its default still wanted.
    const step2 = (table: string) => [
      `update ${table} set companies = '${JSON.stringify({ [c1]: "Employer" })}' where id = 'r1'`,
      `update ${table} set companies = '${JSON.stringify({ [c3]: null })}' where id = 'r2'`,
    ];
    await h.db.exec(...step2("keep_src"), ...step2("drop_src"));
    for (const sync of ["labels-keep-default", "labels-drop-default"]) await h.run(sync);
    assert.deepEqual(pairs("keep1@example.com"), [`${c1}:-,Employer`, `${c2}:-`].sort(), "keep: c2's last label gone, its default kept");
    assert.deepEqual(pairs("drop1@example.com"), [`${c1}:-,Employer`], "drop: c2's last label gone, and its default with it");
    for (const prefix of ["keep", "drop"]) assert.deepEqual(pairs(`${prefix}2@example.com`), [`${c3}:-`], `${prefix}: the default the source still wants stays`);

    // The last label of c1 removed too.
    await h.db.exec(`update keep_src set companies = '{}' where id = 'r1'`, `update drop_src set companies = '{}' where id = 'r1'`);
    for (const sync of ["labels-keep-default", "labels-drop-default"]) await h.run(sync);
    assert.deepEqual(pairs("keep1@example.com"), [`${c1}:-`, `${c2}:-`].sort());
    assert.deepEqual(pairs("drop1@example.com"), []);
  });
}
