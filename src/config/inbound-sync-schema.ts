import { z } from "zod";
import { defaultSchedule, parseSchedule } from "./parse-schedule.ts";
import { streamsSchema } from "./streams-schema.ts";

/** A connection or sync name: it appears in commands, URLs and table rows. */
export const nameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "expected a name of letters, digits, _ and - (at most 64); got {got}");

/** `schedule:` of any sync. */
export const scheduleSchema = z
  .string()
  .transform((text, ctx) => {
    const parsed = parseSchedule(text);
    if (parsed.ok) return parsed.value;
    ctx.issues.push({ code: "custom", message: `${parsed.error}; got {got}`, input: text });
    return z.NEVER;
  })
  .prefault(defaultSchedule)
  .describe('When the sync runs by itself: "hourly" (default), "daily", "manual" (only on demand) or a 5-field cron expression.');

/** One `inbound:` sync: HubSpot → store. */
export const inboundSyncSchema = z
  .strictObject({
    connection: nameSchema.describe("The name of the connection (under `connections:`) to read from."),
    schedule: scheduleSchema,
    streams: streamsSchema,
  })
  .describe("A HubSpot → database mirror.");
