import assert from "node:assert/strict";
import { test } from "node:test";
import { associate, callApi, callApiOk, createRecords, liveRecord } from "./support/emulator-data.ts";
import { inboundHarness, streamOf } from "./support/inbound-harness.ts";
import { assertAssociationsMirror } from "./support/mirror-compare.ts";
import { drivers } from "./support/test-store.ts";

// Pitfall 5: associations missing, stale, or refreshed only when the record itself changes.
// Associating or dissociating does not touch a record's modified date, so an incremental run
// must still pick the change up — with type ids and labels.

for (const driver of drivers) {
  test(`pitfall 5: an association added to (or removed from) an unchanged record shows after the next incremental run, labels and type ids included [${driver}]`, async (t) => {
    const h = await inboundHarness(t, {
      driver,
      streams: "contacts: { strategy: incremental, associations: [companies] }\ncompanies: { strategy: incremental }",
      clientLimits: { associationBatchSize: 25, searchPageSize: 50 },
    });
    const { portal, emulator } = h;
    const before = h.clock.now() - 60_000;
    const companies = createRecords(portal, "companies", 10, (i) => ({ name: `Company ${i}`, domain: `c${i}.example.com` }), { at: () => before });
    const contacts = createRecords(portal, "contacts", 60, (i) => ({ email: `p${i}@example.com` }), { at: (i) => before + i });
    for (let i = 0; i < 30; i++) associate(portal, "contacts", contacts[i]!, "companies", companies[i % 10]!);
    await callApiOk(emulator, "POST", "/crm/v4/associations/contacts/companies/labels", { label: "Billing contact", name: "billing_contact" });
    const labels = await callApiOk<{ results: Array<{ typeId: number; label: string | null; category: string }> }>(emulator, "GET", "/crm/v4/associations/contacts/companies/labels");
    const billing = labels.results.find((l) => l.label === "Billing contact");
    assert.ok(billing !== undefined);

    await h.run();
    await assertAssociationsMirror(h.store, h.portalId, emulator, portal, "contacts", "companies");

    // Later, through HubSpot's API: one default association added, one labelled association
    // added, one association removed — on contacts that otherwise do not change.
    emulator.control.clock.advance(600_000);
    const [added, labelled, removed] = [contacts[40]!, contacts[41]!, contacts[5]!];
    const modifiedBefore = [added, labelled, removed].map((id) => liveRecord(portal, "contacts", id)?.properties["lastmodifieddate"]);
    await callApiOk(emulator, "PUT", `/crm/v4/objects/contacts/${added}/associations/default/companies/${companies[3]}`);
    await callApiOk(emulator, "PUT", `/crm/v4/objects/contacts/${labelled}/associations/companies/${companies[4]}`, [
      { associationCategory: billing.category, associationTypeId: billing.typeId },
    ]);
    assert.equal((await callApi(emulator, "DELETE", `/crm/v4/objects/contacts/${removed}/associations/companies/${companies[5]}`)).status, 204);
    assert.deepEqual(
      [added, labelled, removed].map((id) => liveRecord(portal, "contacts", id)?.properties["lastmodifieddate"]),
      modifiedBefore,
      "scene: association changes leave the contacts' modified dates alone",
    );

    const summary = await h.run();
    const stored = async (id: string) =>
      (await h.store.associations(h.portalId, { fromType: "contacts", fromId: id, toType: "companies" })).map((a) => ({ toId: a.toId, typeId: a.typeId, label: a.label }));
    const defaultType = (await stored(contacts[0]!))[0]?.typeId;
    assert.ok(defaultType !== undefined);
    assert.deepEqual(await stored(added), [{ toId: companies[3], typeId: defaultType, label: null }]);
    assert.deepEqual(
      (await stored(labelled)).sort((a, b) => a.typeId - b.typeId),
      [
        { toId: companies[4], typeId: defaultType, label: null },
        { toId: companies[4], typeId: billing.typeId, label: "Billing contact" },
      ].sort((a, b) => a.typeId - b.typeId),
    );
    assert.deepEqual(await stored(removed), []);
    await assertAssociationsMirror(h.store, h.portalId, emulator, portal, "contacts", "companies");
    // Three rows in (one default, a default and a label), one out.
    assert.equal(streamOf(summary, "contacts").associationsChanged, 4);
    assert.equal(streamOf(summary, "contacts").written, 0, "the contacts themselves did not change");

    await h.assertEqualsFullRefresh(["contacts", "companies"], [["contacts", "companies"]]);
  });
}
