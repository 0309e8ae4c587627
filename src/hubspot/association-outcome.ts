import type { HubSpotId } from "../core/ids.ts";
import type { WriteError } from "./write-outcome.ts";

export const associationCategories = ["HUBSPOT_DEFINED", "USER_DEFINED", "INTEGRATOR_DEFINED"] as const;
export type AssociationCategory = (typeof associationCategories)[number];

/** An association type in one direction: HubSpot's unlabelled default (279 contact→company...) or a label. */
export interface AssociationTypeRef {
  category: AssociationCategory;
  typeId: number;
}

/** Two records, in the direction written (`fromType` → `toType` of the call). */
export interface AssociationPair {
  fromId: HubSpotId | string;
  toId: HubSpotId | string;
}

/** A pair and the types it should carry (create), or the labels to take off it (labels archive). */
export interface TypedAssociationPair extends AssociationPair {
  types: readonly AssociationTypeRef[];
}

/**
 * What became of one pair: `associated` (the types are on it now), `removed` (the pair, or
 * the named labels, are gone — HubSpot answers removals with 204 and nothing per pair), or
 * `failed` with HubSpot's reason (a record that does not exist, an unknown type id...).
 */
export interface AssociationOutcome {
  fromId: HubSpotId;
  toId: HubSpotId;
  status: "associated" | "removed" | "failed";
  error?: WriteError;
}
