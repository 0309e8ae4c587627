import { z } from "zod";
import { HubsyncError } from "../core/hubsync-error.ts";
import { hubSpotId, type HubSpotId } from "../core/ids.ts";
import { chunked } from "./batch-read.ts";
import { createDefinition, type DefinitionWrite } from "./create-definition.ts";
import { findDefinition } from "./find-definition.ts";
import { inputError } from "./input-error.ts";
import { isolateBadInputs, refusalOf, type Refusal } from "./isolate-bad-inputs.ts";
import { hubspotListSchema, type HubSpotList } from "./read-lists.ts";
import type { ReadContext, ReadOptions } from "./read-context.ts";
import { segment } from "./request-url.ts";
import { writeReplay } from "./retry-policy.ts";
import type { WriteContext } from "./write-context.ts";
import type { WriteError } from "./write-outcome.ts";

export interface ListInput {
  name: string;
  /** `0-1` for contacts, `0-2` companies, ... */
  objectTypeId: string;
  /** Only MANUAL (and SNAPSHOT) lists take membership edits. */
  processingType: "MANUAL" | "SNAPSHOT";
}

const listAnswerSchema = z.object({ list: hubspotListSchema }).transform((answer) => answer.list);

/** The list of that object type with that name (`GET /crm/v3/lists/object-type-id/{id}/name/{name}`), or undefined. */
export function findListByName(ctx: ReadContext, objectTypeId: string, name: string, options: ReadOptions = {}): Promise<HubSpotList | undefined> {
  return findDefinition(ctx, "metadata", `/crm/v3/lists/object-type-id/${segment(objectTypeId)}/name/${segment(name)}`, listAnswerSchema, options.signal);
}

/** Creates a list, or finds the one with that name (HubSpot refuses a second: 400 ILS.DUPLICATE_LIST_NAMES). */
export function createList(ctx: WriteContext, input: ListInput, options: ReadOptions = {}): Promise<DefinitionWrite<HubSpotList>> {
  return createDefinition(ctx, {
    kind: "list-write",
    // HubSpot's own SDK posts to the trailing-slash path.
    path: "/crm/v3/lists/",
    json: { name: input.name, objectTypeId: input.objectTypeId, processingType: input.processingType },
    schema: listAnswerSchema,
    what: `list "${input.name}"`,
    find: () => findListByName(ctx, input.objectTypeId, input.name, options),
    taken: (status, subCategory) => status === 409 || subCategory === "ILS.DUPLICATE_LIST_NAMES",
    signal: options.signal,
  });
}

/** One record's membership change: `unchanged` when it already was (or was not) a member; `failed` when no such record exists. */
export interface ListMembershipOutcome {
  id: HubSpotId;
  status: "added" | "removed" | "unchanged" | "failed";
  error?: WriteError;
}

const ids = z.array(z.union([z.string(), z.number()]).transform(String)).catch([]).default([]);
const changeSchema = z.object({ recordIdsAdded: ids, recordsIdsAdded: ids, recordIdsRemoved: ids, recordIdsMissing: ids }).catch({ recordIdsAdded: [], recordsIdsAdded: [], recordIdsRemoved: [], recordIdsMissing: [] });

/**
 * Adds or removes records, `limits.listMembershipWriteSize` ids a call
 * (`PUT /crm/v3/lists/{listId}/memberships/add|remove`). Both are idempotent, so lost answers
 * are retried. A list HubSpot does not have is thrown (HUBSPOT_NOT_FOUND): nothing can proceed.
 */
export async function editListMembers(ctx: WriteContext, change: "add" | "remove", listId: string, recordIds: ReadonlyArray<HubSpotId | string>, options: ReadOptions = {}): Promise<ListMembershipOutcome[]> {
  const unique = [...new Set(recordIds.map(String))];
  const outcomes = new Map<string, ListMembershipOutcome>();
  const path = `/crm/v3/lists/${segment(listId)}/memberships/${change}`;
  const send = async (batch: string[]): Promise<Refusal | undefined> => {
    const answer = await ctx.transport.exchange({ kind: "list-write", method: "PUT", path, json: batch, budget: "burst", replay: writeReplay["list-write"].replay, signal: options.signal });
    if (answer.kind === "unknown") throw new Error("unreachable: membership edits are retried, never verified");
    if (answer.status === 404) {
      throw new HubsyncError("HUBSPOT_NOT_FOUND", `HubSpot has no list ${listId}. HubSpot said: ${answer.error.message ?? "nothing"}`, { status: 404, fix: "Check the list id, or create the list first." });
    }
    if (answer.status < 200 || answer.status >= 300) return refusalOf(answer.status, answer.body);
    // HubSpot's spec spells the added ids `recordsIdsAdded`, its docs `recordIdsAdded`: read both.
    const body = changeSchema.parse(answer.body ?? {});
    const changed = new Set(change === "add" ? [...body.recordIdsAdded, ...body.recordsIdsAdded] : body.recordIdsRemoved);
    const missing = new Set(body.recordIdsMissing);
    for (const id of batch) {
      if (missing.has(id)) outcomes.set(id, { id: hubSpotId(id), status: "failed", error: { category: "OBJECT_NOT_FOUND", message: `HubSpot has no record ${id} of the list's object type.` } });
      else outcomes.set(id, { id: hubSpotId(id), status: changed.has(id) ? (change === "add" ? "added" : "removed") : "unchanged" });
    }
    return undefined;
  };
  const refuse = (id: string, refusal: Refusal): void => {
    outcomes.set(id, { id: hubSpotId(id), status: "failed", error: inputError(refusal.body, "VALIDATION_ERROR") });
  };
  for await (const batch of chunked(unique, ctx.limits.listMembershipWriteSize)) await isolateBadInputs(ctx, batch, send, refuse);
  return recordIds.map((id) => outcomes.get(String(id)) ?? { id: hubSpotId(id), status: "failed", error: { category: "OUTCOME_UNKNOWN", message: "hubsync lost track of this id (a bug: please report it)." } });
}
