import type { HubSpotId, PortalId } from "../../core/ids.ts";

/** One association (one type id between one pair) as the sync reads it from HubSpot. */
export interface AssociationInput {
  fromId: string;
  toId: string;
  typeId: number;
  /** HUBSPOT_DEFINED | USER_DEFINED | INTEGRATOR_DEFINED */
  category: string;
  label?: string | null;
}

/** A stored association. */
export interface Association {
  portal: PortalId;
  fromType: string;
  fromId: HubSpotId;
  toType: string;
  toId: HubSpotId;
  typeId: number;
  category: string;
  label: string | null;
  syncedAt: string;
}

export interface ReplaceAssociationsResult {
  added: number;
  /** Pairs whose category or label changed. */
  updated: number;
  removed: number;
}
