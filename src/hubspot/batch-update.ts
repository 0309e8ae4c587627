import { writeObjects } from "./object-writes.ts";
import type { WriteContext } from "./write-context.ts";
import type { UpdateInput, UpdateOptions, WriteOutcome } from "./write-outcome.ts";

/**
 * `POST /crm/v3/objects/{type}/batch/update` for any number of inputs, by record id or by a
 * unique `idProperty`. Ids HubSpot has no record for end `failed` with OBJECT_NOT_FOUND.
 * Sending the same values again changes nothing, so lost answers are simply retried.
 */
export function batchUpdate(ctx: WriteContext, type: string, inputs: readonly UpdateInput[], options: UpdateOptions = {}): Promise<WriteOutcome[]> {
  const { idProperty } = options;
  return writeObjects(
    ctx,
    {
      operation: "update",
      type,
      input: (item) => (idProperty === undefined ? { id: item.id, properties: { ...item.properties } } : { id: item.id, idProperty, properties: { ...item.properties } }),
      identity: (item) => item.id,
      resultIdentity: (record) => (idProperty === undefined ? record.id : (record.properties[idProperty] ?? undefined)),
    },
    inputs,
    options,
  );
}
