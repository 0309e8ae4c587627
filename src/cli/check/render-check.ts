import type { ConnectionConfig } from "../../config/index.ts";
import type { HubsyncError } from "../../core/hubsync-error.ts";
import { errorWords } from "../error-words.ts";
import type { ConnectionCheck } from "./check-connection.ts";
import type { FindingLevel, OutboundCheck } from "./outbound-finding.ts";
import type { ScopeNeed } from "../../sync/index.ts";

const okMark = "✓";
const failMark = "✗";
const marks: Readonly<Record<FindingLevel, string>> = { ok: okMark, note: "•", warn: "!", fail: failMark };

/** A line per finding, with the fix under each problem. */
export function renderConnectionCheck(check: ConnectionCheck, connection: ConnectionConfig): string {
  const name = `connection "${check.connection}" (${check.baseUrl})`;
  if (check.error !== undefined) {
    return `${failMark} ${name}: ${errorWords(check.error.code).headline} (${check.error.code})\n${indent(check.error.message)}\n    fix: ${check.error.details.fix ?? errorWords(check.error.code).fix}\n`;
  }
  const lines: string[] = [];
  const token = check.token;
  const who = token === undefined ? "" : ` → portal ${token.hubId}, ${token.kind === "oauth" ? `OAuth app ${token.appId ?? "?"}` : "private app"}, ${token.scopes.length} scopes`;
  lines.push(`${okMark} ${name}${who}`);
  if (check.needed.length === 0) {
    lines.push(`${okMark}   scopes: no sync uses this connection yet`);
  } else if (check.missingScopes.length === 0) {
    lines.push(`${okMark}   scopes: all ${check.needed.length} the syncs need are granted`);
  } else {
    lines.push(`${failMark}   scopes: ${check.missingScopes.length} missing`);
    const label = (need: ScopeNeed): string => (need.anyOf.length > 1 ? `${need.scope} (or ${need.anyOf.slice(1).join(", ")})` : need.scope);
    const width = Math.max(...check.missingScopes.map((need) => label(need).length));
    for (const need of check.missingScopes) lines.push(`      ${label(need).padEnd(width)}  needed by ${need.neededBy.join(", ")}`);
    lines.push(`    fix: ${scopeFix(check, connection)}`);
  }
  if (check.objectTypesUnchecked !== undefined) lines.push(`${failMark}   object types: not checked — ${check.objectTypesUnchecked}`);
  else if (check.missingObjectTypes.length > 0) {
    lines.push(`${failMark}   object types: ${check.missingObjectTypes.length} not found in the portal`);
    for (const missing of check.missingObjectTypes) lines.push(`      ${missing.objectType}  named by ${missing.neededBy.join(", ")}`);
    const have = check.customObjects.length === 0 ? "The portal has no custom objects." : `The portal's custom objects: ${check.customObjects.join(", ")}.`;
    lines.push(`    fix: create the custom object in HubSpot, or correct the name in hubsync.yaml (a custom object may be named by its name, p_<name> or its 2-<n> id). ${have}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Where to add scopes: a private app's settings page, or the OAuth app's scopes and a reinstall. */
export function scopeFix(check: ConnectionCheck, connection: ConnectionConfig): string {
  const scopes = check.missingScopes.map((need) => need.scope).join(" ");
  if (connection.auth.type === "private_app") {
    return `in HubSpot, open Settings → Integrations → Private apps → your app → Scopes, add ${scopes}, commit the change, and use the token it shows (a new one if it rotated).`;
  }
  return `add ${scopes} to your OAuth app's scopes (and to connections.${connection.name}.auth.scopes if you list them), then install the app in the portal again and put the new refresh token in the config.`;
}

/** `✓ outbound users → contacts`, then a line per finding, with the fix under each warning and failure. */
export function renderOutboundCheck(check: OutboundCheck): string {
  const worst = check.findings.some((f) => f.level === "fail") ? "fail" : check.findings.some((f) => f.level === "warn") ? "warn" : "ok";
  const lines = [`${marks[worst]} outbound ${check.sync} → ${check.objectType}`];
  for (const f of check.findings) {
    lines.push(`${marks[f.level]}   ${f.subject}: ${f.message}`);
    if (f.fix !== undefined && (f.level === "warn" || f.level === "fail")) lines.push(`    fix: ${f.fix}`);
  }
  return `${lines.join("\n")}\n`;
}

export function renderFailure(label: string, error: HubsyncError): string {
  return `${failMark} ${label}: ${errorWords(error.code).headline} (${error.code})\n${indent(error.message)}\n    fix: ${error.details.fix ?? errorWords(error.code).fix}\n`;
}

export function renderOk(text: string): string {
  return `${okMark} ${text}\n`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}
