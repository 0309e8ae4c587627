import assert from "node:assert/strict";
import type { HubsyncError } from "../core/hubsync-error.ts";
import { ConfigInvalidError } from "./config-invalid-error.ts";
import { formatKeyPath } from "./config-issue.ts";
import type { HubsyncConfig } from "./hubsync-config.ts";
import { parseConfig } from "./parse-config.ts";

// Helpers shared by the config tests.

export const env = { HUBSPOT_TOKEN: "pat-na1-secret", DATABASE_URL: "postgres://sync:pw@db.internal:5432/crm" };

export function parsed(text: string, environment: Record<string, string> = env): HubsyncConfig {
  const result = parseConfig(text, environment);
  if (!result.ok) assert.fail(result.error.message);
  return result.value;
}

export function failure(text: string, environment: Record<string, string> = env): HubsyncError {
  const result = parseConfig(text, environment, { source: "hubsync.yaml" });
  assert.equal(result.ok, false, "expected the config to be rejected");
  if (result.ok) throw new Error("unreachable");
  return result.error;
}

/** The `key.path: message` lines of a rejected config, without their file positions. */
export function problems(text: string, environment: Record<string, string> = env): string[] {
  const error = failure(text, environment);
  assert.equal(error.code, "CONFIG_INVALID");
  assert.ok(error instanceof ConfigInvalidError);
  return error.issues.map((issue) => `${formatKeyPath(issue.path)}: ${issue.message}`);
}

/** A minimal valid document with one sync whose `contacts` stream gets the given YAML lines. */
export function withContacts(lines: string): string {
  return `version: 1
connections:
  main:
    auth: { type: private_app, token: "\${HUBSPOT_TOKEN}" }
inbound:
  warehouse:
    connection: main
    streams:
      contacts:
${lines.replace(/^/gm, "        ")}
`;
}
