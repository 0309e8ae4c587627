import type { Context } from "hono";
import type { EmulatorEnv } from "../env.ts";
import type { RecordOutput } from "./record-output.ts";
import type { StandardError } from "./standard-error.ts";

/**
 * HubSpot's batch answer: `{status: "COMPLETE", results, startedAt, completedAt}`, and with
 * `numErrors`/`errors` as 207 Multi-Status when some inputs failed.
 */
export function batchAnswer(c: Context<EmulatorEnv>, startedAt: string, results: RecordOutput[], errors: StandardError[], okStatus: 200 | 201): Response {
  const completedAt = c.get("state").clock.iso();
  if (errors.length === 0) return c.json({ status: "COMPLETE", results, startedAt, completedAt }, okStatus);
  return c.json({ status: "COMPLETE", results, numErrors: errors.length, errors, startedAt, completedAt }, 207);
}
