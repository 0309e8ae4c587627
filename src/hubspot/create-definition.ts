import type { z } from "zod";
import { HubsyncError } from "../core/hubsync-error.ts";
import type { CallKind } from "./client-stats.ts";
import { inputError, parseBatchError } from "./input-error.ts";
import { parseAnswer } from "./parse-answer.ts";
import { backoffDelay } from "./retry-delay.ts";
import { writeReplay } from "./retry-policy.ts";
import { sleepUnlessAborted } from "./sleep-unless-aborted.ts";
import type { WriteContext } from "./write-context.ts";

/** A definition written, or found already there (a re-run, or a create whose answer was lost). */
export interface DefinitionWrite<T> {
  status: "created" | "existing";
  value: T;
}

export interface DefinitionCreate<T> {
  kind: CallKind;
  path: string;
  json: unknown;
  schema: z.ZodType<T>;
  /** What is being created, for messages: `property "loyalty" of contacts`. */
  what: string;
  /** Reads the definition by its name; undefined when HubSpot has none. */
  find: () => Promise<T | undefined>;
  /** Whether a refusal says the name is taken (409, or a 400 such as lists' ILS.DUPLICATE_LIST_NAMES). */
  taken?: (status: number, subCategory: string | undefined) => boolean;
  signal?: AbortSignal | undefined;
}

/**
 * Creates a definition (property, group, schema, list, association label) once, however often
 * it is called: a name that is taken answers with the existing definition, and a create whose
 * answer was lost is looked up by name before it is sent again (creates are not idempotent).
 * A refusal (an invalid definition) is thrown: nothing that depends on it can proceed.
 */
export async function createDefinition<T>(ctx: WriteContext, create: DefinitionCreate<T>): Promise<DefinitionWrite<T>> {
  const taken = create.taken ?? ((status) => status === 409);
  for (let attempt = 1; ; attempt++) {
    // Every definition write is a create (lists' included): `writeReplay["metadata-write"]`.
    const answer = await ctx.transport.exchange({ kind: create.kind, method: "POST", path: create.path, json: create.json, budget: "burst", replay: writeReplay["metadata-write"].replay, signal: create.signal });
    if (answer.kind === "answer" && answer.status >= 200 && answer.status < 300) {
      return { status: "created", value: parseAnswer(create.schema, answer.body, `POST ${create.path}`) };
    }
    if (answer.kind === "answer") {
      const entry = parseBatchError(answer.body);
      if (taken(answer.status, entry.subCategory)) {
        const existing = await create.find();
        if (existing !== undefined) return { status: "existing", value: existing };
      }
      const error = inputError(entry, "VALIDATION_ERROR");
      const details: { status: number; fix: string; correlationId?: string; subject?: string } = { status: answer.status, fix: `Correct the ${create.what} as HubSpot's message says.` };
      if (error.correlationId !== undefined) details.correlationId = error.correlationId;
      if (error.property !== undefined) details.subject = error.property;
      const code = answer.status === 409 ? "HUBSPOT_CONFLICT" : answer.status === 404 ? "HUBSPOT_NOT_FOUND" : "HUBSPOT_BAD_REQUEST";
      throw new HubsyncError(code, `HubSpot refused to create the ${create.what}. HubSpot said: ${error.message}`, details);
    }
    ctx.stats.writeVerified();
    const existing = await create.find();
    if (existing !== undefined) return { status: "created", value: existing };
    if (attempt >= ctx.limits.retry.attempts) {
      throw new HubsyncError("HUBSPOT_UNAVAILABLE", `HubSpot did not answer the creation of the ${create.what} (${answer.reason}) on any of ${attempt} attempts, and holds no such definition.`, {
        fix: "HubSpot is having trouble; run the sync again later, or check https://status.hubspot.com.",
      });
    }
    const delay = backoffDelay(attempt, ctx.limits.retry, ctx.random);
    ctx.stats.retry();
    ctx.stats.backoff(delay);
    await sleepUnlessAborted(ctx, delay, create.signal);
  }
}
