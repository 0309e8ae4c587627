import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { connectionId, syncId } from "../core/ids.ts";
import { env, parsed } from "./config-test-kit.ts";
import type { OutboundSyncConfig } from "./hubsync-config.ts";
import { parseConfig } from "./parse-config.ts";

const header = `version: 1
connections:
  main:
    auth: { type: private_app, token: "\${HUBSPOT_TOKEN}" }
outbound:
`;

describe("parseConfig: outbound syncs", () => {
  it("resolves every key of a full outbound sync, in file order, with defaults applied", () => {
    const config = parsed(`${header}  customers:
    connection: main
    schedule: "*/30 * * * *"
    source: { csv: exports/customers.csv, delimiter: ";" }
    key: customer_id
    object: contacts
    mode: mirror
    match: { property: email, column: email_address }
    fields:
      email: email_address
      firstname: { column: first, transforms: [trim, { type: map_values, values: { bob: Robert } }], clearOnNull: true }
      lifecyclestage: { transforms: [{ type: constant, value: customer }] }
      annualrevenue: { column: revenue, numberFormat: { decimal: ",", thousands: "." } }
    numberFormat: { thousands: "," }
    createMissingProperties: true
    associations:
      - { to: companies, column: company_domain, by: domain, label: Employer, shape: csv }
      - to: contacts
        column: referrers
        by: email
        shape: map
        removeMissing: true
        removeDefaultWhenLastLabelRemoved: true
    list: { name: Customers (warehouse) }
    dryRun: true
  gifts:
    connection: main
    source: { table: analytics.gift_transactions }
    key: transaction_id
    object: p_gift
    mode: create
    customObject:
      name: gift
      labels: { singular: Gift, plural: Gifts }
      primaryDisplayProperty: title
      uniqueProperty: transaction_id
      associatedObjects: [contacts, deals, contacts]
      properties:
        - { name: transaction_id, label: Transaction ID }
        - { name: title }
        - { name: amount, type: number }
        - { name: status, type: enumeration, options: [sent, { label: Delivered!, value: delivered }] }
        - { name: gifted, type: bool }
        - { name: note, fieldType: textarea }
    list: true
  events:
    connection: main
    source:
      query: |
        select id, email from signups;
    key: id
    object: deals
    mode: upsert
    match: { property: hs_object_id, column: deal_id }
    list: {}
  feed:
    connection: main
    source: { jsonl: /data/feed.jsonl }
    key: id
    object: "2-123"
    mode: update
    match: { property: external_id, column: id }
    list: false
`);
    const expected: OutboundSyncConfig[] = [
      {
        name: syncId("customers"),
        connection: connectionId("main"),
        schedule: { kind: "cron", cron: "*/30 * * * *", text: "*/30 * * * *" },
        source: { kind: "csv", path: "exports/customers.csv", delimiter: ";" },
        key: "customer_id",
        objectType: "contacts",
        custom: false,
        mode: "mirror",
        match: { property: "email", column: "email_address" },
        fields: {
          email: { column: "email_address", transforms: [], clearOnNull: false },
          firstname: {
            column: "first",
            transforms: [{ type: "trim" }, { type: "map_values", values: { bob: "Robert" }, ignoreCase: true, otherwise: "keep" }],
            clearOnNull: true,
          },
          lifecyclestage: { transforms: [{ type: "constant", value: "customer" }], clearOnNull: false },
          annualrevenue: { column: "revenue", transforms: [], clearOnNull: false, numberFormat: { decimal: ",", thousands: "." } },
        },
        numberFormat: { decimal: ".", thousands: "," },
        createMissingProperties: true,
        associations: [
          {
            toObjectType: "companies",
            column: "company_domain",
            by: "domain",
            label: "Employer",
            shape: "csv",
            removeMissing: false,
            removeDefaultWhenLastLabelRemoved: false,
          },
          { toObjectType: "contacts", column: "referrers", by: "email", shape: "map", removeMissing: true, removeDefaultWhenLastLabelRemoved: true },
        ],
        list: { name: "Customers (warehouse)" },
        dryRun: true,
      },
      {
        name: syncId("gifts"),
        connection: connectionId("main"),
        schedule: { kind: "cron", cron: "0 * * * *", text: "hourly" },
        source: { kind: "table", table: "analytics.gift_transactions" },
        key: "transaction_id",
        objectType: "p_gift",
        custom: true,
        mode: "create",
        fields: {},
        createMissingProperties: false,
        associations: [],
        list: { name: "gifts" },
        customObject: {
          name: "gift",
          labels: { singular: "Gift", plural: "Gifts" },
          primaryDisplayProperty: "title",
          uniqueProperty: "transaction_id",
          associatedObjects: ["contacts", "deals"],
          properties: [
            { name: "transaction_id", label: "Transaction ID", type: "string", fieldType: "text", options: [], hasUniqueValue: true },
            { name: "title", label: "title", type: "string", fieldType: "text", options: [], hasUniqueValue: false },
            { name: "amount", label: "amount", type: "number", fieldType: "number", options: [], hasUniqueValue: false },
            {
              name: "status",
              label: "status",
              type: "enumeration",
              fieldType: "select",
              options: [
                { label: "sent", value: "sent" },
                { label: "Delivered!", value: "delivered" },
              ],
              hasUniqueValue: false,
            },
            {
              name: "gifted",
              label: "gifted",
              type: "bool",
              fieldType: "booleancheckbox",
              options: [
                { label: "Yes", value: "true" },
                { label: "No", value: "false" },
              ],
              hasUniqueValue: false,
            },
            { name: "note", label: "note", type: "string", fieldType: "textarea", options: [], hasUniqueValue: false },
          ],
        },
        dryRun: false,
      },
      {
        name: syncId("events"),
        connection: connectionId("main"),
        schedule: { kind: "cron", cron: "0 * * * *", text: "hourly" },
        source: { kind: "query", query: "select id, email from signups;\n" },
        key: "id",
        objectType: "deals",
        custom: false,
        mode: "upsert",
        match: { property: "hs_object_id", column: "deal_id" },
        fields: {},
        createMissingProperties: false,
        associations: [],
        list: { name: "events" },
        dryRun: false,
      },
      {
        name: syncId("feed"),
        connection: connectionId("main"),
        schedule: { kind: "cron", cron: "0 * * * *", text: "hourly" },
        source: { kind: "jsonl", path: "/data/feed.jsonl" },
        key: "id",
        objectType: "2-123",
        custom: true,
        mode: "update",
        match: { property: "external_id", column: "id" },
        fields: {},
        createMissingProperties: false,
        associations: [],
        dryRun: false,
      },
    ];
    assert.deepEqual(config.outbound, expected);
    assert.deepEqual(Object.keys(config.outbound[0]?.fields ?? {}), ["email", "firstname", "lifecyclestage", "annualrevenue"]);
  });

  it("resolves relative csv and jsonl paths against the config file's folder, and leaves absolute ones", () => {
    const text = `${header}  a: { connection: main, source: { csv: in/a.csv }, key: id, object: contacts, mode: create }
  b: { connection: main, source: { jsonl: ../b.jsonl }, key: id, object: contacts, mode: create }
  c: { connection: main, source: { jsonl: /abs/c.jsonl }, key: id, object: contacts, mode: create }
  d: { connection: main, source: { table: t }, key: id, object: contacts, mode: create }
`;
    const result = parseConfig(text, env, { baseDir: "/etc/hubsync" });
    if (!result.ok) assert.fail(result.error.message);
    assert.deepEqual(
      result.value.outbound.map((sync) => sync.source),
      [
        { kind: "csv", path: "/etc/hubsync/in/a.csv", delimiter: "," },
        { kind: "jsonl", path: "/etc/b.jsonl" },
        { kind: "jsonl", path: "/abs/c.jsonl" },
        { kind: "table", table: "t" },
      ],
    );
  });

  it("create needs no match, and an undeclared hs_ property or createMissingProperties passes a custom object's fields", () => {
    const config = parsed(`${header}  gifts:
    connection: main
    source: { table: gifts }
    key: id
    object: gift
    mode: create
    createMissingProperties: true
    fields: { title: title, colour: colour, hs_pipeline: pipeline }
    customObject:
      name: gift
      labels: { singular: Gift, plural: Gifts }
      primaryDisplayProperty: title
      uniqueProperty: title
      properties: [{ name: title }]
`);
    assert.equal(config.outbound[0]?.match, undefined);
    assert.deepEqual(Object.keys(config.outbound[0]?.fields ?? {}), ["title", "colour", "hs_pipeline"]);
  });
  it("resolves resolve, and a derived association through another by column or index", () => {
    const config = parsed(`${header}  gifts:
    connection: main
    source: { table: gifts }
    key: id
    object: contacts
    mode: create
    associations:
      - { to: contacts, column: recipient_email, by: email, resolve: most_recently_active }
      - { to: deals, through: recipient_email, only: open, removeMissing: true }
      - { to: tickets, through: 0 }
`);
    assert.deepEqual(config.outbound[0]?.associations, [
      { toObjectType: "contacts", column: "recipient_email", by: "email", shape: "auto", removeMissing: false, removeDefaultWhenLastLabelRemoved: false, resolve: "most_recently_active" },
      { toObjectType: "deals", column: "recipient_email", by: "hs_object_id", shape: "auto", removeMissing: true, removeDefaultWhenLastLabelRemoved: false, through: { association: 0, only: "open" } },
      { toObjectType: "tickets", column: "recipient_email", by: "hs_object_id", shape: "auto", removeMissing: false, removeDefaultWhenLastLabelRemoved: false, through: { association: 0, only: "all" } },
    ]);
  });
});
