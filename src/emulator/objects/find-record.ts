import { ApiError } from "../http/api-error.ts";
import type { ObjectStore } from "../state/object-store.ts";
import type { StoredRecord } from "../state/stored-record.ts";

/**
 * Checks an `idProperty` before any lookup: it must be the record id or a property whose
 * values are unique (contact `email`, or a `hasUniqueValue` property).
 */
export function checkIdProperty(store: ObjectStore, idProperty: string | undefined): void {
  if (idProperty === undefined || idProperty === "" || idProperty === "hs_object_id") return;
  if (store.uniqueProperties.includes(idProperty)) return;
  throw new ApiError(400, "VALIDATION_ERROR", `Property ${idProperty} is not a unique identifier property for ${store.type.name}. Use hs_object_id, or a property with hasUniqueValue${store.type.name === "contacts" ? " (or email)" : ""}.`, {
    context: { idProperty: [idProperty] },
  });
}

/**
 * The record an id names, live or archived: by record id (a merged-away id gives the
 * survivor) or by the value of a unique `idProperty` (case-insensitive; for contacts'
 * email, secondary emails count too). The caller decides what archived means for it.
 */
export function findRecord(store: ObjectStore, id: string, idProperty: string | undefined): StoredRecord | undefined {
  if (idProperty === undefined || idProperty === "" || idProperty === "hs_object_id") return store.get(id);
  const primary = store.findUnique(idProperty, id);
  if (primary !== undefined && !primary.archived) return primary;
  if (idProperty === "email" && store.type.name === "contacts") {
    const secondary = store.findBySecondaryEmail(id);
    if (secondary !== undefined && !secondary.archived) return secondary;
  }
  return primary;
}
