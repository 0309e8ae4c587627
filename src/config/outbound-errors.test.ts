import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { problems } from "./config-test-kit.ts";

/** A valid document with one outbound sync `push` whose keys are the given YAML lines. */
function withPush(lines: string, extra = ""): string {
  return `version: 1
connections:
  main:
    auth: { type: private_app, token: "\${HUBSPOT_TOKEN}" }
${extra}outbound:
  push:
${lines.replace(/^/gm, "    ")}
`;
}

const valid = `connection: main
source: { table: customers }
key: id
object: contacts
mode: upsert
match: { property: email, column: email }`;

/** The valid sync with top-level keys replaced, added or (`key: ~`) removed; indented lines belong to the key above. */
function changed(lines: string): string {
  const blocks = (text: string): Map<string, string> => {
    const map = new Map<string, string>();
    let current = "";
    for (const line of text.split("\n").filter((item) => item !== "")) {
      if (!line.startsWith(" ")) current = line.slice(0, line.indexOf(":"));
      map.set(current, map.has(current) && line.startsWith(" ") ? `${map.get(current) ?? ""}\n${line}` : line);
    }
    return map;
  };
  const merged = new Map([...blocks(valid), ...blocks(lines)]);
  return withPush([...merged.values()].filter((block) => !block.endsWith(": ~")).join("\n"));
}

const customObject = `customObject:
  name: gift
  labels: { singular: Gift, plural: Gifts }
  primaryDisplayProperty: title
  uniqueProperty: txid
  associatedObjects: [contacts]
  properties:
    - { name: txid }
    - { name: title }`;

