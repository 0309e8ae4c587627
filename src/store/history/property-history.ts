import type { HubSpotId, PortalId } from "../../core/ids.ts";

/** One entry of a property's history (HubSpot's propertiesWithHistory). */
export interface PropertyHistoryInput {
  objectId: string;
  property: string;
  value: string | null;
  /** ISO-8601 (or epoch ms as a string). */
  timestamp: string;
  sourceType?: string | null;
  sourceId?: string | null;
  updatedByUserId?: string | number | null;
}

export interface PropertyHistoryEntry {
  portal: PortalId;
  objectType: string;
  objectId: HubSpotId;
  property: string;
  value: string | null;
  timestamp: string;
  sourceType: string | null;
  sourceId: string | null;
  updatedByUserId: string | null;
}
