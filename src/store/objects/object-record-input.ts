/** A HubSpot record as the sync hands it to the store: every property value a string (or null). */
export interface ObjectRecordInput {
  id: string;
  /** The raw properties, stored as they are in properties_json. */
  properties: Readonly<Record<string, string | null>>;
  createdAt?: string | null;
  updatedAt?: string | null;
  /** True for records read from HubSpot's archived listing: the row is marked deleted. */
  archived?: boolean;
  archivedAt?: string | null;
}

/** A value that did not fit its typed column: NULL was written there, the raw JSON keeps it. */
export interface CoercionWarning {
  objectType: string;
  recordId: string;
  /** The property, or createdAt / updatedAt / archivedAt for the record's own timestamps. */
  property: string;
  value: string;
  expectedType: string;
}
