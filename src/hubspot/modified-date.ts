import { HubsyncError } from "../core/hubsync-error.ts";
import type { HubSpotRecord } from "./hubspot-record.ts";

/** The property holding a record's last-modified time: contacts have their own name for it. */
export function modifiedDateProperty(type: string): string {
  return type === "contacts" || type === "contact" || type === "0-1" ? "lastmodifieddate" : "hs_lastmodifieddate";
}

/** A record's modified time in epoch ms (HubSpot sends ISO-8601 or epoch ms strings). */
export function modifiedAt(record: HubSpotRecord, property: string): number {
  const raw = record.properties[property];
  const at = raw === undefined || raw === null ? Number.NaN : /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (Number.isNaN(at)) {
    throw new HubsyncError("HUBSPOT_BAD_RESPONSE", `HubSpot's search answer has no readable \`properties.${property}\` on record ${record.id} (got ${JSON.stringify(raw ?? null)}).`, {
      subject: `properties.${property}`,
      fix: "This is a HubSpot API change or a hubsync bug: report it with the field named here.",
    });
  }
  return at;
}
