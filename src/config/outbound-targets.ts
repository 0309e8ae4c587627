import type { StandardObjectType } from "./standard-objects.ts";

/** The standard objects an outbound sync may write; any custom object may be written too. */
export const outboundStandardTargets = [
  "contacts",
  "companies",
  "deals",
  "tickets",
  "notes",
  "products",
  "line_items",
  "quotes",
] as const satisfies readonly StandardObjectType[];

/** What each mode does with a row (the engine's contract; repeated in docs/configuration.md). */
export const outboundModes = ["create", "update", "upsert", "mirror"] as const;

/** Modes that must find a row's existing record, and so need `match`. */
export const modesNeedingMatch = ["update", "upsert", "mirror"] as const;

export const associationShapes = ["auto", "list", "csv", "value_label", "map"] as const;

/**
 * How an association value several records hold is resolved: `unique` fails the row's
 * association (the default), `most_recently_active` takes the record with the latest activity
 * (`notes_last_updated`, then the latest modification), `all` associates every one.
 */
export const associationResolutions = ["unique", "most_recently_active", "all"] as const;

/** Which records an association derived `through` another keeps: `open` drops closed deals and tickets. */
export const derivedAssociationFilters = ["all", "open"] as const;

/** Shapes whose values carry their own labels: a sync-level `label` would contradict them. */
export const labelledShapes = ["value_label", "map"] as const;

/** The property that is a record's id: matching or associating by it needs no unique property. */
export const recordIdProperty = "hs_object_id";
