import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { connectionId, syncId } from "../core/ids.ts";
import { parsed, problems, withContacts } from "./config-test-kit.ts";
import type { HubsyncConfig } from "./hubsync-config.ts";
import { parseConfig } from "./parse-config.ts";
import { standardObjectTypes } from "./standard-objects.ts";

describe("parseConfig: a full valid config", () => {
  it("resolves every key, applies defaults and keeps file order", () => {
    const config = parsed(`
version: 1
store: \${DATABASE_URL}
connections:
  main:
    baseUrl: http://127.0.0.1:4010/
    tier: enterprise
    auth:
      type: private_app
      token: \${HUBSPOT_TOKEN}
  agency:
    auth:
      type: oauth
      clientId: client-1
      clientSecret: "\${CLIENT_SECRET:-dev-secret}"
      refreshToken: refresh-1
      scopes: [crm.objects.contacts.read, crm.objects.contacts.read]
inbound:
  warehouse:
    connection: main
    schedule: "*/15 * * * *"
    streams:
      contacts:
        strategy: client_incremental
        properties: [lifecyclestage, email, hs_lead_status]
        history: [lifecyclestage]
        associations: [companies, p_gift]
        archived: false
        pageSize: 50
        filters:
          - { property: lifecyclestage, operator: in, values: [lead, customer] }
          - { property: email, operator: ends_with, value: "@example.com" }
          - { property: hs_lead_status, operator: is_not_empty }
      deals:
        strategy: full_refresh
        properties: [hs_priority]
        filters:
          - { property: amount, operator: gte, value: 1000 }
      p_gift:
      2-123: { properties: [transaction_id] }
      owners: { archived: false }
      pipelines:
      lists: { memberships: false }
      custom_objects: { strategy: full_refresh, associations: [contacts] }
  nightly:
    connection: agency
    schedule: daily
    streams:
      companies: {}
      custom_objects: all
`);
    const expected: HubsyncConfig = {
      version: 1,
      store: { kind: "postgres", url: "postgres://sync:pw@db.internal:5432/crm" },
      connections: [
        { name: connectionId("main"), baseUrl: "http://127.0.0.1:4010", tier: "enterprise", auth: { type: "private_app", token: "pat-na1-secret" } },
        {
          name: connectionId("agency"),
          baseUrl: "https://api.hubapi.com",
          tier: "professional",
          auth: { type: "oauth", clientId: "client-1", clientSecret: "dev-secret", refreshToken: "refresh-1", scopes: ["crm.objects.contacts.read"] },
        },
      ],
      inbound: [
        {
          name: syncId("warehouse"),
          connection: connectionId("main"),
          schedule: { kind: "cron", cron: "*/15 * * * *", text: "*/15 * * * *" },
          streams: [
            {
              kind: "object",
              name: "contacts",
              objectType: "contacts",
              custom: false,
              strategy: "client_incremental",
              properties: ["lifecyclestage", "email", "hs_lead_status", "hs_object_id", "createdate", "lastmodifieddate", "firstname", "lastname", "phone"],
              modifiedDateProperty: "lastmodifieddate",
              history: ["lifecyclestage"],
              associations: ["companies", "p_gift"],
              archived: false,
              filters: [
                { property: "lifecyclestage", operator: "in", values: ["lead", "customer"] },
                { property: "email", operator: "ends_with", value: "@example.com" },
                { property: "hs_lead_status", operator: "is_not_empty" },
              ],
              pageSize: 50,
            },
            {
              kind: "object",
              name: "deals",
              objectType: "deals",
              custom: false,
              strategy: "full_refresh",
              properties: ["hs_priority", "hs_object_id", "createdate", "hs_lastmodifieddate", "dealname", "amount", "dealstage", "pipeline", "closedate"],
              modifiedDateProperty: "hs_lastmodifieddate",
              history: [],
              associations: [],
              archived: true,
              filters: [{ property: "amount", operator: "gte", value: 1000 }],
              pageSize: 100,
            },
            {
              kind: "object",
              name: "p_gift",
              objectType: "p_gift",
              custom: true,
              strategy: "incremental",
              properties: "all",
              modifiedDateProperty: "hs_lastmodifieddate",
              history: [],
              associations: [],
              archived: true,
              filters: [],
              pageSize: 100,
            },
            {
              kind: "object",
              name: "2-123",
              objectType: "2-123",
              custom: true,
              strategy: "incremental",
              properties: ["transaction_id", "hs_object_id", "createdate", "hs_lastmodifieddate"],
              modifiedDateProperty: "hs_lastmodifieddate",
              history: [],
              associations: [],
              archived: true,
              filters: [],
              pageSize: 100,
            },
            { kind: "owners", name: "owners", archived: false },
            { kind: "pipelines", name: "pipelines", objects: ["deals", "tickets"] },
            { kind: "lists", name: "lists", memberships: false },
            { kind: "custom_objects", name: "custom_objects", strategy: "full_refresh", associations: ["contacts"], archived: true, pageSize: 100 },
          ],
        },
        {
          name: syncId("nightly"),
          connection: connectionId("agency"),
          schedule: { kind: "cron", cron: "0 0 * * *", text: "daily" },
          streams: [
            {
              kind: "object",
              name: "companies",
              objectType: "companies",
              custom: false,
              strategy: "incremental",
              properties: "all",
              modifiedDateProperty: "hs_lastmodifieddate",
              history: [],
              associations: [],
              archived: true,
              filters: [],
              pageSize: 100,
            },
            { kind: "custom_objects", name: "custom_objects", strategy: "incremental", associations: [], archived: true, pageSize: 100 },
          ],
        },
      ],
      outbound: [],
    };
    assert.deepEqual(config, expected);
  });

  it("reads a file with only a version: default store, no connections, no syncs", () => {
    assert.deepEqual(parsed("version: 1\n"), { version: 1, store: { kind: "sqlite", path: "./hubsync.db" }, connections: [], inbound: [], outbound: [] });
  });

  it("shares options through YAML anchors and merge keys", () => {
    const config = parsed(`${withContacts("<<: &common { strategy: full_refresh, pageSize: 10 }")}      companies: *common\n`);
    const streams = config.inbound[0]?.streams ?? [];
    assert.deepEqual(streams.map((s) => (s.kind === "object" ? [s.name, s.strategy, s.pageSize] : [])), [
      ["contacts", "full_refresh", 10],
      ["companies", "full_refresh", 10],
    ]);
  });
});

