import assert from "node:assert/strict";
import { test } from "node:test";
import { refreshProperties } from "../../src/sync/index.ts";
import { createRecords } from "../inbound/support/emulator-data.ts";
import { associatedIds, contactsHolding, idsByValue, liveCount, liveRecord } from "./support/hubspot-truth.ts";
import { drivers, failureOf, outboundHarness } from "./support/outbound-harness.ts";
import { createProperty } from "./support/scene.ts";
import { countStats, describeWrites, isWriteCall } from "./support/write-calls.ts";

// Field mapping end to end: transforms, number formats, clearing on null, and properties
// HubSpot lacks — created when asked, a clear error naming them when not. Then every standard
// target an outbound sync may write (deals, tickets, notes, products, line items, quotes).

for (const driver of drivers) {
  test(`fields: transforms, number formats, clearOnNull, and missing properties created when asked [${driver}]`, async (t) => {
    const h = await outboundHarness(t, {
      driver,
      syncs: {
        customers: {
          source: { table: "users" },
          key: "id",
          object: "contacts",
          mode: "upsert",
          match: { property: "email", column: "email" },
          fields: {
            email: { column: "email", transforms: ["lowercase"] },
            firstname: "first_name",
            plan_tier: { column: "plan", transforms: [{ type: "map_values", values: { pro: "Professional", ent: "Enterprise" } }] },
            arr: { column: "mrr", transforms: [{ type: "annualize", period: "monthly" }] },
            signup_date: { column: "signed_up_at", transforms: [{ type: "date_format", input: "DD/MM/YYYY", output: "date" }] },
            full_name: { transforms: [{ type: "concat", parts: [{ column: "first_name" }, { column: "last_name" }] }] },
            lifecyclestage: { transforms: [{ type: "constant", value: "customer" }] },
            hs_lead_status: { column: "status", clearOnNull: true },
            lifetime_value: { column: "revenue", numberFormat: { decimal: ",", thousands: "." } },
          },
          createMissingProperties: true,
        },
      },
    });
    const { portal } = h;
    await createProperty(h.emulator, "contacts", { name: "lifetime_value", type: "number" });
    const [existing] = createRecords(portal, "contacts", 1, () => ({ email: "bo@example.com", hs_lead_status: "OPEN" }));
    await h.db.createTable("users", { id: "integer primary key", email: "text", first_name: "text", last_name: "text", plan: "text", mrr: "text", signed_up_at: "text", status: "text", revenue: "text" }, [
      { id: 1, email: "Ann@Example.COM", first_name: "Ann", last_name: "Lee", plan: "pro", mrr: "100.50", signed_up_at: "03/05/2024", status: "NEW", revenue: "1.234.567,89" },
      { id: 2, email: "bo@example.com", first_name: "Bo", last_name: "Ek", plan: "ent", mrr: "12", signed_up_at: "31/12/2023", status: null, revenue: null },
    ]);

    const summary = await h.run("customers");
    assert.equal(summary.created, 1);
    assert.equal(summary.updated, 1);
    const contacts = portal.resolveType("contacts");
    for (const name of ["plan_tier", "arr", "signup_date", "full_name"]) assert.ok(portal.properties(contacts).get(name) !== undefined, `missing property ${name} was created`);
    const ann = liveRecord(portal, "contacts", contactsHolding(portal, "ann@example.com")[0] ?? "")?.properties ?? assert.fail("ann@example.com not created");
    assert.equal(ann["plan_tier"], "Professional");
    assert.equal(Number(ann["arr"]), 1206, `arr ${ann["arr"]}`);
    assert.equal(ann["signup_date"], "2024-05-03");
    assert.equal(ann["full_name"], "Ann Lee");
    assert.equal(ann["lifecyclestage"], "customer");
    assert.equal(ann["hs_lead_status"], "NEW");
    assert.equal(ann["lifetime_value"], "1234567.89");
    const bo = liveRecord(portal, "contacts", existing!)?.properties ?? assert.fail();
    assert.equal(bo["plan_tier"], "Enterprise");
    assert.equal(Number(bo["arr"]), 144);
    assert.equal(bo["hs_lead_status"] ?? "", "", "clearOnNull cleared the status");
    assert.equal(bo["lifetime_value"], undefined, "an empty value leaves the property alone");
  });

  test(`fields: a property HubSpot lacks, without createMissingProperties, fails the run naming it and writes nothing; once created in HubSpot, a refresh sees it and the next run writes it [${driver}]`, async (t) => {
    const h = await outboundHarness(t, {
      driver,
      syncs: {
        customers: {
          source: { table: "users" },
          key: "id",
          object: "contacts",
          mode: "upsert",
          match: { property: "email", column: "email" },
          fields: { email: "email", loyalty_points: "points" },
        },
      },
    });
    await h.db.createTable("users", { id: "integer primary key", email: "text", points: "integer" }, [{ id: 1, email: "ann@example.com", points: 3 }]);
    h.emulator.control.stats.reset();
    const failure = failureOf(await h.attempt("customers"));
    assert.ok(failure !== undefined, "the run fails");
    assert.match(failure.message, /loyalty_points/);
    assert.equal(countStats(h.emulator.control.stats.snapshot(), isWriteCall), 0, describeWrites(h.emulator.control.stats.snapshot()));
    assert.equal(liveCount(h.portal, "contacts"), 0);

    // The property list is refreshed on demand (and by every run): once an admin creates the
    // property in HubSpot, the report is clean and the next run writes it.
    const before = await refreshProperties(h.deps, h.config, "customers");
    assert.ok(before.ok && before.value.issues.some((issue) => issue.message.includes("loyalty_points")), "the report names the missing property");
    await createProperty(h.emulator, "contacts", { name: "loyalty_points", type: "number" });
    const after = await refreshProperties(h.deps, h.config, "customers");
    assert.ok(after.ok, "refresh succeeds");
    assert.deepEqual(after.value.issues, []);
    assert.ok(after.value.properties.some((p) => p.name === "loyalty_points"));
    assert.equal(after.value.match?.unique, true, "email is a unique match");
    const summary = await h.run("customers");
    assert.equal(summary.created, 1);
    assert.equal(liveRecord(h.portal, "contacts", contactsHolding(h.portal, "ann@example.com")[0] ?? "")?.properties["loyalty_points"], "3");
  });

  test(`targets: deals, tickets, notes, products, line items and quotes are written, with their associations [${driver}]`, async (t) => {
    const h = await outboundHarness(t, { driver, syncs: {} });
    const { portal } = h;
    const [contact] = createRecords(portal, "contacts", 1, () => ({ email: "owner@example.com" }));
    const rows = (n: number, make: (i: number) => Record<string, unknown>) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, ...make(i) }));
    const sources = {
      deals: rows(3, (i) => ({ name: `Deal ${i}`, amount: 1000 * (i + 1), close: "2025-06-30T00:00:00Z", type: "newbusiness", contact })),
      tickets: rows(3, (i) => ({ subject: `Ticket ${i}`, priority: "HIGH", contact })),
      notes: rows(3, (i) => ({ body: `Note ${i}`, at: "2025-01-15T12:00:00Z", contact })),
      products: rows(3, (i) => ({ name: `Product ${i}`, price: 9.5 + i, sku: `SKU-${i}` })),
      line_items: rows(3, (i) => ({ name: `Line ${i}`, quantity: i + 1, price: 20 })),
      quotes: rows(3, (i) => ({ title: `Quote ${i}`, expires: "2025-12-31" })),
    };
    const fields: Record<string, Record<string, string>> = {
      deals: { dealname: "name", amount: "amount", closedate: "close", dealtype: "type" },
      tickets: { subject: "subject", hs_ticket_priority: "priority" },
      notes: { hs_note_body: "body", hs_timestamp: "at" },
      products: { name: "name", price: "price", hs_sku: "sku" },
      line_items: { name: "name", quantity: "quantity", price: "price" },
      quotes: { hs_title: "title", hs_expiration_date: "expires" },
    };
    const withContact = new Set(["deals", "tickets", "notes"]);
    const syncs: Record<string, Record<string, unknown>> = {};
    for (const [object, data] of Object.entries(sources)) {
      syncs[object] = {
        source: { jsonl: h.jsonl(`${object}.jsonl`, data) },
        key: "id",
        object,
        mode: "create",
        fields: fields[object],
        ...(withContact.has(object) ? { associations: [{ to: "contacts", column: "contact" }] } : {}),
      };
    }
    h.setSyncs(syncs);

    for (const object of Object.keys(sources)) {
      const summary = await h.run(object);
      assert.equal(summary.created, 3, `${object}: three created`);
      assert.equal(liveCount(portal, object), 3, `${object} in HubSpot`);
      const ids = await h.recordIds(object);
      assert.equal(ids.size, 3);
      if (withContact.has(object)) for (const id of ids.values()) assert.deepEqual(associatedIds(portal, object, id, "contacts"), [contact], `${object} ${id} → the contact`);
    }
    assert.equal(idsByValue(portal, "deals", "dealname").get("deal 1")?.length, 1);
    const deal = liveRecord(portal, "deals", idsByValue(portal, "deals", "dealname").get("deal 1")?.[0] ?? "");
    assert.equal(deal?.properties["amount"], "2000");
    assert.equal(deal?.properties["closedate"], "2025-06-30T00:00:00.000Z");
    const quote = liveRecord(portal, "quotes", idsByValue(portal, "quotes", "hs_title").get("quote 0")?.[0] ?? "");
    assert.equal(quote?.properties["hs_expiration_date"], "2025-12-31");
    const product = liveRecord(portal, "products", idsByValue(portal, "products", "hs_sku").get("sku-2")?.[0] ?? "");
    assert.equal(product?.properties["price"], "11.5");
  });
}
