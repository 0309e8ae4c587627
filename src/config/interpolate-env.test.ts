import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigInvalidError } from "./config-invalid-error.ts";
import { interpolateEnv } from "./interpolate-env.ts";
import { parseConfig } from "./parse-config.ts";

const config = `version: 1
store: \${DATABASE_URL}
connections:
  main:
    baseUrl: "\${HUBSPOT_BASE_URL:-https://api.hubapi.com}"
    auth:
      type: oauth
      clientId: \${CLIENT_ID}
      clientSecret: "\${CLIENT_SECRET}"
      refreshToken: "rt-\${REFRESH_SUFFIX}"
      scopes: ["crm.objects.\${OBJECT}.read"]
`;

describe("interpolateEnv", () => {
  it("replaces every reference in string values, inside lists and mid-string, and never keys", () => {
    const result = interpolateEnv({ "${KEY}": "a-${A}-b", list: ["${A}", 3, true, null], nested: { x: "${B}${A}" } }, { A: "1", B: "2", KEY: "k" });
    assert.deepEqual(result.value, { "${KEY}": "a-1-b", list: ["1", 3, true, null], nested: { x: "21" } });
    assert.deepEqual(result.issues, []);
    assert.deepEqual([...result.templates.entries()], [
      ['["${KEY}"]', "a-${A}-b"],
      ['["list",0]', "${A}"],
      ['["nested","x"]', "${B}${A}"],
    ]);
  });

  it("uses the fallback only when the variable is unset, and keeps an empty value that is set", () => {
    const result = interpolateEnv(["${A:-x}", "${B:-y}", "${C:-}"], { A: "" });
    assert.deepEqual(result.value, ["", "y", ""]);
  });

  it("writes $${ as a literal ${", () => {
    assert.deepEqual(interpolateEnv("cost: $${PRICE} and ${A}", { A: "1", PRICE: "9" }).value, "cost: ${PRICE} and 1");
  });

  it("reports each unset variable with its key path, and malformed references", () => {
    const result = interpolateEnv({ a: "${ONE}", b: ["x${TWO}y"], c: "${not valid}", d: "${OPEN" }, {});
    assert.deepEqual(
      result.issues.map((issue) => [issue.path, issue.message, issue.missingVariable]),
      [
        [["a"], "environment variable ONE is not set", "ONE"],
        [["b", 0], "environment variable TWO is not set", "TWO"],
        [["c"], 'malformed reference "${not valid}"; write ${NAME} or ${NAME:-default}', undefined],
        [["d"], 'malformed reference "${OPEN"; write ${NAME} or ${NAME:-default}', undefined],
      ],
    );
  });
});

describe("parseConfig with environment variables", () => {
  it("interpolates before validating", () => {
    const result = parseConfig(config, {
      DATABASE_URL: "sqlite::memory:",
      CLIENT_ID: "id",
      CLIENT_SECRET: "secret",
      REFRESH_SUFFIX: "42",
      OBJECT: "contacts",
    });
    if (!result.ok) assert.fail(result.error.message);
    assert.deepEqual(result.value.store, { kind: "sqlite", path: ":memory:" });
    assert.deepEqual(result.value.connections[0]?.auth, {
      type: "oauth",
      clientId: "id",
      clientSecret: "secret",
      refreshToken: "rt-42",
      scopes: ["crm.objects.contacts.read"],
    });
    assert.equal(result.value.connections[0]?.baseUrl, "https://api.hubapi.com");
  });

  it("names every missing variable and its key, and says which to set", () => {
    const result = parseConfig(config, { CLIENT_ID: "id", OBJECT: "contacts" }, { source: "hubsync.yaml" });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.code, "CONFIG_INVALID");
    assert.ok(result.error instanceof ConfigInvalidError);
    assert.deepEqual(
      result.error.issues.map((issue) => [issue.path.join("."), issue.message, issue.line]),
      [
        ["store", "environment variable DATABASE_URL is not set", 2],
        ["connections.main.auth.clientSecret", "environment variable CLIENT_SECRET is not set", 9],
        ["connections.main.auth.refreshToken", "environment variable REFRESH_SUFFIX is not set", 10],
      ],
    );
    assert.equal(
      result.error.details.fix,
      "Set DATABASE_URL, CLIENT_SECRET, REFRESH_SUFFIX in the environment hubsync runs in (or give a fallback: ${NAME:-value}).",
    );
  });

  it("shows a secret's reference, never its value", () => {
    const result = parseConfig(
      "version: 1\nconnections:\n  main:\n    auth: { type: private_app, token: \"${HUBSPOT_TOKEN}\" }\n",
      { HUBSPOT_TOKEN: "" },
    );
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.error.message, /connections\.main\.auth\.token: must not be empty/);
  });
});
