import type { RequestStatsSnapshot } from "../../../src/emulator/stats/request-stats.ts";
import type { LoggedRequest } from "../../inbound/support/request-log.ts";

// Telling HubSpot write calls from reads. A write changes something in the portal: records,
// associations, list memberships, lists, properties, schemas. Searches, batch reads, label and
// list look-ups are reads even when they are POSTs; token calls are neither.

const READ_POSTS = [/\/search$/, /\/batch\/read$/];

/** Whether a call (method and path, or route pattern) writes to the portal. */
export function isWriteCall(method: string, path: string): boolean {
  if (path.startsWith("/oauth/") || path.startsWith("/__emulator")) return false;
  const m = method.toUpperCase();
  if (m === "GET" || m === "HEAD" || m === "OPTIONS") return false;
  if (m === "POST" && READ_POSTS.some((r) => r.test(path))) return false;
  return true;
}

/** Writes of records: batch create/update/upsert/archive and single-record writes. */
export function isRecordWrite(method: string, path: string): boolean {
  if (!path.startsWith("/crm/v3/objects/") || !isWriteCall(method, path)) return false;
  return !path.includes("/associations/");
}

/** Writes of associations (v4 batch and single, v3 single). */
export function isAssociationWrite(method: string, path: string): boolean {
  if (!isWriteCall(method, path)) return false;
  if (path.endsWith("/labels") || /\/labels\/[^/]+$/.test(path)) return false; // label definitions
  return path.startsWith("/crm/v4/associations/") || path.includes("/associations/");
}

/** List membership edits. */
export function isListMembershipWrite(method: string, path: string): boolean {
  return method.toUpperCase() === "PUT" && /^\/crm\/v3\/lists\/[^/]+\/memberships\/(add|remove|add-and-remove)$/.test(path);
}

export const logged =
  (predicate: (method: string, path: string) => boolean) =>
  (r: LoggedRequest): boolean =>
    predicate(r.method, r.path);

/** Requests by a predicate, from the request log. */
export function countLogged(requests: readonly LoggedRequest[], predicate: (method: string, path: string) => boolean): number {
  return requests.filter(logged(predicate)).length;
}

/** Calls the emulator answered (any status) whose route is a write, by the predicate. */
export function countStats(snapshot: RequestStatsSnapshot, predicate: (method: string, path: string) => boolean = isWriteCall): number {
  let total = 0;
  for (const route of Object.values(snapshot.byRoute)) if (predicate(route.method, route.route)) total += route.total;
  return total;
}

/** The routes written to, with counts, for failure messages. */
export function describeWrites(snapshot: RequestStatsSnapshot): string {
  return JSON.stringify(
    Object.values(snapshot.byRoute)
      .filter((r) => isWriteCall(r.method, r.route))
      .map((r) => `${r.method} ${r.route} ×${r.total}`),
  );
}
