import assert from "node:assert/strict";
import { test } from "node:test";
import { connectionId } from "../../core/ids.ts";
import { parseConfig } from "../../config/index.ts";
import { mirrorConfig } from "../test-support/cli-test-kit.ts";
import { missingScopes, scopesNeeded } from "./stream-scopes.ts";

function needs(streams: string) {
  const parsed = parseConfig(mirrorConfig(streams), { HUBSPOT_BASE_URL: "http://127.0.0.1:1", HUBSPOT_TOKEN: "t" });
  assert.ok(parsed.ok);
  return scopesNeeded(parsed.value, connectionId("hubspot"));
}

test("each stream needs its object's read scope and its properties' schema scope", () => {
  assert.deepEqual(
    needs("contacts:\ncompanies:").map((n) => [n.scope, n.neededBy]),
    [
      ["crm.objects.contacts.read", ["crm/contacts"]],
      ["crm.schemas.contacts.read", ["crm/contacts"]],
      ["crm.objects.companies.read", ["crm/companies"]],
      ["crm.schemas.companies.read", ["crm/companies"]],
    ],
  );
});

test("engagements are gated by the contacts scopes; associations by the target's read scope", () => {
  const found = needs("notes:\n  associations: [deals, p_gift]");
  assert.deepEqual(found.map((n) => n.scope), ["crm.objects.contacts.read", "crm.schemas.contacts.read", "crm.objects.deals.read", "crm.objects.custom.read"]);
});

test("custom objects, owners, pipelines and lists need their own scopes; lists accept write too", () => {
  const found = needs("custom_objects: all\nowners:\npipelines:\nlists:");
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
