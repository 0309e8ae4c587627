/** The property types HubSpot documents; any other type is coerced as text (HubSpot adds types now and then). */
export const propertyTypes = ["string", "number", "date", "datetime", "enumeration", "bool", "phone_number"] as const;

export type PropertyType = (typeof propertyTypes)[number];

/** One allowed value of an enumeration property. */
export interface PropertyOption {
  readonly value: string;
  readonly label: string;
}

/**
 * What coercion needs to know of a HubSpot property definition (`GET /crm/v3/properties/{type}`).
 * Structural on purpose: the HubSpot client's parsed property fits it without a conversion.
 */
export interface PropertyDefinition {
  readonly name: string;
  /** One of `propertyTypes`; kept a string because HubSpot's answers may carry newer types. */
  readonly type: string;
  /** `checkbox` makes an enumeration multi-select (values joined with `;`). */
  readonly fieldType: string;
  readonly options?: readonly PropertyOption[] | undefined;
  /** HubSpot computes the value; writes are rejected. */
  readonly calculated?: boolean | undefined;
  readonly modificationMetadata?: { readonly readOnlyValue?: boolean | undefined } | undefined;
}

/** True when the property is a multi-select enumeration (HubSpot's `checkbox` field type). */
export function isMultiSelect(property: PropertyDefinition): boolean {
  return property.type === "enumeration" && property.fieldType === "checkbox";
}
