import assert from "node:assert/strict";
import { test } from "node:test";
import { connectionId } from "../../core/ids.ts";
import { parseConfig } from "../../config/index.ts";
import { missingScopes, scopesNeeded } from "./scopes-needed.ts";

const header = `version: 1
store: "sqlite:./x.db"
connections:
  hubspot:
    baseUrl: http://127.0.0.1:1
    auth: { type: private_app, token: t }
`;

const indent = (text: string, by: string): string =>
  text
    .trim()
    .split("\n")
    .map((line) => `${by}${line}`)
    .join("\n");

function needs(yaml: string) {
  const parsed = parseConfig(yaml, {});
  assert.ok(parsed.ok, parsed.ok ? "" : parsed.error.message);
  return scopesNeeded(parsed.value, connectionId("hubspot"));
}

const inbound = (streams: string): string => `${header}inbound:\n  crm:\n    connection: hubspot\n    streams:\n${indent(streams, "      ")}\n`;
const outbound = (sync: string): string =>
  `${header}outbound:\n  push:\n    connection: hubspot\n    source: { table: app_rows }\n    key: id\n${indent(sync, "    ")}\n`;

test("each stream needs its object's read scope and its properties' schema scope", () => {
  assert.deepEqual(
    needs(inbound("contacts:\ncompanies:")).map((n) => [n.scope, n.neededBy]),
    [
      ["crm.objects.contacts.read", ["crm/contacts"]],
      ["crm.schemas.contacts.read", ["crm/contacts"]],
      ["crm.objects.companies.read", ["crm/companies"]],
      ["crm.schemas.companies.read", ["crm/companies"]],
    ],
  );
});

test("engagements are gated by the contacts scopes; associations by the target's read scope", () => {
  const found = needs(inbound("notes:\n  associations: [deals, p_gift]"));
  assert.deepEqual(found.map((n) => n.scope), ["crm.objects.contacts.read", "crm.schemas.contacts.read", "crm.objects.deals.read", "crm.objects.custom.read"]);
});

test("custom objects, owners, pipelines and lists need their own scopes; lists accept write too", () => {
  const found = needs(inbound("custom_objects: all\nowners:\npipelines:\nlists:"));
  assert.deepEqual(found.map((n) => n.anyOf), [
    ["crm.schemas.custom.read"],
    ["crm.objects.custom.read"],
    ["crm.objects.owners.read"],
    ["crm.objects.deals.read"],
    ["crm.objects.tickets.read"],
    ["crm.lists.read", "crm.lists.write"],
  ]);
  assert.deepEqual(missingScopes(found, ["crm.schemas.custom.read", "crm.objects.custom.read", "crm.objects.owners.read", "crm.objects.deals.read", "crm.objects.tickets.read", "crm.lists.write"]), []);
  assert.deepEqual(missingScopes(found, ["crm.objects.owners.read"]).map((n) => n.scope), ["crm.schemas.custom.read", "crm.objects.custom.read", "crm.objects.deals.read", "crm.objects.tickets.read", "crm.lists.read"]);
});

test("an outbound sync needs the object's write, read and schema scopes, the targets' read scopes, and lists write", () => {
  const found = needs(
    outbound(
      "object: contacts\nmode: upsert\nmatch: { property: email, column: email }\nassociations:\n  - { to: companies, column: domain, by: domain }\nlist: true",
    ),
  );
  assert.deepEqual(
    found.map((n) => [n.scope, n.neededBy]),
    [
      ["crm.objects.contacts.write", ["push"]],
      ["crm.objects.contacts.read", ["push"]],
      ["crm.schemas.contacts.read", ["push"]],
      ["crm.objects.companies.read", ["push"]],
      ["crm.lists.write", ["push"]],
    ],
  );
});

test("a declared custom object needs the custom schema write scope; createMissingProperties the object's schema write scope", () => {
  const custom = needs(
    outbound(`object: gift_transaction
mode: upsert
match: { property: transaction_id, column: id }
fields: { transaction_id: id }
customObject:
  name: gift_transaction
  labels: { singular: Gift, plural: Gifts }
  primaryDisplayProperty: transaction_id
  uniqueProperty: transaction_id
  properties: [{ name: transaction_id }]`),
  );
  assert.deepEqual(custom.map((n) => n.scope), ["crm.objects.custom.write", "crm.objects.custom.read", "crm.schemas.custom.read", "crm.schemas.custom.write"]);

  const companies = needs(outbound("object: companies\nmode: create\nfields: { loyalty_tier: tier }\ncreateMissingProperties: true"));
  assert.deepEqual(companies.map((n) => n.scope), ["crm.objects.companies.write", "crm.objects.companies.read", "crm.schemas.companies.read", "crm.schemas.companies.write"]);
});
