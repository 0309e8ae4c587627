import { ApiError } from "../http/api-error.ts";

/**
 * Paging cursors for owners and list memberships. HubSpot's are opaque strings; ours wrap a
 * position in base64url so clients cannot do arithmetic on them and must round-trip them.
 */
export function encodeCursor(position: string): string {
  return Buffer.from(`c:${position}`, "utf8").toString("base64url");
}

/** The position a cursor wraps; a cursor the emulator never issued is HubSpot's 400. */
export function decodeCursor(cursor: string, param: string): string {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!text.startsWith("c:") || text.length === 2) {
    throw new ApiError(400, "VALIDATION_ERROR", `Invalid ${param} cursor: ${cursor}`);
  }
  return text.slice(2);
}
