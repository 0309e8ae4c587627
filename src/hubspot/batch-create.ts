import { writeObjects } from "./object-writes.ts";
import type { WriteContext } from "./write-context.ts";
import type { CreateInput, CreateOptions, WriteOutcome } from "./write-outcome.ts";

/**
 * `POST /crm/v3/objects/{type}/batch/create` for any number of inputs. A 409 (a unique value
 * such as a contact's email, primary or secondary, already taken) is a `conflict` naming the
 * record that holds it. A lost answer is checked by `options.idProperty` before re-sending.
 */
export function batchCreate(ctx: WriteContext, type: string, inputs: readonly CreateInput[], options: CreateOptions = {}): Promise<WriteOutcome[]> {
  const { idProperty } = options;
  return writeObjects(
    ctx,
    {
      operation: "create",
      type,
      input: (item) => ({ properties: { ...item.properties } }),
      identity: () => undefined,
      resultIdentity: () => undefined,
      ...(idProperty === undefined ? {} : { verifyBy: idProperty }),
    },
    inputs,
    options,
  );
}
