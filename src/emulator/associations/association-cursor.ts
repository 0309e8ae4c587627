import { ApiError } from "../http/api-error.ts";

const PREFIX = "as1:";

/** The opaque `after` of an associations page: the last id handed out (pages run in id order). */
export function encodeAssociationCursor(lastToId: string): string {
  return Buffer.from(`${PREFIX}${lastToId}`, "utf8").toString("base64url");
}

/** The id an `after` names; anything this emulator did not hand out is HubSpot's 400. */
export function decodeAssociationCursor(after: string): string {
  const text = Buffer.from(after, "base64url").toString("utf8");
  const id = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : "";
  if (!/^\d+$/.test(id) || encodeAssociationCursor(id) !== after) {
    throw new ApiError(400, "VALIDATION_ERROR", `Invalid input: the paging cursor 'after=${after}' is not valid. Use the value of paging.next.after from a previous page.`, {
      context: { after: [after] },
    });
  }
  return id;
}