describe("parseConfig: outbound errors name their key path", () => {
  it("accepts the valid sync these cases start from", () => {
    assert.throws(() => problems(withPush(valid)), /expected the config to be rejected/);
  });

  const cases: [string, string, string[]][] = [
    ["an unknown connection", "connection: mian", ['outbound.push.connection: no connection named "mian" (defined: main); did you mean main?']],
    ["no key", "key: ~", ["outbound.push.key: missing (expected a string)"]],
    ["an empty key", 'key: ""', ["outbound.push.key: must not be empty"]],
    ["no mode", "mode: ~", ["outbound.push.mode: missing (expected one of create, update, upsert, mirror)"]],
    ["an unknown mode", "mode: sync", ['outbound.push.mode: expected one of create, update, upsert, mirror; got "sync"']],
    ["update without match", "mode: update\nmatch: ~", ["outbound.push.match: missing (mode update finds each row's HubSpot record by a property: add match: { property, column })"]],
    ["upsert without match", "match: ~", ["outbound.push.match: missing (mode upsert finds each row's HubSpot record by a property: add match: { property, column })"]],
    ["mirror without match", "mode: mirror\nmatch: ~", ["outbound.push.match: missing (mode mirror finds each row's HubSpot record by a property: add match: { property, column })"]],
    ["a match without its column", "match: { property: email }", ["outbound.push.match.column: missing (expected a string)"]],
    ["a match by a label", 'match: { property: "E-mail address", column: email }', ['outbound.push.match.property: expected a property\'s internal name (letters, digits, _), not its label; got "E-mail address"']],
    ["a source of no kind", "source: {}", ["outbound.push.source: expected one of table, query, csv or jsonl"]],
    ["a source of two kinds", "source: { table: t, csv: t.csv }", ["outbound.push.source: expected one of table, query, csv or jsonl; got table and csv"]],
    ["a misspelt source kind", "source: { tabel: t }", ["outbound.push.source.tabel: unknown key; did you mean table?"]],
    ["a delimiter without csv", 'source: { jsonl: a.jsonl, delimiter: ";" }', ["outbound.push.source.delimiter: only for a csv source"]],
    ["a quote as delimiter", "source: { csv: a.csv, delimiter: '\"' }", ['outbound.push.source.delimiter: expected a delimiter such as ",", ";" or "\\t" (not a quote or a line break); got "\\""']],
    ["a table name with spaces", 'source: { table: "my table" }', ['outbound.push.source.table: expected a table name such as contacts_export or analytics.contacts_export (write anything else as a query); got "my table"']],
    ["a misspelt object", "object: contatcs", ['outbound.push.object: unknown object type "contatcs"; did you mean contacts? (if it is a custom object, write p_contatcs)']],
    ["an object outbound cannot write", "object: calls", ["outbound.push.object: calls cannot be written by an outbound sync; expected contacts, companies, deals, tickets, notes, products, line_items, quotes or a custom object"]],
    ["a field from a label", 'fields: { "First name": first }', ['outbound.push.fields["First name"]: expected a property\'s internal name (letters, digits, _), not its label; got "First name"']],
    ["a field without column or transforms", "fields: { firstname: {} }", ["outbound.push.fields.firstname: needs a column, or transforms that make the value (constant, concat)"]],
    ["a misspelt transform", "fields: { firstname: { column: f, transforms: [lowercas] } }", ['outbound.push.fields.firstname.transforms[0]: expected a transform: trim, lowercase, uppercase, split, or a map with type (constant, default, map_values, concat, date_format, annualize …); got "lowercas"']],
    ["an association to a misspelt object", "associations: [{ to: company, column: c }]", ['outbound.push.associations[0].to: unknown object type "company"; did you mean companies? (if it is a custom object, write p_company)']],
    ["an association without a column", "associations: [{ to: companies }]", ["outbound.push.associations[0].column: missing (expected a string)"]],
    ["an unknown association shape", "associations: [{ to: companies, column: c, shape: json }]", ['outbound.push.associations[0].shape: expected one of auto, list, csv, value_label, map; got "json"']],
    ["a label with shape map", "associations: [{ to: companies, column: c, label: Employer, shape: map }]", ["outbound.push.associations[0].label: not used with shape map: each value names its own label (or null for none)"]],
    ["a label with shape value_label", "associations: [{ to: companies, column: c, label: Employer, shape: value_label }]", ["outbound.push.associations[0].label: not used with shape value_label: each value names its own label (or null for none)"]],
    [
      "removing the default without removeMissing",
      "associations: [{ to: companies, column: c, removeDefaultWhenLastLabelRemoved: true }]",
      ["outbound.push.associations[0].removeDefaultWhenLastLabelRemoved: needs removeMissing: true (labels are removed only when associations that left the source are)"],
    ],
    ["resolve with record ids", "associations: [{ to: contacts, column: c, resolve: all }]", ["outbound.push.associations[0].resolve: not used with by hs_object_id: a record id names one record"]],
    ["an unknown resolve", "associations: [{ to: contacts, column: c, by: email, resolve: newest }]", ['outbound.push.associations[0].resolve: expected one of unique, most_recently_active, all; got "newest"']],
    ["only without through", "associations: [{ to: deals, column: d, only: open }]", ["outbound.push.associations[0].only: only with through (it filters the records a derived association finds)"]],
    [
      "through with a column",
      "associations: [{ to: contacts, column: e, by: email }, { to: deals, through: e, column: d }]",
      ["outbound.push.associations[1].column: not used with through: the targets come from the association it goes through"],
    ],
    [
      "through an unknown column",
      "associations: [{ to: contacts, column: e, by: email }, { to: deals, through: email }]",
      ['outbound.push.associations[1].through: no association of this sync reads column "email" (columns read: e)'],
    ],
    ["through an index out of range", "associations: [{ to: deals, through: 3 }]", ["outbound.push.associations[0].through: no association at index 3 (this sync has 1)"]],
    ["through itself", "associations: [{ to: deals, through: 0 }]", ["outbound.push.associations[0].through: must name an association that reads a column (not itself, nor another derived one)"]],
    [
      "through an ambiguous column",
      "associations: [{ to: contacts, column: e, by: email }, { to: companies, column: e, by: domain }, { to: deals, through: e }]",
      ['outbound.push.associations[2].through: 2 associations read column "e": give the index of the one meant'],
    ],
    [
      "only open on companies",
      "associations: [{ to: contacts, column: e, by: email }, { to: companies, through: e, only: open }]",
      ["outbound.push.associations[1].only: open is for deals and tickets (their pipeline stages say whether they are closed); to is companies"],
    ],
    ["a list that is neither", "list: maybe", ['outbound.push.list: expected true, false or a map with name; got "maybe"']],
    ["an empty list name", 'list: { name: "" }', ["outbound.push.list.name: must not be empty"]],
    ["dryRun not a boolean", "dryRun: yes", ['outbound.push.dryRun: expected true or false; got "yes"']],
    ["an unknown key", "modes: upsert", ["outbound.push.modes: unknown key; did you mean mode?"]],
  ];
  for (const [kind, lines, expected] of cases) {
    it(kind, () => assert.deepEqual(problems(changed(lines)), expected));
  }

  it("a name an inbound sync has", () => {
    const inbound = "inbound:\n  push:\n    connection: main\n    streams: { contacts: }\n";
    assert.deepEqual(problems(withPush(valid, inbound)), ['outbound.push: the name "push" is already an inbound sync\'s; every sync needs a name of its own']);
  });
});

