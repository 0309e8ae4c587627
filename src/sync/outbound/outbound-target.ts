import type { AssociationResolution, DerivedAssociationFilter, OutboundAssociationConfig } from "../../config/index.ts";
import type { HubSpotProperty } from "../../hubspot/index.ts";
import type { ResolvedType } from "../inbound/type-catalog.ts";
import type { LabelCatalog } from "./label-catalog.ts";

/**
 * How a row finds its HubSpot record: not at all (create mode without match), by record id,
 * by a property with unique values (batch upsert / batch read by `idProperty`), or by searching
 * a property without unique values (slow, and unsafe when two records share a value).
 */
export type MatchPlan =
  | { kind: "none" }
  | { kind: "id"; column: string }
  | { kind: "unique"; property: string; column: string }
  | { kind: "search"; property: string; column: string };

/** How an association's values name records. */
export type LookupKind = "id" | "unique" | "search";

/** One of the sync's associations, with its target type and lookup decided for this run. */
export interface AssociationPlan {
  index: number;
  /** What the store remembers it by (see association-key.ts). */
  key: string;
  config: OutboundAssociationConfig;
  toType: ResolvedType;
  lookup: LookupKind;
  resolve: AssociationResolution;
  derived?: { through: number; only: DerivedAssociationFilter };
}

/** The object a sync writes, as this run found it in HubSpot. */
export interface OutboundTarget {
  type: ResolvedType;
  /** `0-1` for contacts, a custom object's `2-…`: what lists are created for. */
  objectTypeId: string;
  /** The object's property definitions by name, read (and completed) this run. */
  properties: ReadonlyMap<string, HubSpotProperty>;
  match: MatchPlan;
  associations: readonly AssociationPlan[];
  labels: LabelCatalog;
  /** A dry run found the declared custom object missing: every row would be created, nothing can be looked up. */
  missingObject: boolean;
}
