import type { z } from "zod";
import { HubsyncError } from "../core/hubsync-error.ts";
import type { CallKind } from "./client-stats.ts";
import { parseAnswer } from "./parse-answer.ts";
import type { QueryParams } from "./request-url.ts";
import type { ReadContext } from "./read-context.ts";

/** GETs one definition by name; HubSpot's 404 is "none" (undefined), any other refusal is thrown. */
export async function findDefinition<T>(ctx: ReadContext, kind: CallKind, path: string, schema: z.ZodType<T>, signal: AbortSignal | undefined, query?: QueryParams): Promise<T | undefined> {
  const request = query === undefined ? { kind, method: "GET" as const, path, budget: "burst" as const, replay: "retry" as const, signal } : { kind, method: "GET" as const, path, query, budget: "burst" as const, replay: "retry" as const, signal };
  const answer = await ctx.transport.exchange(request);
  if (answer.kind === "unknown") throw new Error("unreachable: reads are retried, never verified");
  if (answer.status === 404) return undefined;
  if (answer.status >= 200 && answer.status < 300) return parseAnswer(schema, answer.body, `GET ${path}`);
  throw new HubsyncError("HUBSPOT_BAD_REQUEST", `HubSpot refused GET ${path} (${answer.status}). HubSpot said: ${answer.error.message ?? "nothing"}`, {
    status: answer.status,
    ...(answer.error.correlationId === undefined ? {} : { correlationId: answer.error.correlationId }),
    fix: "This is likely a hubsync bug or an invalid name in the configuration.",
  });
}