describe("parseConfig: a declared custom object against the keys that use it", () => {
  const gift = (lines: string, schema = customObject) =>
    problems(changed(`object: gift\nmatch: { property: txid, column: id }\n${schema}\n${lines}`.trim()));

  it("accepts a consistent declaration", () => {
    assert.throws(() => gift("fields: { title: name, txid: id, hs_pipeline: p }\nassociations: [{ to: contacts, column: email, by: email }]"), /rejected/);
  });

  const cases: [string, string, string, string[]][] = [
    ["a standard object", "object: contacts", customObject, ["outbound.push.customObject: only for a custom object; object is contacts"]],
    ["another object's name", "object: present", customObject, ['outbound.push.object: expected "gift" (or p_gift), the name customObject declares; got "present"']],
    ["an object id", 'object: "2-99"', customObject, ['outbound.push.object: expected "gift" (or p_gift), the name customObject declares; got "2-99" (an id is known only once HubSpot has created the object)']],
    ["an undeclared uniqueProperty", "", customObject.replace("uniqueProperty: txid", "uniqueProperty: tx_id"), ['outbound.push.customObject.uniqueProperty: "tx_id" is not among customObject.properties (txid, title); declare it there']],
    ["an undeclared primaryDisplayProperty", "", customObject.replace("primaryDisplayProperty: title", "primaryDisplayProperty: name"), ['outbound.push.customObject.primaryDisplayProperty: "name" is not among customObject.properties (txid, title); declare it there']],
    ["a property declared twice", "", `${customObject}\n    - { name: title, type: number }`, ['outbound.push.customObject.properties[2].name: "title" is declared twice']],
    ["an enumeration without options", "", `${customObject}\n    - { name: status, type: enumeration }`, ["outbound.push.customObject.properties[2].options: missing (an enumeration needs the values it allows)"]],
    ["options on text", "", `${customObject}\n    - { name: status, options: [a] }`, ["outbound.push.customObject.properties[2].options: only for enumeration and bool properties; this one is string"]],
    ["an unknown property type", "", `${customObject}\n    - { name: status, type: text }`, ['outbound.push.customObject.properties[2].type: expected one of string, number, date, datetime, enumeration, bool, phone_number; got "text"']],
    ["no properties", "", customObject.replace(/ {2}properties:[\s\S]*$/, "  properties: []"), ["outbound.push.customObject.properties: expected at least 1 item"]],
    ["a match on an undeclared property", "match: { property: email, column: e }", customObject, ['outbound.push.match.property: "email" is not among customObject.properties (txid, title); match by the uniqueProperty (or hs_object_id)']],
    ["a field not declared", "fields: { title: name, colour: c }", customObject, ['outbound.push.fields.colour: "colour" is not among customObject.properties (txid, title); declare it there (or set createMissingProperties: true)']],
    ["an association not declared", "associations: [{ to: deals, column: deal_ids }]", customObject, ['outbound.push.associations[0].to: "deals" is not among customObject.associatedObjects (contacts); add it there so HubSpot creates the association type']],
    ["a missing label", "", customObject.replace("labels: { singular: Gift, plural: Gifts }", "labels: { singular: Gift }"), ["outbound.push.customObject.labels.plural: missing (expected a string)"]],
  ];
  for (const [kind, lines, schema, expected] of cases) {
    it(kind, () => assert.deepEqual(gift(lines, schema), expected));
  }
});
