import { normaliseTimestamp } from "../sql/iso-timestamp.ts";

/** HubSpot's createdAt/updatedAt on metadata: stored when it parses, NULL otherwise (never fails a write). */
export function optionalTimestamp(raw: string | null | undefined): string | null {
  return raw === null || raw === undefined || raw === "" ? null : normaliseTimestamp(raw);
}
