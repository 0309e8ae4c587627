/** HubSpot's association categories, as `category` / `associationCategory` carry them. */
export const associationCategories = ["HUBSPOT_DEFINED", "USER_DEFINED", "INTEGRATOR_DEFINED"] as const;
export type AssociationCategory = (typeof associationCategories)[number];

export function isAssociationCategory(value: unknown): value is AssociationCategory {
  return typeof value === "string" && (associationCategories as readonly string[]).includes(value);
}

/**
 * A type as a write names it (HubSpot's `AssociationSpec`). The category is a plain string
 * because it arrives from request bodies; the store checks it against the type's own.
 */
export interface AssociationTypeRef {
  associationCategory: string;
  associationTypeId: number;
}

/** One directed association type of a portal: HubSpot-defined, generated, or a label. */
export interface AssociationTypeDef {
  typeId: number;
  /** objectTypeId of the from side (`0-1`). */
  fromTypeId: string;
  toTypeId: string;
  category: AssociationCategory;
  /** `null` for the unlabelled default; "Primary" for primaries; a label's text. */
  label: string | null;
  /** HubSpot's v3 type string: `contact_to_company`, `contact_to_company_unlabeled`, a label's name. */
  name: string;
  /** The type id of the same association seen from the other side (itself when symmetric). */
  inverseTypeId: number;
  /** The unlabelled type every associated pair carries in this direction. */
  isDefault: boolean;
  /** A from record may hold this type towards one target only (primary company). */
  uniquePerFrom: boolean;
}

export const directionKey = (fromTypeId: string, toTypeId: string): string => `${fromTypeId}>${toTypeId}`;
