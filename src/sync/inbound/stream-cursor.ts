import { createHash } from "node:crypto";
import { z } from "zod";
import { HubsyncError } from "../../core/hubsync-error.ts";

/** The version this engine writes; older shapes are migrated on read, newer ones refused. */
export const STREAM_CURSOR_VERSION = 1;

const positionSchema = z.object({ modifiedAt: z.number(), id: z.string().nullable() });

const listingSchema = z.object({
  /** Epoch ms (engine clock) the pass started: later changes are left to the next run. */
  startedAt: z.number(),
  /** The sweep mark: every row this pass reads is stamped with it, and the unstamped are swept. */
  mark: z.string(),
  /** list: HubSpot's list endpoint (every record, as it is now); search: a filtered search (first backfill only). */
  source: z.enum(["list", "search"]),
  /** all: write every record read, sweep at the end; changed: write only records changed since `highWater`. */
  mode: z.enum(["all", "changed"]),
  /** Started by a `full` run (a full run resumes only a full pass). */
  full: z.boolean(),
  /** list: the next page's position. */
  after: z.string().optional(),
  /** search: the last id read (ids ascend). */
  lastId: z.string().optional(),
  /** Every page has been read and committed; only the completion (and sweep) is left. */
  exhausted: z.boolean().default(false),
  fetched: z.number().int().nonnegative(),
});

const cursorV1Schema = z.object({
  version: z.literal(1),
  /** Hash of what the stream's rows depend on (strategy, properties, filters, history): a change starts over. */
  configHash: z.string(),
  /** A listing pass in progress (full refresh, backfill, client-side incremental read). */
  listing: listingSchema.optional(),
  /** incremental: everything modified at or before this (modified date, id) is stored. */
  since: positionSchema.optional(),
  /** client_incremental: every change before this instant (epoch ms) is stored. */
  highWater: z.number().optional(),
  /** When the last listing pass finished (epoch ms). */
  lastListingAt: z.number().optional(),
});

export type StreamCursor = z.infer<typeof cursorV1Schema>;
export type ListingState = z.infer<typeof listingSchema>;
export type CursorPosition = z.infer<typeof positionSchema>;

/** Before cursors were versioned: a bare incremental position. */
const legacySchema = positionSchema;

/**
 * A stored cursor, migrated to the current version; undefined when there is none. A cursor
 * written by a newer hubsync is refused (STORE_FAILED) rather than misread or overwritten.
 */
export function readStreamCursor(raw: unknown, configHash: string): StreamCursor | undefined {
  if (raw === undefined || raw === null) return undefined;
  const current = cursorV1Schema.safeParse(raw);
  if (current.success) return current.data;
  const legacy = legacySchema.safeParse(raw);
  if (legacy.success) return { version: 1, configHash, since: legacy.data };
  const version = z.object({ version: z.number() }).safeParse(raw);
  if (version.success && version.data.version > STREAM_CURSOR_VERSION) {
    throw new HubsyncError("STORE_FAILED", `This stream's cursor was written by a newer hubsync (cursor version ${version.data.version}; this one understands ${STREAM_CURSOR_VERSION}).`, {
      fix: "Upgrade hubsync, or reset the stream with a full run (--full) to start it over.",
    });
  }
  throw new HubsyncError("STORE_FAILED", "This stream's stored cursor is not readable.", {
    fix: "Run the sync with --full to start the stream over.",
  });
}

/** What a stream's stored rows depend on: when it changes, the rows are re-read from scratch. */
export function streamConfigHash(parts: unknown): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 16);
}
