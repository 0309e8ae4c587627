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

/** Shapes whose values carry their own labels: a sync-level `label` would contradict them. */
export const labelledShapes = ["value_label", "map"] as const;

/** The property that is a record's id: matching or associating by it needs no unique property. */
export const recordIdProperty = "hs_object_id";
