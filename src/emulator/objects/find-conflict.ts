import { ApiError } from "../http/api-error.ts";
import type { ObjectStore } from "../state/object-store.ts";
import type { StoredRecord } from "../state/stored-record.ts";
import type { UniqueClaims } from "./unique-claims.ts";

/**
 * HubSpot's 409 when a write would give a unique value (contact email, primary or secondary,
 * or a `hasUniqueValue` property) to a second record. Archived records do not hold their
 * values; a record keeping its own value is no conflict.
 */
export function findConflict(store: ObjectStore, values: Readonly<Record<string, string>>, self: StoredRecord | undefined, claims: UniqueClaims): ApiError | undefined {
  const isOther = (holder: StoredRecord | undefined): holder is StoredRecord => holder !== undefined && !holder.archived && holder.id !== self?.id;
  for (const property of store.uniqueProperties) {
    const value = values[property];
    if (value === undefined || value === "") continue;
    const holder = store.findUnique(property, value);
    if (isOther(holder)) return conflictError(store, property, value, holder.id);
    if (property === "email" && store.type.name === "contacts") {
      const secondary = store.findBySecondaryEmail(value);
      if (isOther(secondary)) return conflictError(store, property, value, secondary.id);
    }
    const claim = claims.holder(property, value);
    if (claim !== undefined && (claim.recordId === undefined || claim.recordId !== self?.id)) {
      return conflictError(store, property, value, claim.recordId);
    }
  }
  return undefined;
}

function conflictError(store: ObjectStore, property: string, value: string, existingId: string | undefined): ApiError {
  const where = existingId === undefined ? "Another input of this batch sets the same value." : `Existing ID: ${existingId}`;
  const message =
    store.type.name === "contacts" && property === "email"
      ? `Contact already exists. ${where}`
      : `A ${store.type.singular} with the unique value "${value}" for property "${property}" already exists. ${where}`;
  return new ApiError(409, "CONFLICT", message);
}
