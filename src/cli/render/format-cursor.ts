import { z } from "zod";
import { formatCompact, formatCount, formatTime } from "./format-values.ts";

// The engine's cursor view (sync/inbound/cursor-view.ts) as far as people need it; anything
// else falls back to compact JSON, so a new cursor shape still shows.
const cursorViewSchema = z.object({
  phase: z.string().optional(),
  since: z.object({ modifiedAt: z.string().optional(), id: z.string().optional() }).optional(),
  listing: z.object({ fetched: z.number().optional(), mode: z.string().optional() }).optional(),
});

/** `since 2025-03-01 10:00:00 #512`, `listing, 1,200 read so far`, or the cursor as compact JSON. */
export function formatCursor(cursor: unknown): string {
  const parsed = cursorViewSchema.safeParse(cursor);
  if (parsed.success) {
    const { phase, since, listing } = parsed.data;
    if (phase === "listing") return `listing, ${formatCount(listing?.fetched ?? 0)} read so far (resumes)`;
    if (phase === "incremental" && since?.modifiedAt !== undefined) return `since ${formatTime(since.modifiedAt)}${since.id === undefined ? "" : ` #${since.id}`}`;
    if (phase === "idle") return "idle";
  }
  if (cursor !== null && typeof cursor === "object" && !Array.isArray(cursor)) {
    const { version: _version, updatedAt: _updatedAt, ...rest } = cursor as Record<string, unknown>;
    return formatCompact(rest);
  }
  return formatCompact(cursor);
}
