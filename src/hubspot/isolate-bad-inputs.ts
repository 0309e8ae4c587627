import { contextValues, parseBatchError, type BatchErrorEntry } from "./input-error.ts";
import type { WriteContext } from "./write-context.ts";

/** A batch HubSpot refused as a whole (a 4xx about its content), with what it said. */
export interface Refusal {
  status: number;
  body: BatchErrorEntry;
  /** Whether the answer points at inputs (a property, a unique value, ids): then the batch is split at once. */
  aboutInputs: boolean;
}

/** HubSpot's refusal of a whole batch, and whether it points at some of its inputs. */
export function refusalOf(status: number, rawBody: unknown): Refusal {
  const body = parseBatchError(rawBody);
  const aboutInputs =
    status === 409 ||
    body.category === "CONFLICT" ||
    (body.message ?? "").startsWith("Property values were not valid") ||
    (body.errors ?? []).some((e) => e.context?.["propertyName"] !== undefined) ||
    ["ids", "objectWriteTraceId", "fromObjectId", "toObjectId", "propertyName", "associationTypeId"].some((name) => contextValues(body, name).length > 0);
  return { status, body, aboutInputs };
}

/** Sends some items as one batch: settles their outcomes, or returns HubSpot's refusal of the whole batch. */
export type SendBatch<T> = (items: T[]) => Promise<Refusal | undefined>;

/**
 * The inputs a refusal most likely points at (those holding the value HubSpot quotes), so the
 * batch is split into them and the rest rather than into halves; [] when it points at none.
 */
export type Suspects<T> = (items: readonly T[], refusal: Refusal) => T[];

/**
 * Pitfall 11: HubSpot can refuse a whole batch for one bad input (400 without trace ids, and
 * for some errors even with them). Split the batch and send the parts, down to single inputs:
 * the good ones land and each bad one is refused on its own, with its own reason. Halving
 * costs a bad input about two calls per level (2·log2(100) ≈ 14 for a batch of 100); when
 * HubSpot quotes the refused value, the inputs holding it are split off first, which
 * usually costs two calls: the rest, and the suspect alone.
 *
 * When the refusal names no input (an unknown type, a malformed request) every input would
 * be refused alone too, and splitting would cost 2n−1 calls. So before splitting, the first
 * and the last input are sent alone; if both are refused with the batch's own words, the
 * request itself is at fault and the rest are refused with it (`refuse`), unsent.
 */
export async function isolateBadInputs<T>(ctx: WriteContext, items: T[], send: SendBatch<T>, refuse: (item: T, refusal: Refusal) => void, suspects?: Suspects<T>): Promise<void> {
  const refusal = await send(items);
  if (refusal === undefined) return;
  if (items.length === 1) {
    const [item] = items as [T];
    refuse(item, refusal);
    return;
  }
  ctx.stats.batchSplit();
  if (!refusal.aboutInputs && items.length > 2) {
    const first = items[0] as T;
    const last = items[items.length - 1] as T;
    const firstAlone = await send([first]);
    if (firstAlone !== undefined) refuse(first, firstAlone);
    const lastAlone = await send([last]);
    if (lastAlone !== undefined) refuse(last, lastAlone);
    const rest = items.slice(1, -1);
    if (sameRefusal(firstAlone, refusal) && sameRefusal(lastAlone, refusal)) {
      ctx.logger.warn({ status: refusal.status, message: refusal.body.message }, "hubspot: a batch write is refused whatever it holds; its inputs are reported failed");
      for (const item of rest) refuse(item, refusal);
      return;
    }
    await isolateBadInputs(ctx, rest, send, refuse, suspects);
    return;
  }
  const pointed = new Set(suspects?.(items, refusal) ?? []);
  const [first, second] =
    pointed.size > 0 && pointed.size < items.length
      ? [items.filter((item) => !pointed.has(item)), items.filter((item) => pointed.has(item))]
      : [items.slice(0, Math.ceil(items.length / 2)), items.slice(Math.ceil(items.length / 2))];
  await isolateBadInputs(ctx, first, send, refuse, suspects);
  await isolateBadInputs(ctx, second, send, refuse, suspects);
}

function sameRefusal(a: Refusal | undefined, b: Refusal): boolean {
  return a !== undefined && a.status === b.status && a.body.category === b.body.category && a.body.message === b.body.message;
}
