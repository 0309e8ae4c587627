import { hubSpotId, type HubSpotId } from "../core/ids.ts";
import { chunked } from "./batch-read.ts";
import { isolateBadInputs, refusalOf } from "./isolate-bad-inputs.ts";
import { segment } from "./request-url.ts";
import { writeReplay } from "./retry-policy.ts";
import type { WriteContext } from "./write-context.ts";
import { Outcomes } from "./write-input.ts";
import type { WriteOptions, WriteOutcome } from "./write-outcome.ts";

/**
 * `POST /crm/v3/objects/{type}/batch/archive`, `limits.batchSize` ids a call. HubSpot answers
 * 204 with nothing per id and ignores ids it has no record for, so each id that was sent ends
 * `archived` (keyed by the id). Archiving twice is harmless, so lost answers are retried.
 */
export async function batchArchive(ctx: WriteContext, type: string, ids: ReadonlyArray<HubSpotId | string>, options: WriteOptions = {}): Promise<WriteOutcome[]> {
  const outcomes = new Outcomes(ids.length);
  const seen = new Set<string>();
  const pending: Array<{ index: number; key: string }> = [];
  ids.forEach((id, index) => {
    if (seen.has(id)) outcomes.failed({ index, key: id }, { category: "DUPLICATE_INPUT", message: `Another input of this call archives ${id}.` });
    else pending.push({ index, key: id });
    seen.add(id);
  });
  const path = `/crm/v3/objects/${segment(type)}/batch/archive`;
  for await (const chunk of chunked(pending, ctx.limits.batchSize)) {
    const send = async (items: Array<{ index: number; key: string }>) => {
      const json = { inputs: items.map((item) => ({ id: item.key })) };
      const answer = await ctx.transport.exchange({ kind: "archive", method: "POST", path, json, budget: "burst", replay: writeReplay.archive.replay, signal: options.signal });
      if (answer.kind === "unknown") throw new Error("unreachable: archives are retried, never verified");
      if (answer.status < 200 || answer.status >= 300) return refusalOf(answer.status, answer.body);
      for (const item of items) outcomes.set(item.index, { key: item.key, status: "archived", id: hubSpotId(item.key) });
      return undefined;
    };
    await isolateBadInputs(ctx, chunk, send, (item, refusal) => outcomes.refused(item, refusal));
  }
  return outcomes.all(ids.map(String));
}
