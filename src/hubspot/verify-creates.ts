import type { HubSpotRecord } from "./hubspot-record.ts";
import { batchReadOnce } from "./batch-read.ts";
import type { ReadContext } from "./read-context.ts";
import type { PendingWrite } from "./write-input.ts";

/**
 * After a create's answer was lost: which of `items` HubSpot holds, read by the unique
 * `idProperty` every item carries (a batch read, which has no index lag, unlike search).
 * Keyed by item index; items without a value for it are `unverifiable`.
 */
export async function verifyCreates<I>(ctx: ReadContext, type: string, idProperty: string, items: ReadonlyArray<PendingWrite<I>>, signal: AbortSignal | undefined): Promise<Map<number, HubSpotRecord | "unverifiable">> {
  const found = new Map<number, HubSpotRecord | "unverifiable">();
  const byValue = new Map<string, Array<PendingWrite<I>>>();
  const names = new Set<string>([idProperty]);
  for (const item of items) {
    const value = item.properties[idProperty]?.trim();
    if (value === undefined || value === "") {
      found.set(item.index, "unverifiable");
      continue;
    }
    for (const name of Object.keys(item.properties)) names.add(name);
    byValue.set(value.toLowerCase(), [...(byValue.get(value.toLowerCase()) ?? []), item]);
  }
  const values = [...byValue.keys()];
  for (let start = 0; start < values.length; start += ctx.limits.batchSize) {
    const chunk = values.slice(start, start + ctx.limits.batchSize);
    const options = signal === undefined ? { idProperty, properties: [...names] } : { idProperty, properties: [...names], signal };
    const page = await batchReadOnce(ctx, type, chunk, options);
    for (const record of page.results) {
      const value = record.properties[idProperty]?.trim().toLowerCase();
      for (const item of value === undefined ? [] : (byValue.get(value) ?? [])) found.set(item.index, record);
    }
  }
  return found;
}