describe("parseConfig: store", () => {
  const store = (value: string, baseDir?: string) => {
    const result = parseConfig(`version: 1\nstore: "${value}"\n`, {}, baseDir === undefined ? {} : { baseDir });
    if (!result.ok) assert.fail(result.error.message);
    return result.value.store;
  };

  it("accepts sqlite URLs, bare .db paths and postgres URLs", () => {
    assert.deepEqual(store("sqlite:./data/mirror.db"), { kind: "sqlite", path: "./data/mirror.db" });
    assert.deepEqual(store("sqlite::memory:"), { kind: "sqlite", path: ":memory:" });
    assert.deepEqual(store("mirror.db"), { kind: "sqlite", path: "mirror.db" });
    assert.deepEqual(store("postgres://u@localhost/db"), { kind: "postgres", url: "postgres://u@localhost/db" });
    assert.deepEqual(store("postgresql://u@localhost:5433/db"), { kind: "postgres", url: "postgresql://u@localhost:5433/db" });
  });

  it("resolves a relative SQLite path against baseDir, and leaves :memory: and absolute paths alone", () => {
    assert.deepEqual(store("sqlite:./hubsync.db", "/srv/app"), { kind: "sqlite", path: "/srv/app/hubsync.db" });
    assert.deepEqual(store("data.db", "/srv/app"), { kind: "sqlite", path: "/srv/app/data.db" });
    assert.deepEqual(store("sqlite:/var/lib/h.db", "/srv/app"), { kind: "sqlite", path: "/var/lib/h.db" });
    assert.deepEqual(store("sqlite::memory:", "/srv/app"), { kind: "sqlite", path: ":memory:" });
  });

  it("rejects other stores, hiding a password the URL holds", () => {
    assert.deepEqual(problems('version: 1\nstore: "mysql://root:hunter2@db/crm"\n'), [
      'store: expected sqlite:<file>, sqlite::memory:, a file path ending in .db, or a postgres:// URL; got "mysql://root:***@db/crm"',
    ]);
    assert.deepEqual(problems('version: 1\nstore: "sqlite:"\n'), ['store: expected a file after "sqlite:", as in sqlite:./hubsync.db (or sqlite::memory:); got "sqlite:"']);
  });

  it("names the variable a bad value came from", () => {
    assert.deepEqual(problems("version: 1\nstore: ${STORE}\n", { STORE: "mirror.csv" }), [
      'store: expected sqlite:<file>, sqlite::memory:, a file path ending in .db, or a postgres:// URL; got "mirror.csv" (from ${STORE})',
    ]);
  });
});

