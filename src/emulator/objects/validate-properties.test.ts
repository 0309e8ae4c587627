import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";

/** The validation results HubSpot embeds as JSON in the message. */
function resultsOf(message: string): Array<{ isValid: boolean; message: string; error: string; name: string }> {
  const prefix = "Property values were not valid: ";
  assert.ok(message.startsWith(prefix), message);
  return JSON.parse(message.slice(prefix.length));
}

async function refused(properties: Record<string, unknown>, type = "contacts") {
  const api = emulatorApi();
  const answer = await api.call("POST", `/crm/v3/objects/${type}`, { properties });
  assert.equal(answer.status, 400);
  assert.equal(answer.body.category, "VALIDATION_ERROR");
  const portal = api.emulator.parts.state.defaultPortal;
  assert.equal(portal.store(portal.resolveType(type)).liveCount, 0, "nothing is written on failure");
  return answer.body;
}

test("an unknown property is PROPERTY_DOESNT_EXIST, in the message's JSON and in errors[]", async () => {
  const body = await refused({ firstname: "ok", favourite_colour: "blue" });
  assert.deepEqual(
    resultsOf(body.message).map(({ isValid, error, name }) => ({ isValid, error, name })),
    [{ isValid: false, error: "PROPERTY_DOESNT_EXIST", name: "favourite_colour" }],
  );
  assert.equal(body.errors.length, 1);
  assert.equal(body.errors[0].code, "PROPERTY_DOESNT_EXIST");
  assert.deepEqual(body.errors[0].context, { propertyName: ["favourite_colour"] });
  assert.match(body.errors[0].message, /favourite_colour/);
});

test("a read-only property is READ_ONLY_VALUE", async () => {
  const body = await refused({ hs_object_id: "5", createdate: "2024-01-01T00:00:00Z" });
  assert.deepEqual(resultsOf(body.message).map((r) => [r.name, r.error]), [["hs_object_id", "READ_ONLY_VALUE"], ["createdate", "READ_ONLY_VALUE"]]);
});

test("each wrong type has its code; every problem is reported at once", async () => {
  const companies = await refused({ numberofemployees: "lots", annualrevenue: "1.2.3" }, "companies");
  assert.deepEqual(resultsOf(companies.message).map((r) => [r.name, r.error]), [["numberofemployees", "INVALID_INTEGER"], ["annualrevenue", "INVALID_DECIMAL"]]);
  const quotes = await refused({ hs_expiration_date: String(Date.UTC(2024, 0, 1, 15)) }, "quotes");
  assert.equal(resultsOf(quotes.message)[0]?.error, "INVALID_DATE");
  assert.match(resultsOf(quotes.message)[0]?.message ?? "", /not midnight/);
  const deals = await refused({ closedate: "next tuesday", dealtype: "hugebusiness" }, "deals");
  assert.deepEqual(resultsOf(deals.message).map((r) => r.error), ["INVALID_DATETIME", "INVALID_OPTION"]);
  const contacts = await refused({ hs_email_optout: "maybe", email: "not-an-email", lifecyclestage: "Lead" });
  assert.deepEqual(resultsOf(contacts.message).map((r) => r.error), ["INVALID_OPTION", "INVALID_EMAIL", "INVALID_OPTION"]);
  const tickets = await refused({ hs_ticket_category: "BILLING_ISSUE;NOPE" }, "tickets");
  assert.equal(resultsOf(tickets.message)[0]?.error, "INVALID_OPTION");
});

test("valid values are stored in HubSpot's form", async () => {
  const { call } = emulatorApi();
  const deal = await call("POST", "/crm/v3/objects/deals", { properties: { closedate: 1709634030000, amount: 12.5, dealtype: "newbusiness" } });
  assert.equal(deal.status, 201);
  assert.equal(deal.body.properties.closedate, "2024-03-05T10:20:30.000Z");
  assert.equal(deal.body.properties.amount, "12.5");
  const quote = await call("POST", "/crm/v3/objects/quotes", { properties: { hs_expiration_date: String(Date.UTC(2024, 5, 30)) } });
  assert.equal(quote.body.properties.hs_expiration_date, "2024-06-30");
  const contact = await call("POST", "/crm/v3/objects/contacts", { properties: { hs_email_optout: true } });
  assert.equal(contact.body.properties.hs_email_optout, "true");
  const ticket = await call("POST", "/crm/v3/objects/tickets", { properties: { hs_ticket_category: "BILLING_ISSUE;FEATURE_REQUEST" } });
  assert.equal(ticket.body.properties.hs_ticket_category, "BILLING_ISSUE;FEATURE_REQUEST");
});

test("hubspot_owner_id must name an owner of the portal", async () => {
  const { call, emulator } = emulatorApi();
  const owner = emulator.parts.state.defaultPortal.owners.list()[0];
  assert.ok(owner);
  const ok = await call("POST", "/crm/v3/objects/companies", { properties: { name: "Owned", hubspot_owner_id: owner.id } });
  assert.equal(ok.status, 201);
  assert.equal(ok.body.properties.hubspot_owner_id, owner.id);
  const bad = await call("PATCH", `/crm/v3/objects/companies/${ok.body.id}`, { properties: { hubspot_owner_id: "999" } });
  assert.equal(bad.status, 400);
  assert.equal(resultsOf(bad.body.message)[0]?.name, "hubspot_owner_id");
  const read = await call("GET", `/crm/v3/objects/companies/${ok.body.id}?properties=hubspot_owner_id`);
  assert.equal(read.body.properties.hubspot_owner_id, owner.id, "a refused update writes nothing");
});

test("a property value that is an object or array is refused", async () => {
  await refused({ firstname: { first: "x" } });
  await refused({ firstname: ["x"] });
});
