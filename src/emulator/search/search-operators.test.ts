import assert from "node:assert/strict";
import { test } from "node:test";
import { searchKit, where, type SearchKit } from "./search-test-kit.ts";

/** Five contacts (a..e, in creation order) and four companies, enough to tell every operator apart. */
function fixture(): SearchKit & { c: Record<string, string>; co: Record<string, string> } {
  const kit = searchKit();
  const contact = (props: Record<string, string>) => kit.create("contacts", props).id;
  const c = {
    a: contact({ firstname: "Ann", lastname: "Lee", email: "ann@hubspot.com", lifecyclestage: "lead", phone: "+1 555 0100", createdate: "2024-01-10T00:00:00.000Z" }),
    b: contact({ firstname: "Bob", lastname: "Ray", email: "bob@example.com", lifecyclestage: "customer", phone: "+1 555 0101", createdate: "2024-02-10T00:00:00.000Z" }),
    c: contact({ firstname: "ann", lastname: "Zed", email: "ann.zed@example.org", lifecyclestage: "lead", createdate: "2024-03-10T00:00:00.000Z" }),
    d: contact({ firstname: "Cara", lastname: "Lee Smith", email: "cara@hubspot.com", lifecyclestage: "subscriber", createdate: "2024-04-10T00:00:00.000Z" }),
    e: contact({ lastname: "Nobody", createdate: "2024-05-10T00:00:00.000Z" }),
  };
  const company = (props: Record<string, string>) => kit.create("companies", props).id;
  const co = {
    small: company({ name: "Small Co", numberofemployees: "10" }),
    mid: company({ name: "Mid Co", numberofemployees: "50" }),
    big: company({ name: "Big Co", numberofemployees: "200" }),
    unknown: company({ name: "Unknown Co" }),
  };
  return { ...kit, c, co };
}

const f = (propertyName: string, operator: string, value?: unknown, extra: Record<string, unknown> = {}) =>
  value === undefined ? { propertyName, operator, ...extra } : { propertyName, operator, value, ...extra };

test("EQ compares text case-insensitively", async () => {
  const { ids, c } = fixture();
  assert.deepEqual(await ids("contacts", where(f("firstname", "EQ", "ANN"))), [c.a, c.c]);
  assert.deepEqual(await ids("contacts", where(f("email", "EQ", "Bob@Example.COM"))), [c.b]);
});

test("EQ on an enumeration matches the option value exactly, case included", async () => {
  const { ids, c } = fixture();
  assert.deepEqual(await ids("contacts", where(f("lifecyclestage", "EQ", "lead"))), [c.a, c.c]);
  assert.deepEqual(await ids("contacts", where(f("lifecyclestage", "EQ", "LEAD"))), []);
});

test("NEQ excludes the value, case-insensitively, and keeps records without one", async () => {
  const { ids, c } = fixture();
  assert.deepEqual(await ids("contacts", where(f("firstname", "NEQ", "ANN"))), [c.b, c.d, c.e]);
});

test("LT, LTE, GT, GTE and BETWEEN compare numbers numerically; records without a value never match", async () => {
  const { ids, co } = fixture();
  assert.deepEqual(await ids("companies", where(f("numberofemployees", "GT", "10"))), [co.mid, co.big]);
  assert.deepEqual(await ids("companies", where(f("numberofemployees", "GTE", 50))), [co.mid, co.big]);
  assert.deepEqual(await ids("companies", where(f("numberofemployees", "LT", "200"))), [co.small, co.mid]);
  assert.deepEqual(await ids("companies", where(f("numberofemployees", "LTE", "50"))), [co.small, co.mid]);
  assert.deepEqual(await ids("companies", where(f("numberofemployees", "BETWEEN", "10", { highValue: "50" }))), [co.small, co.mid]);
  // Numerically, "9" < "10"; as text it would not be.
  assert.deepEqual(await ids("companies", where(f("numberofemployees", "GT", "9"))), [co.small, co.mid, co.big]);
  assert.deepEqual(await ids("companies", where(f("numberofemployees", "EQ", "50.0"))), [co.mid]);
});