describe("parseConfig: always-synced properties", () => {
  const propertiesOf = (objectType: string, list: string) => {
    const stream = parsed(withContacts(`properties: ${list}`).replace("contacts:", `${objectType}:`)).inbound[0]?.streams[0];
    assert.ok(stream?.kind === "object");
    return stream.properties;
  };

  it("adds each object's identity, timestamps and key fields to a list, once", () => {
    assert.deepEqual(propertiesOf("contacts", "[email, jobtitle]"), ["email", "jobtitle", "hs_object_id", "createdate", "lastmodifieddate", "firstname", "lastname", "phone"]);
    assert.deepEqual(propertiesOf("companies", "[industry]"), ["industry", "hs_object_id", "createdate", "hs_lastmodifieddate", "name", "domain"]);
    assert.deepEqual(propertiesOf("tickets", "[content]"), ["content", "hs_object_id", "createdate", "hs_lastmodifieddate", "subject", "hs_pipeline", "hs_pipeline_stage"]);
    assert.deepEqual(propertiesOf("notes", "[hs_note_body]"), ["hs_note_body", "hs_object_id", "createdate", "hs_lastmodifieddate"]);
    assert.deepEqual(propertiesOf("gift", "[amount]"), ["amount", "hs_object_id", "createdate", "hs_lastmodifieddate"]);
  });

  it("keeps properties: all as all", () => {
    assert.equal(propertiesOf("contacts", "all"), "all");
  });
});

describe("parseConfig: filters must be on selected properties", () => {
  it("names the filter and the property list when the property is not selected", () => {
    assert.deepEqual(problems(withContacts("properties: [email]\nfilters:\n  - { property: lifecyclestage, operator: eq, value: customer }")), [
      'inbound.warehouse.streams.contacts.filters[0].property: "lifecyclestage" is not selected by inbound.warehouse.streams.contacts.properties; add it there (or use properties: all) to filter on it',
    ]);
  });

  it("allows a filter on an always-synced property the list does not name", () => {
    const stream = parsed(withContacts("properties: [jobtitle]\nfilters:\n  - { property: email, operator: contains, value: acme }")).inbound[0]?.streams[0];
    assert.ok(stream?.kind === "object");
    assert.deepEqual(stream.filters, [{ property: "email", operator: "contains", value: "acme" }]);
  });

  it("allows a filter on any property when properties is all", () => {
    const stream = parsed(withContacts("filters:\n  - { property: lifecyclestage, operator: neq, value: other }")).inbound[0]?.streams[0];
    assert.ok(stream?.kind === "object");
    assert.equal(stream.filters.length, 1);
  });

  it("requires history properties to be selected too", () => {
    assert.deepEqual(problems(withContacts("properties: [email]\nhistory: [lifecyclestage]")), [
      'inbound.warehouse.streams.contacts.history[0]: "lifecyclestage" is not selected by inbound.warehouse.streams.contacts.properties; add it there (or use properties: all) to keep its history',
    ]);
  });
});

describe("parseConfig: stream names", () => {
  it("accepts every standard object, the special streams and custom object names", () => {
    const names = [...standardObjectTypes, "owners", "pipelines", "lists", "custom_objects", "gift", "p_gift", "p12345_gift", "2-123"];
    const config = parsed(withContacts("{}").replace("      contacts:\n        {}\n", names.map((name) => `      ${name}:\n`).join("")));
    assert.deepEqual(config.inbound[0]?.streams.map((stream) => stream.name), names);
    assert.deepEqual(
      config.inbound[0]?.streams.flatMap((stream) => (stream.kind === "object" && stream.custom ? [stream.name] : [])),
      ["gift", "p_gift", "p12345_gift", "2-123"],
    );
  });
});
