import { createHash } from "node:crypto";

/**
 * The `objectWriteTraceId` of an input, derived from the caller's row key: HubSpot then
 * reports a refused input on its own (207, naming the trace id) instead of failing the batch,
 * and the same row gets the same trace id on every run, so logs on both sides line up.
 * Hashed because row keys can be long or hold characters HubSpot might not keep.
 */
export function traceIdFor(key: string): string {
  return `hs-${createHash("sha256").update(key).digest("base64url").slice(0, 24)}`;
}
