import { writeObjects } from "./object-writes.ts";
import type { WriteContext } from "./write-context.ts";
import type { UpsertInput, WriteOptions, WriteOutcome } from "./write-outcome.ts";

/**
 * `POST /crm/v3/objects/{type}/batch/upsert` by a unique `idProperty` (a contact's `email`,
 * or a property with `hasUniqueValue`): the preferred outbound write (pitfall 10), since it
 * never creates a second record, however often it is retried. HubSpot's `new` tells
 * `created` from `updated` (a retried upsert that HubSpot had applied reads `updated`).
 */
export function batchUpsert(ctx: WriteContext, type: string, idProperty: string, inputs: readonly UpsertInput[], options: WriteOptions = {}): Promise<WriteOutcome[]> {
  return writeObjects(
    ctx,
    {
      operation: "upsert",
      type,
      input: (item) => ({ id: item.id, idProperty, properties: { ...item.properties } }),
      identity: (item) => item.id,
      resultIdentity: (record) => record.properties[idProperty] ?? undefined,
    },
    inputs,
    options,
  );
}
