import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachDriver, type OutboundKit } from "./test-support/outbound-kit.ts";

/** One sync per standard target, each writing two records and (where it makes sense) an association. */
const cases: Array<{ object: string; fields: string; rows: Array<Record<string, unknown>>; association?: string; check: (kit: OutboundKit, ids: string[]) => void }> = [
  {
    object: "companies",
    fields: "{ name: name, domain: domain }",
    rows: [{ id: "co1", name: "Acme", domain: "acme.com" }, { id: "co2", name: "Globex", domain: "globex.com" }],
    check: (kit, ids) => assert.equal(kit.records("companies").get(ids[0] ?? "")?.["domain"], "acme.com"),
  },
  {
    object: "deals",
    fields: "{ dealname: name, amount: amount, pipeline: pipeline, dealstage: stage }",
    rows: [{ id: "d1", name: "Big", amount: "1200.50", pipeline: "default", stage: "appointmentscheduled" }, { id: "d2", name: "Small", amount: 10, pipeline: "default", stage: "closedwon" }],
    check: (kit, ids) => assert.equal(kit.records("deals").get(ids[0] ?? "")?.["amount"], "1200.5"),
  },
  {
    object: "tickets",
    fields: "{ subject: subject, hs_pipeline: pipeline, hs_pipeline_stage: stage }",
    rows: [{ id: "t1", subject: "Broken", pipeline: "0", stage: "1" }, { id: "t2", subject: "Slow", pipeline: "0", stage: "1" }],
    check: (kit, ids) => assert.equal(kit.records("tickets").get(ids[1] ?? "")?.["subject"], "Slow"),
  },
  {
    object: "notes",
    fields: "{ hs_note_body: body, hs_timestamp: { column: at, transforms: [{ type: date_format, input: iso }] } }",
    rows: [{ id: "n1", body: "Called", at: "2024-05-01T10:00:00Z", contact: "c@example.com" }, { id: "n2", body: "Emailed", at: "2024-05-02T10:00:00Z", contact: "c@example.com" }],
    association: "associations: [{ to: contacts, column: contact, by: email }]",
    check: (kit, ids) => assert.equal(kit.associations("notes", ids[0] ?? "", "contacts").size, 1),
  },
  {
    object: "products",
    fields: "{ name: name, price: price }",
    rows: [{ id: "p1", name: "Widget", price: 9.5 }, { id: "p2", name: "Gadget", price: 20 }],
    check: (kit, ids) => assert.equal(kit.records("products").get(ids[0] ?? "")?.["name"], "Widget"),
  },
  {
    object: "line_items",
    fields: "{ name: name, quantity: quantity, price: price }",
    rows: [{ id: "l1", name: "Widget", quantity: 2, price: 9.5 }, { id: "l2", name: "Gadget", quantity: 1, price: 20 }],
    check: (kit, ids) => assert.equal(kit.records("line_items").get(ids[1] ?? "")?.["quantity"], "1"),
  },
  {
    object: "quotes",
    fields: "{ hs_title: title, hs_expiration_date: { column: expires, transforms: [{ type: date_format, input: iso, output: date }] } }",
    rows: [{ id: "q1", title: "Q-1", expires: "2024-12-31" }, { id: "q2", title: "Q-2", expires: "2025-01-31" }],
    check: (kit, ids) => assert.equal(kit.records("quotes").get(ids[0] ?? "")?.["hs_title"], "Q-1"),
  },
];

test("the standard targets an outbound sync may write", () => assert.equal(cases.length, 7));

forEachDriver("every standard target takes records (and associations) from an outbound sync", async (kit) => {
  const k = await kit({ sync: "source: { jsonl: \"${dir}/rows.jsonl\" }\nkey: id\nobject: contacts\nmode: create\nfields: { email: email }" });
  k.writeFile("rows.jsonl", '{"id": "c1", "email": "c@example.com"}\n');
  await k.run();
  for (const { object, fields, rows, association, check } of cases) {
    k.reconfigure(`source: { jsonl: "\${dir}/rows.jsonl" }\nkey: id\nobject: ${object}\nmode: create\nfields: ${fields}\n${association ?? ""}`);
    k.writeFile("rows.jsonl", `${rows.map((row) => JSON.stringify(row)).join("\n")}\n`);
    const run = await k.run();
    assert.equal(run.created, 2, `${object}: ${JSON.stringify(await k.audit(run.runId))}`);
    assert.equal(run.failed, 0);
    const stored = await k.rows();
    check(k, rows.map((row) => stored.get(String(row["id"]))?.hubspotId ?? ""));
  }
});
