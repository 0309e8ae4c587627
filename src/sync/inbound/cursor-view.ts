import type { CursorState } from "../../store/index.ts";
import { readStreamCursor } from "./stream-cursor.ts";

/** A stream's stored cursor for people: what phase it is in and where it stands, times as ISO-8601. */
export function cursorView(state: CursorState): Record<string, unknown> {
  const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());
  const base = { version: state.version, updatedAt: state.updatedAt };
  let cursor;
  try {
    cursor = readStreamCursor(state.cursor, "");
  } catch {
    return { ...base, unreadable: state.cursor };
  }
  if (cursor === undefined) return base;
  const view: Record<string, unknown> = { ...base };
  if (cursor.listing !== undefined) {
    const l = cursor.listing;
    view["phase"] = "listing";
    view["listing"] = { source: l.source, mode: l.mode, full: l.full, startedAt: iso(l.startedAt), fetched: l.fetched, done: l.exhausted };
  } else {
    view["phase"] = cursor.since !== undefined ? "incremental" : "idle";
  }
  if (cursor.since !== undefined) view["since"] = { modifiedAt: iso(cursor.since.modifiedAt), id: cursor.since.id };
  if (cursor.highWater !== undefined) view["highWater"] = iso(cursor.highWater);
  if (cursor.lastListingAt !== undefined) view["lastListingAt"] = iso(cursor.lastListingAt);
  return view;
}
