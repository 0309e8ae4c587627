import type { Kysely } from "kysely";
import type { StoreSchema } from "./store-schema.ts";

declare const storeTxBrand: unique symbol;

/**
 * An open transaction. Writes take one so that what belongs together (a page of records and
 * the cursor that covers it) commits together or not at all.
 */
export interface StoreTx {
  readonly [storeTxBrand]: true;
  /** The transaction's connection; for the store's own code. */
  readonly db: Kysely<StoreSchema>;
}

export function storeTx(db: Kysely<StoreSchema>): StoreTx {
  return { db } as StoreTx;
}
