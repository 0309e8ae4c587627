import type { ObjectType } from "../state/object-type.ts";
import type { WriteSource } from "../state/stored-record.ts";
import type { AssociationCategory } from "./association-type.ts";

/** Why an association appeared or went: a write, a merge re-pointing it, a purge, a deleted label. */
export type AssociationChangeCause = "write" | "merge" | "purge" | "label-deleted";

/**
 * One association type added to or removed from a directed pair, told to `onChange`
 * listeners (webhooks' associationChange). Announced once, in the direction written; the
 * mirror in the reverse direction is implied (its type is `inverseTypeId`).
 */
export interface AssociationChange {
  kind: "added" | "removed";
  fromType: ObjectType;
  fromId: string;
  toType: ObjectType;
  toId: string;
  typeId: number;
  /** The same association seen from the to side. */
  inverseTypeId: number;
  category: AssociationCategory;
  label: string | null;
  /** HubSpot's v3 name of the type (`contact_to_company_unlabeled`). */
  typeName: string;
  /** A primary association (contact/deal/ticket ↔ primary company). */
  primary: boolean;
  cause: AssociationChangeCause;
  at: number;
  source: WriteSource;
}

export type AssociationChangeListener = (change: AssociationChange) => void;
