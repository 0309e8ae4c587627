import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigInvalidError } from "./config-invalid-error.ts";
import { failure, problems, withContacts } from "./config-test-kit.ts";

describe("parseConfig: each kind of error names its key path", () => {
  const cases: [string, string, string[]][] = [
    ["an enum value", "strategy: incremntal", ['inbound.warehouse.streams.contacts.strategy: expected one of full_refresh, incremental, client_incremental; got "incremntal"']],
    ["a wrong type", "pageSize: ten", ['inbound.warehouse.streams.contacts.pageSize: expected a number; got "ten"']],
    ["a whole number", "pageSize: 2.5", ["inbound.warehouse.streams.contacts.pageSize: expected a whole number; got 2.5"]],
    ["a number too large", "pageSize: 101", ["inbound.warehouse.streams.contacts.pageSize: expected at most 100; got 101"]],
    ["a number too small", "pageSize: 0", ["inbound.warehouse.streams.contacts.pageSize: expected at least 1; got 0"]],
    ["a boolean", "archived: yes", ['inbound.warehouse.streams.contacts.archived: expected true or false; got "yes"']],
    ["all or a list", "properties: al", ['inbound.warehouse.streams.contacts.properties: expected "all" or a list of property names; got "al"']],
    ["an empty property list", "properties: []", ["inbound.warehouse.streams.contacts.properties: expected at least 1 item"]],
    ["an item of a list", "properties: [email, 7]", ["inbound.warehouse.streams.contacts.properties[1]: expected a string; got 7"]],
    ["a property label", 'properties: ["First Name"]', ['inbound.warehouse.streams.contacts.properties[0]: expected a property\'s internal name (letters, digits, _), not its label; got "First Name"']],
    ["an unknown key", "strategyy: full_refresh", ["inbound.warehouse.streams.contacts.strategyy: unknown key; did you mean strategy?"]],
    ["an unknown key far from any", "colour: red", ["inbound.warehouse.streams.contacts.colour: unknown key (expected one of strategy, properties, history, associations, archived, filters, pageSize)"]],
    ["a filter operator", "filters: [{ property: email, operator: like, value: x }]", ['inbound.warehouse.streams.contacts.filters[0].operator: expected one of eq, neq, contains, not_contains, gt, gte, lt, lte, is_empty, is_not_empty, starts_with, ends_with, in, not_in; got "like"']],
    ["a filter without its value", "filters: [{ property: email, operator: eq }]", ["inbound.warehouse.streams.contacts.filters[0].value: missing (operator eq compares the property with a value)"]],
    ["a list filter given one value", "filters: [{ property: email, operator: in, value: a }]", ["inbound.warehouse.streams.contacts.filters[0].value: not allowed with operator in, which takes a list in `values`"]],
    ["a list filter without values", "filters: [{ property: email, operator: not_in }]", ["inbound.warehouse.streams.contacts.filters[0].values: missing (operator not_in takes a list of values)"]],
    ["a presence filter given a value", "filters: [{ property: email, operator: is_empty, value: x }]", ["inbound.warehouse.streams.contacts.filters[0].value: not allowed with operator is_empty, which takes no value"]],
    ["a value filter given values", "filters: [{ property: email, operator: eq, values: [a] }]", ["inbound.warehouse.streams.contacts.filters[0].values: not allowed with operator eq, which compares with one `value`"]],
    ["a filter value of the wrong kind", "filters: [{ property: email, operator: eq, value: [a] }]", ["inbound.warehouse.streams.contacts.filters[0].value: expected a text, number or true/false value; got a list"]],
    ["a filter without a property", "filters: [{ operator: is_empty }]", ["inbound.warehouse.streams.contacts.filters[0].property: missing (expected a string)"]],
    ["an association typo", "associations: [company]", ['inbound.warehouse.streams.contacts.associations[0]: unknown object type "company"; did you mean companies? (if it is a custom object, write p_company)']],
  ];
  for (const [kind, lines, expected] of cases) {
    it(kind, () => assert.deepEqual(problems(withContacts(lines)), expected));
  }

  it("the version", () => {
    assert.deepEqual(problems("version: 2\n"), ["version: expected 1; got 2"]);
    assert.deepEqual(problems('store: "sqlite::memory:"\n'), ["version: missing (expected 1)"]);
  });

  it("connections: base URL, tier, auth type and missing auth keys", () => {
    assert.deepEqual(
      problems(`version: 1
connections:
  main:
    baseUrl: ftp://hubspot
    tier: gold
    auth: { type: private_ap, token: x }
  other:
    auth: { type: oauth, clientId: a, refreshToken: r }
  third: {}
`),
      [
        'connections.main.baseUrl: expected an http:// or https:// URL; got "ftp://hubspot"',
        'connections.main.tier: expected one of starter, professional, enterprise; got "gold"',
        'connections.main.auth.type: expected one of private_app, oauth; got "private_ap"',
        "connections.other.auth.clientSecret: missing (expected a string)",
        "connections.third.auth: missing (expected a map)",
      ],
    );
  });

  it("a secret is never printed", () => {
    const error = failure("version: 1\nconnections:\n  main:\n    auth: { type: private_app, token: pat-very-secret, scope: x }\n");
    assert.match(error.message, /connections\.main\.auth\.scope: unknown key/);
    const tokenAsNumber = failure("version: 1\nconnections:\n  main:\n    auth: { type: private_app, token: [pat-very-secret] }\n");
    assert.doesNotMatch(error.message + tokenAsNumber.message, /very-secret/);
  });

  it("names: connection and sync names, and references between them", () => {
    assert.deepEqual(
      problems(`version: 1
connections:
  "main hub":
    auth: { type: private_app, token: x }
  main:
    auth: { type: private_app, token: x }
inbound:
  warehouse:
    connection: mian
    streams: { contacts: }
  orphan:
    connection: nowhere
    streams: { contacts: }
`),
      [
        'connections["main hub"]: expected a name of letters, digits, _ and - (at most 64); got "main hub"',
        'inbound.warehouse.connection: no connection named "mian" (defined: main hub, main); did you mean main?',
        'inbound.orphan.connection: no connection named "nowhere" (defined: main hub, main)',
      ],
    );
  });

  it("streams: typos of known streams, invalid names, empty streams, wrong shapes", () => {
    assert.deepEqual(
      problems(`version: 1
connections: { main: { auth: { type: private_app, token: x } } }
inbound:
  a:
    connection: main
    streams:
      contatcs:
      deal:
      "my object": {}
      p_contatcs:
      deals: all
      owners: { archived: maybe }
      pipelines: { objects: [ticket] }
      custom_objects: everything
  b:
    connection: main
    streams: {}
  c:
    connection: main
    schedule: every hour
    streams: { contacts: }
`),
      [
        'inbound.a.streams.contatcs: unknown stream "contatcs"; did you mean contacts? (if it is a custom object, write p_contatcs)',
        'inbound.a.streams.deal: unknown stream "deal"; did you mean deals? (if it is a custom object, write p_deal)',
        'inbound.a.streams["my object"]: "my object" is not a valid stream name; expected a standard object (contacts, deals, …), owners, pipelines, lists, custom_objects or a custom object (gift, p_gift or 2-123)',
        'inbound.a.streams.deals: expected a map; got "all"',
        'inbound.a.streams.owners.archived: expected true or false; got "maybe"',
        'inbound.a.streams.pipelines.objects[0]: unknown object type "ticket"; did you mean tickets? (if it is a custom object, write p_ticket)',
        'inbound.a.streams.custom_objects: expected "all" or a map of options (strategy, associations, archived, pageSize); got "everything"',
        "inbound.b.streams: expected at least one stream, such as contacts:",
        'inbound.c.schedule: expected "hourly", "daily", "manual" or a cron expression with 5 fields (minute hour day-of-month month day-of-week); got "every hour"',
      ],
    );
  });

  it("an unknown top-level key", () => {
    assert.deepEqual(problems("version: 1\nstorage: x.db\n"), ["storage: unknown key; did you mean store?"]);
  });

  it("collects every problem at once, in file order, each with its line and column", () => {
    const error = failure(withContacts("strategy: incremntal\npageSize: 0").replace("connection: main", "connection: mian"));
    assert.ok(error instanceof ConfigInvalidError);
    assert.deepEqual(
      error.issues.map((issue) => [issue.line, issue.column]),
      [
        [7, 5],
        [10, 9],
        [11, 9],
      ],
    );
    assert.equal(
      error.message,
      [
        "hubsync.yaml has 3 problems:",
        '  inbound.warehouse.connection: no connection named "mian" (defined: main); did you mean main? (hubsync.yaml:7:5)',
        '  inbound.warehouse.streams.contacts.strategy: expected one of full_refresh, incremental, client_incremental; got "incremntal" (hubsync.yaml:10:9)',
        "  inbound.warehouse.streams.contacts.pageSize: expected at least 1; got 0 (hubsync.yaml:11:9)",
      ].join("\n"),
    );
    assert.equal(error.details.subject, "hubsync.yaml");
    assert.match(error.details.fix ?? "", /Correct the keys listed above in hubsync\.yaml/);
  });
});

describe("parseConfig: malformed YAML", () => {
  it("reports the line and column", () => {
    const error = failure("version: 1\nconnections:\n  main: { auth: [\n");
    assert.ok(error instanceof ConfigInvalidError);
    const issue = error.issues[0];
    assert.equal(issue?.syntax, true);
    assert.equal(issue?.line, 4);
    assert.match(error.message, /^hubsync\.yaml has (a problem|\d+ problems):\n {2}YAML syntax error: .+ \(hubsync\.yaml:\d+:\d+\)/);
    assert.match(error.details.fix ?? "", /Fix the YAML syntax/);
  });

  it("reports a duplicated key where it repeats", () => {
    const error = failure("version: 1\nstore: a.db\nstore: b.db\n");
    assert.ok(error instanceof ConfigInvalidError);
    assert.deepEqual(
      error.issues.map((issue) => [issue.message, issue.line, issue.column]),
      [["Map keys must be unique", 3, 1]],
    );
  });

  it("reports an empty file and a document that is not a map", () => {
    assert.deepEqual(problems(""), ["(top level): the file is empty; expected a map that starts with version: 1"]);
    assert.deepEqual(problems("- version: 1\n"), ["(top level): expected a map; got a list"]);
  });
});