test("dates and datetimes take epoch ms, ISO-8601 or YYYY-MM-DD filter values", async () => {
  const { ids, c } = fixture();
  const feb10 = Date.UTC(2024, 1, 10);
  const expected = [c.b, c.c, c.d, c.e];
  assert.deepEqual(await ids("contacts", where(f("createdate", "GTE", String(feb10)))), expected);
  assert.deepEqual(await ids("contacts", where(f("createdate", "GTE", feb10))), expected);
  assert.deepEqual(await ids("contacts", where(f("createdate", "GTE", "2024-02-10"))), expected);
  assert.deepEqual(await ids("contacts", where(f("createdate", "GTE", "2024-02-10T00:00:00Z"))), expected);
  assert.deepEqual(await ids("contacts", where(f("createdate", "GT", String(feb10)))), [c.c, c.d, c.e]);
  assert.deepEqual(await ids("contacts", where(f("createdate", "BETWEEN", "2024-02-01", { highValue: "2024-03-31" }))), [c.b, c.c]);
});

test("IN and NOT_IN: enumerations exactly, text against lowercase values as HubSpot indexes it", async () => {
  const { ids, c, co } = fixture();
  assert.deepEqual(await ids("contacts", where(f("lifecyclestage", "IN", undefined, { values: ["lead", "subscriber"] }))), [c.a, c.c, c.d]);
  assert.deepEqual(await ids("contacts", where(f("lifecyclestage", "NOT_IN", undefined, { values: ["lead", "subscriber"] }))), [c.b, c.e]);
  assert.deepEqual(await ids("contacts", where(f("firstname", "IN", undefined, { values: ["ann", "bob"] }))), [c.a, c.b, c.c]);
  assert.deepEqual(await ids("contacts", where(f("firstname", "IN", undefined, { values: ["ANN"] }))), []);
  assert.deepEqual(await ids("companies", where(f("numberofemployees", "IN", undefined, { values: ["10", "200"] }))), [co.small, co.big]);
  assert.deepEqual(await ids("companies", where(f("numberofemployees", "NOT_IN", undefined, { values: ["10"] }))), [co.mid, co.big, co.unknown]);
});

test("HAS_PROPERTY and NOT_HAS_PROPERTY tell set values from absent ones", async () => {
  const { ids, c, co } = fixture();
  assert.deepEqual(await ids("contacts", where(f("phone", "HAS_PROPERTY"))), [c.a, c.b]);
  assert.deepEqual(await ids("contacts", where(f("phone", "NOT_HAS_PROPERTY"))), [c.c, c.d, c.e]);
  assert.deepEqual(await ids("companies", where(f("numberofemployees", "NOT_HAS_PROPERTY"))), [co.unknown]);
});

test("CONTAINS_TOKEN matches whole tokens, case-insensitively, with * as a wildcard", async () => {
  const { ids, c } = fixture();
  assert.deepEqual(await ids("contacts", where(f("email", "CONTAINS_TOKEN", "*@hubspot.com"))), [c.a, c.d]);
  assert.deepEqual(await ids("contacts", where(f("lastname", "CONTAINS_TOKEN", "LEE"))), [c.a, c.d]);
  assert.deepEqual(await ids("contacts", where(f("lastname", "CONTAINS_TOKEN", "le"))), []);
  assert.deepEqual(await ids("contacts", where(f("firstname", "CONTAINS_TOKEN", "an*"))), [c.a, c.c]);
  assert.deepEqual(await ids("contacts", where(f("email", "NOT_CONTAINS_TOKEN", "*@hubspot.com"))), [c.b, c.c, c.e]);
});

