import assert from "node:assert/strict";
import { test } from "node:test";
import type { AssociationTypeRef, TypedAssociationPair } from "./association-outcome.ts";
import type { AssociationRow } from "./read-associations.ts";
import { drain, emulatorClient, type EmulatorClientKit } from "./test-support/emulator-client.ts";
import { createRecords } from "./test-support/seed-records.ts";

const CONTACT_TO_COMPANY: AssociationTypeRef = { category: "HUBSPOT_DEFINED", typeId: 279 };

async function setup(limits = {}): Promise<{ kit: EmulatorClientKit; contacts: string[]; companies: string[] }> {
  const kit = emulatorClient({}, { limits });
  const contacts = await createRecords(kit, "contacts", 5, (i) => ({ email: `c${i}@example.com` }));
  const companies = await createRecords(kit, "companies", 3, (i) => ({ name: `Co ${i}` }));
  return { kit, contacts, companies };
}

const read = async (kit: EmulatorClientKit, ids: string[]): Promise<AssociationRow[]> => (await drain(kit.client.readAssociations("contacts", "companies", ids))).items;
const pairsOf = (rows: AssociationRow[]): string[] => [...new Set(rows.map((r) => `${r.fromId}>${r.toId}`))].sort();

test("labelled associations: a label is created once, pairs carry it beside the default type, a missing record fails alone", async () => {
  const { kit, contacts, companies } = await setup();
  const made = await kit.client.createAssociationLabel("contacts", "companies", { label: "Billing contact", name: "billing_contact" });
  assert.equal(made.status, "created");
  assert.equal(made.value.label, "Billing contact");
  assert.equal(made.value.category, "USER_DEFINED");
  const again = await kit.client.createAssociationLabel("contacts", "companies", { label: "Billing contact", name: "billing_contact" });
  assert.deepEqual(again, { status: "existing", value: made.value });
  assert.ok((await kit.client.associationLabels("contacts", "companies")).some((l) => l.typeId === 279 && l.label === null));

  const billing = { category: "USER_DEFINED", typeId: made.value.typeId } as const;
  const [c0, c1, c2] = contacts as [string, string, string];
  const [co0, co1] = companies as [string, string];
  const outcomes = await kit.client.createAssociations("contacts", "companies", [
    { fromId: c0, toId: co0, types: [billing] },
    { fromId: c1, toId: co0, types: [CONTACT_TO_COMPANY] },
    { fromId: "999999", toId: co1, types: [CONTACT_TO_COMPANY] },
    { fromId: c2, toId: co1, types: [billing, CONTACT_TO_COMPANY] },
  ]);
  assert.deepEqual(outcomes.map((o) => o.status), ["associated", "associated", "failed", "associated"]);
  assert.equal(outcomes[2]?.error?.category, "OBJECT_NOT_FOUND");
  assert.match(outcomes[2]?.error?.message ?? "", /999999/);
  const rows = await read(kit, [c0, c1, c2]);
  assert.deepEqual(rows.filter((r) => r.fromId === c0).map((r) => [r.typeId, r.label]).sort(), [[279, null], [made.value.typeId, "Billing contact"]].sort());
  assert.equal(kit.client.stats().calls["association-write"], 1);
});

test("default associations, pair removal, and removal of a label alone (the pair and its default type stay)", async () => {
  const { kit, contacts, companies } = await setup();
  const [c0, c1, c2] = contacts as [string, string, string];
  const [co0, co1] = companies as [string, string];
  const label = await kit.client.createAssociationLabel("contacts", "companies", { label: "Decision maker", name: "decision_maker" });
  const boss = { category: "USER_DEFINED", typeId: label.value.typeId } as const;

  const defaults = await kit.client.createDefaultAssociations("contacts", "companies", [
    { fromId: c0, toId: co0 },
    { fromId: c1, toId: co0 },
    { fromId: c2, toId: co1 },
    { fromId: c2, toId: "888888" },
  ]);
  assert.deepEqual(defaults.map((o) => o.status), ["associated", "associated", "associated", "failed"]);
  await kit.client.createAssociations("contacts", "companies", [{ fromId: c0, toId: co0, types: [boss] }]);

  const labelsOff = await kit.client.archiveAssociationLabels("contacts", "companies", [{ fromId: c0, toId: co0, types: [boss] }]);
  assert.deepEqual(labelsOff.map((o) => o.status), ["removed"]);
  assert.deepEqual((await read(kit, [c0])).map((r) => [r.toId, r.typeId]), [[co0, 279]], "only the label went");

  const removed = await kit.client.archiveAssociations("contacts", "companies", [{ fromId: c1, toId: co0 }, { fromId: c2, toId: co1 }]);
  assert.deepEqual(removed.map((o) => o.status), ["removed", "removed"]);
  assert.deepEqual(pairsOf(await read(kit, [c0, c1, c2])), [`${c0}>${co0}`]);
  // Both directions go with a pair (company → contact 280 included).
  const back = (await drain(kit.client.readAssociations("companies", "contacts", [co0, co1]))).items;
  assert.deepEqual(back.map((r) => [r.fromId, r.toId, r.typeId]), [[co0, c0, 280]]);
});

test("association batches of limits.associationWriteBatchSize; a whole batch refused for one unknown type id is split and the rest land", async () => {
  const { kit, contacts, companies } = await setup({ associationWriteBatchSize: 4 });
  const pairs: TypedAssociationPair[] = contacts.flatMap((fromId) => companies.slice(0, 2).map((toId) => ({ fromId, toId, types: [CONTACT_TO_COMPANY] })));
  const bogus = { category: "USER_DEFINED", typeId: 987654 } as const;
  pairs[6] = { ...pairs[6]!, types: [bogus] };
  const outcomes = await kit.client.createAssociations("contacts", "companies", pairs);
  assert.deepEqual(outcomes.map((o) => o.status), pairs.map((_, i) => (i === 6 ? "failed" : "associated")));
  assert.match(outcomes[6]?.error?.message ?? "", /987654 is not a valid association type/);
  assert.equal(pairsOf(await read(kit, contacts)).length, 9);
  assert.ok(kit.client.stats().batchSplits >= 1);
});
