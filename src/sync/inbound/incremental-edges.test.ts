import assert from "node:assert/strict";
import { assertMirrors, forEachDriver } from "./test-support/engine-kit.ts";
import { streamOf } from "./test-support/scene.ts";
import { createAt, updateAt } from "./test-support/scene-records.ts";

const SECOND = 1_000;

forEachDriver("index lag and many records sharing one timestamp across search pages lose nothing", async (kit) => {
  const k = await kit({ streams: "contacts:", emulator: { indexLagMs: 30 * SECOND }, limits: { searchPageSize: 10 } });
  createAt(k.portal, "contacts", 5, k.clock.now() - 3_600_000, (i) => ({ email: `old${i}@example.com` }));
  await k.run();
  k.emulator.control.clock.advance(10 * 60 * SECOND);

  // 45 records at one instant and 7 a millisecond later: search does not show them for 30 s.
  const t1 = k.clock.now();
  const tied = createAt(k.portal, "contacts", 45, t1, (i) => ({ email: `tied${i}@example.com` }));
  createAt(k.portal, "contacts", 7, t1 + 1, (i) => ({ email: `next${i}@example.com` }));
  updateAt(k.portal, "contacts", tied.slice(0, 3), t1 + 1, (id) => ({ firstname: `Updated ${id}` }));
  // A later write that search shows at once: a cursor moved to it would skip the lagging ones.
  k.emulator.control.setIndexLag(0);
  createAt(k.portal, "contacts", 1, t1 + 5 * SECOND, () => ({ email: "fast@example.com" }));
  k.emulator.control.clock.advance(10 * SECOND);
  const early = await k.run();
  assert.equal(streamOf(early, "contacts").written, 1, "only the write search shows already");

  k.emulator.control.clock.advance(60 * SECOND);
  const later = await k.run();
  assert.equal(streamOf(later, "contacts").written, 52);
  assert.equal(streamOf(later, "contacts").fetched, 53, "the overlap re-reads the fast write, which is not written again");
  await assertMirrors(k, "contacts");
});

forEachDriver("an association added to an unchanged record appears after the next incremental run, and a removed one goes", async (kit) => {
  const k = await kit({ streams: "contacts: { associations: [companies] }\ncompanies:" });
  const now = k.clock.now() - 3_600_000;
  const [contact] = createAt(k.portal, "contacts", 1, now, () => ({ email: "a@example.com" }));
  const [company] = createAt(k.portal, "companies", 1, now, () => ({ name: "Acme" }));
  await k.run();
  assert.deepEqual(await k.store.associations(k.portalId, { fromType: "contacts", toType: "companies" }), []);

  const contacts = k.portal.resolveType("contacts");
  const companies = k.portal.resolveType("companies");
  k.portal.associations.associateDefault(contacts, contact ?? "", companies, company ?? "", { sourceType: "CRM_UI" }, k.clock.now());
  const added = await k.run();
  assert.equal(streamOf(added, "contacts").written, 0, "the record itself did not change");
  assert.equal(streamOf(added, "contacts").associationsChanged, 1);
  const stored = await k.store.associations(k.portalId, { fromType: "contacts", toType: "companies" });
  assert.deepEqual(stored.map((a) => [a.fromId, a.toId, a.typeId, a.category]), [[contact, company, 279, "HUBSPOT_DEFINED"]]);

  const info = k.emulator.info();
  const removed = await k.emulator.fetch(`${info.baseUrl}/crm/v4/objects/contacts/${contact}/associations/companies/${company}`, { method: "DELETE", headers: { authorization: `Bearer ${info.token}` } });
  assert.equal(removed.status, 204);
  const after = await k.run();
  assert.equal(streamOf(after, "contacts").associationsChanged, 1);
  assert.deepEqual(await k.store.associations(k.portalId, { fromType: "contacts", toType: "companies" }), []);
});
