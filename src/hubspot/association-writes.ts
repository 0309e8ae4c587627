import { z } from "zod";
import { hubSpotId, type HubSpotId } from "../core/ids.ts";
import type { AssociationOutcome, AssociationPair, AssociationTypeRef, TypedAssociationPair } from "./association-outcome.ts";
import { chunked } from "./batch-read.ts";
import { contextValues, inputError, parseBatchError, type BatchErrorEntry } from "./input-error.ts";
import { isolateBadInputs, refusalOf, type Refusal } from "./isolate-bad-inputs.ts";
import { segment } from "./request-url.ts";
import { writeReplay } from "./retry-policy.ts";
import type { WriteContext } from "./write-context.ts";
import type { WriteOptions } from "./write-outcome.ts";

type Operation = "create" | "associate/default" | "archive" | "labels/archive";

interface Pending {
  index: number;
  fromId: HubSpotId;
  toId: HubSpotId;
  types: AssociationTypeRef[];
}

const idValue = z.union([z.string(), z.number()]).transform((id) => String(id));
const resultSchema = z
  .object({ fromObjectId: idValue.optional(), toObjectId: idValue.optional(), from: z.object({ id: idValue }).optional(), to: z.object({ id: idValue }).optional() })
  .catch({});
const answerSchema = z.object({ results: z.array(resultSchema).catch([]).default([]), errors: z.array(z.unknown()).catch([]).default([]) }).catch({ results: [], errors: [] });

const pairKey = (fromId: string, toId: string): string => `${fromId}:${toId}`;

/**
 * The v4 association batch writes, `limits.associationWriteBatchSize` (2,000) pairs a call,
 * an outcome per pair (in input order). Every one of them is idempotent (a pair's labels
 * become what is sent; removing twice removes once), so lost answers are retried. A pair
 * given twice is sent once, with the union of its types. A batch HubSpot refuses whole (an
 * unknown type id) is split until the bad pairs stand alone.
 */
export async function writeAssociations(
  ctx: WriteContext,
  operation: Operation,
  fromType: string,
  toType: string,
  pairs: ReadonlyArray<AssociationPair | TypedAssociationPair>,
  options: WriteOptions = {},
): Promise<AssociationOutcome[]> {
  const outcomes: AssociationOutcome[] = pairs.map((pair) => ({ fromId: hubSpotId(pair.fromId), toId: hubSpotId(pair.toId), status: "failed" }));
  const byPair = new Map<string, Pending>();
  const members = new Map<Pending, number[]>();
  pairs.forEach((pair, index) => {
    const key = pairKey(String(pair.fromId), String(pair.toId));
    const types = "types" in pair ? pair.types : [];
    const known = byPair.get(key);
    if (known === undefined) {
      const pending: Pending = { index, fromId: hubSpotId(pair.fromId), toId: hubSpotId(pair.toId), types: [...types] };
      byPair.set(key, pending);
      members.set(pending, [index]);
      return;
    }
    for (const type of types) if (!known.types.some((t) => t.typeId === type.typeId)) known.types.push(type);
    members.get(known)?.push(index);
  });
  const settle = (pending: Pending, outcome: Omit<AssociationOutcome, "fromId" | "toId">): void => {
    for (const index of members.get(pending) ?? []) outcomes[index] = { fromId: pending.fromId, toId: pending.toId, ...outcome };
  };
  const path = `/crm/v4/associations/${segment(fromType)}/${segment(toType)}/batch/${operation}`;
  const done = operation === "create" || operation === "associate/default" ? "associated" : "removed";

  const send = async (items: Pending[]): Promise<Refusal | undefined> => {
    const answer = await ctx.transport.exchange({ kind: "association-write", method: "POST", path, json: { inputs: items.map((item) => input(operation, item)) }, budget: "burst", replay: writeReplay["association-write"].replay, signal: options.signal });
    if (answer.kind === "unknown") throw new Error("unreachable: association writes are retried, never verified");
    if (answer.status < 200 || answer.status >= 300) return refusalOf(answer.status, answer.body);
    const { results, errors } = answerSchema.parse(answer.body ?? {});
    const written = new Set(results.map((r) => pairKey(r.fromObjectId ?? r.from?.id ?? "", r.toObjectId ?? r.to?.id ?? "")));
    const open = new Set(items);
    const unattributed: BatchErrorEntry[] = [];
    for (const raw of errors) {
      const entry = parseBatchError(raw);
      const from = new Set(contextValues(entry, "fromObjectId"));
      const to = new Set(contextValues(entry, "toObjectId"));
      // HubSpot names the record it could not find on one side only: every pair with it failed.
      const hit = items.filter((item) => (from.size === 0 || from.has(item.fromId)) && (to.size === 0 || to.has(item.toId)) && (from.size > 0 || to.size > 0));
      if (hit.length === 0) unattributed.push(entry);
      for (const item of hit) {
        open.delete(item);
        settle(item, { status: "failed", error: inputError(entry, "VALIDATION_ERROR") });
      }
    }
    for (const item of open) {
      const echoed = written.has(pairKey(item.fromId, item.toId)) || written.has(pairKey(item.toId, item.fromId));
      const [unnamed] = unattributed;
      if (echoed || results.length === 0 || unnamed === undefined) settle(item, { status: done });
      else settle(item, { status: "failed", error: inputError(unnamed, "VALIDATION_ERROR") });
    }
    return undefined;
  };
  const refuse = (item: Pending, refusal: Refusal): void => settle(item, { status: "failed", error: inputError(refusal.body, "VALIDATION_ERROR") });
  for await (const chunk of chunked(byPair.values(), ctx.limits.associationWriteBatchSize)) await isolateBadInputs(ctx, chunk, send, refuse);
  return outcomes;
}

function input(operation: Operation, item: Pending): Record<string, unknown> {
  const types = item.types.map((type) => ({ associationCategory: type.category, associationTypeId: type.typeId }));
  switch (operation) {
    case "create":
    case "labels/archive":
      return { from: { id: item.fromId }, to: { id: item.toId }, types };
    case "associate/default":
      return { from: { id: item.fromId }, to: { id: item.toId } };
    case "archive":
      return { from: { id: item.fromId }, to: [{ id: item.toId }] };
    default: {
      const exhaustive: never = operation;
      return exhaustive;
    }
  }
}