test("filters in a group are ANDed and groups are ORed", async () => {
  const { ids, c } = fixture();
  const body = {
    filterGroups: [
      { filters: [f("lifecyclestage", "EQ", "lead"), f("lastname", "EQ", "zed")] },
      { filters: [f("firstname", "EQ", "bob")] },
    ],
  };
  assert.deepEqual(await ids("contacts", body), [c.b, c.c]);
  assert.deepEqual(await ids("contacts", where(f("lifecyclestage", "EQ", "lead"), f("firstname", "EQ", "bob"))), []);
});

test("query searches the type's default searchable properties, every term at the start of a word", async () => {
  const { ids, c, co } = fixture();
  assert.deepEqual(await ids("contacts", { query: "hubspot" }), [c.a, c.d]);
  assert.deepEqual(await ids("contacts", { query: "ANN lee" }), [c.a]);
  assert.deepEqual(await ids("contacts", { query: "ann" }), [c.a, c.c]);
  assert.deepEqual(await ids("contacts", { query: "ubspot" }), []);
  assert.deepEqual(await ids("companies", { query: "big" }), [co.big]);
  assert.deepEqual(await ids("contacts", { query: "lee", ...where(f("lifecyclestage", "EQ", "subscriber")) }), [c.d]);
});

test("a multi-select enumeration matches when any of its values does", async () => {
  const kit = searchKit();
  const both = kit.create("tickets", { subject: "Both", hs_ticket_category: "PRODUCT_ISSUE;BILLING_ISSUE" }).id;
  const one = kit.create("tickets", { subject: "One", hs_ticket_category: "BILLING_ISSUE" }).id;
  kit.create("tickets", { subject: "None" });
  assert.deepEqual(await kit.ids("tickets", where(f("hs_ticket_category", "EQ", "PRODUCT_ISSUE"))), [both]);
  assert.deepEqual(await kit.ids("tickets", where(f("hs_ticket_category", "IN", undefined, { values: ["BILLING_ISSUE"] }))), [both, one]);
});

test("a filter on an unknown property is a 400 naming it", async () => {
  const { search } = fixture();
  const answer = await search("contacts", where(f("favourite_colour", "EQ", "red")));
  assert.equal(answer.status, 400);
  assert.equal((answer.body as any).category, "VALIDATION_ERROR");
  assert.match((answer.body as any).message, /favourite_colour/);
  const sorted = await search("contacts", { sorts: [{ propertyName: "shoe_size", direction: "ASCENDING" }] });
  assert.equal(sorted.status, 400);
  assert.match((sorted.body as any).message, /shoe_size/);
});

test("malformed filters are 400s: unknown operator, missing value, a number that is not one", async () => {
  const { search } = fixture();
  for (const filter of [f("firstname", "LIKE", "a"), f("firstname", "EQ"), f("firstname", "BETWEEN", "a"), f("firstname", "IN"), f("createdate", "GT", "yesterday")]) {
    const answer = await search("contacts", where(filter));
    assert.equal(answer.status, 400, JSON.stringify(filter));
    assert.equal((answer.body as any).category, "VALIDATION_ERROR");
  }
});

test("results carry the default properties plus those asked for; unknown names are ignored", async () => {
  const { search, c } = fixture();
  const answer = await search("contacts", { ...where(f("firstname", "EQ", "cara")), properties: ["phone", "lifecyclestage", "no_such_thing"] });
  assert.equal(answer.status, 200);
  assert.equal(answer.body.total, 1);
  const [result] = answer.body.results;
  assert.equal(result?.id, c.d);
  assert.deepEqual(Object.keys(result?.properties ?? {}).sort(), ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname", "lifecyclestage", "phone"]);
  assert.equal(result?.properties["phone"], null);
  assert.equal(result?.properties["lifecyclestage"], "subscriber");
  assert.equal(result?.archived, false);
  assert.match(result?.createdAt ?? "", /^\d{4}-\d\d-\d\dT/);
  assert.equal(answer.body.paging, undefined);
});
