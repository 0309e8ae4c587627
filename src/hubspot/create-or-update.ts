import type { HubSpotId } from "../core/ids.ts";
import { batchCreate } from "./batch-create.ts";
import { batchUpdate } from "./batch-update.ts";
import { batchUpsert } from "./batch-upsert.ts";
import type { WriteContext } from "./write-context.ts";
import type { CreateInput, CreateOptions, UpdateInput, WriteOutcome } from "./write-outcome.ts";

/**
 * Writes rows that may or may not exist in HubSpot yet, never creating a second record
 * (pitfall 10). With `idProperty` (contact `email`, or a `hasUniqueValue` property) inputs
 * that carry it are upserted, HubSpot's preferred path; the others are created. Either way a
 * `conflict` — the value held by another record, e.g. as a contact's secondary email — is a
 * match: that record is updated by id. Its outcome is then that update's.
 */
export async function createOrUpdate(ctx: WriteContext, type: string, inputs: readonly CreateInput[], options: CreateOptions = {}): Promise<WriteOutcome[]> {
  const { idProperty } = options;
  const upsertable = idProperty === undefined ? [] : inputs.filter((input) => (input.properties[idProperty] ?? "").trim() !== "");
  const upsertKeys = new Set(upsertable.map((input) => input.key));
  const creatable = inputs.filter((input) => !upsertKeys.has(input.key));
  const first = new Map<string, WriteOutcome>();
  if (idProperty !== undefined && upsertable.length > 0) {
    const upserted = await batchUpsert(ctx, type, idProperty, upsertable.map((input) => ({ key: input.key, id: (input.properties[idProperty] ?? "").trim(), properties: input.properties })), options);
    for (const outcome of upserted) first.set(outcome.key, outcome);
  }
  if (creatable.length > 0) for (const outcome of await batchCreate(ctx, type, creatable, options)) first.set(outcome.key, outcome);

  const byKey = new Map(inputs.map((input) => [input.key, input]));
  const updates: UpdateInput[] = [];
  for (const outcome of first.values()) {
    const input = byKey.get(outcome.key);
    if (outcome.status === "conflict" && outcome.id !== undefined && input !== undefined) updates.push({ key: outcome.key, id: outcome.id satisfies HubSpotId, properties: input.properties });
  }
  const updated = new Map<string, WriteOutcome>();
  if (updates.length > 0) for (const outcome of await batchUpdate(ctx, type, updates, options.signal === undefined ? {} : { signal: options.signal })) updated.set(outcome.key, outcome);
  return inputs.map((input) => updated.get(input.key) ?? first.get(input.key) ?? { key: input.key, status: "failed", error: { category: "OUTCOME_UNKNOWN", message: "hubsync lost track of this input (a bug: please report it)." } });
}
