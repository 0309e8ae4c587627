import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseConfig, type OutboundSyncConfig } from "../../config/index.ts";
import type { HubSpotClient, HubSpotProperty } from "../../hubspot/index.ts";
import { associationKey } from "./association-key.ts";
import { LabelCatalog } from "./label-catalog.ts";
import type { AssociationPlan, OutboundTarget } from "./outbound-target.ts";
import { planRow } from "./plan-row.ts";

function syncOf(lines: string): OutboundSyncConfig {
  const parsed = parseConfig(`version: 1\nconnections:\n  hub:\n    auth: { type: private_app, token: t }\noutbound:\n  push:\n    connection: hub\n${lines.replace(/^/gm, "    ")}\n`, {});
  if (!parsed.ok) assert.fail(parsed.error.message);
  const sync = parsed.value.outbound[0];
  if (sync === undefined) assert.fail("no sync");
  return sync;
}

const property = (name: string, type = "string", fieldType = "text"): HubSpotProperty => ({
  name, label: name, type, fieldType, groupName: "", description: "", options: [], hasUniqueValue: false, calculated: false, hubspotDefined: false, archived: false,
});

function targetOf(sync: OutboundSyncConfig): OutboundTarget {
  const contacts = { apiType: "contacts", storeType: "contacts", custom: false };
  const associations: AssociationPlan[] = sync.associations.map((config, index) => ({
    index,
    key: associationKey(config, sync.associations),
    config,
    toType: { apiType: config.toObjectType, storeType: config.toObjectType, custom: false },
    lookup: config.by === "hs_object_id" ? "id" : "unique",
    resolve: "unique",
  }));
  return {
    type: contacts,
    objectTypeId: "0-1",
    properties: new Map([property("email"), property("firstname"), property("age", "number", "number")].map((p) => [p.name, p])),
    match: { kind: "unique", property: "email", column: "email" },
    associations,
    labels: new LabelCatalog({} as HubSpotClient, "contacts", undefined),
    missingObject: false,
  };
}

const sync = syncOf(`source: { table: t }
key: id
object: contacts
mode: upsert
match: { property: email, column: email }
fields: { firstname: first, age: age }
associations:
  - { to: companies, column: company_ids }
  - { to: contacts, column: referrer, by: email, label: Referrer }`);

describe("planRow", () => {
  const labels = new Map([["contacts", new Set(["Referrer"])], ["companies", new Set(["Employer"])]]);

  it("maps properties, adds the match value, reads association targets with the sync's label, and hashes", () => {
    const plan = planRow({ key: "1", values: { id: 1, email: "A@x.com", first: "Ann", age: "41", company_ids: "12, 13", referrer: "b@x.com" } }, sync, targetOf(sync), labels);
    assert.ok(plan.ok);
    assert.deepEqual(plan.row.properties, { firstname: "Ann", age: "41", email: "A@x.com" });
    assert.equal(plan.row.matchValue, "A@x.com");
    assert.deepEqual(Object.values(plan.row.targets), [
      [{ key: "12", label: null }, { key: "13", label: null }],
      [{ key: "b@x.com", label: "Referrer" }],
    ]);
    const again = planRow({ key: "1", values: { id: 1, email: "A@x.com", first: "Ann", age: 41, company_ids: ["13", "12"], referrer: "b@x.com" } }, sync, targetOf(sync), labels);
    assert.ok(again.ok);
    assert.equal(again.row.hash, plan.row.hash, "the same content in another shape hashes the same");
    const moved = planRow({ key: "1", values: { id: 1, email: "A@x.com", first: "Ann", age: 41, company_ids: "12", referrer: "b@x.com" } }, sync, targetOf(sync), labels);
    assert.ok(moved.ok);
    assert.notEqual(moved.row.hash, plan.row.hash);
    assert.equal(moved.row.propertiesHash, plan.row.propertiesHash, "only the targets changed");
  });

  it("reports every problem of a row at once: a bad value, a malformed target, a label HubSpot lacks", () => {
    const bad = syncOf(`source: { table: t }
key: id
object: contacts
mode: upsert
match: { property: email, column: email }
fields: { age: age }
associations:
  - { to: companies, column: company_ids, shape: map }`);
    const plan = planRow({ key: "9", values: { email: "a@x.com", age: "old", company_ids: { "12": "Owner", x1: null } } }, bad, targetOf(bad), labels);
    assert.ok(!plan.ok);
    const messages = plan.problems.map((p) => p.message);
    assert.equal(messages.length, 3, messages.join("\n"));
    assert.match(messages[0] ?? "", /row "9", property "age" \(column "age"\)/);
    assert.ok(messages.some((m) => m.includes('the association label "Owner" does not exist from contacts to companies')));
    assert.ok(messages.some((m) => m.includes('"x1" is not a HubSpot record id')));
  });

  it("tells which target types' labels it needs when they are not read yet", () => {
    const unread = new Set<string>();
    const plan = planRow({ key: "1", values: { email: "a@x.com", first: "A", age: 1, company_ids: '[{"value": "12", "label": "Employer"}]', referrer: null } }, sync, targetOf(sync), new Map(), unread);
    assert.ok(plan.ok);
    assert.deepEqual([...unread], ["companies"]);
  });
});
