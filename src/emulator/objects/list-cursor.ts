import { ApiError } from "../http/api-error.ts";

const PREFIX = "hs1:";

/**
 * The opaque `after` of a list page: the store row the next page starts at. Encoding the row
 * (not an offset) lets a page jump straight to its first record however large the store is.
 */
export function encodeListCursor(row: number): string {
  return Buffer.from(`${PREFIX}${row}`, "utf8").toString("base64url");
}

/** The row an `after` names; anything this emulator did not hand out is HubSpot's 400. */
export function decodeListCursor(after: string): number {
  const text = Buffer.from(after, "base64url").toString("utf8");
  const row = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(row) || row < 0 || encodeListCursor(row) !== after) {
    throw new ApiError(400, "VALIDATION_ERROR", `Invalid input: the paging cursor 'after=${after}' is not valid. Use the value of paging.next.after from a previous page.`, {
      context: { after: [after] },
    });
  }
  return row;
}
