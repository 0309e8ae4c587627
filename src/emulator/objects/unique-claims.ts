const lower = (v: string): string => v.toLowerCase();

/** Who claimed a unique value inside a batch: an existing record (update) or a record still to be created. */
export interface UniqueClaim {
  recordId: string | undefined;
}

/**
 * Unique values claimed by earlier inputs of one batch that are not written yet, so two
 * inputs of the same batch cannot both take a value the store has not seen.
 */
export class UniqueClaims {
  readonly #claims = new Map<string, Map<string, UniqueClaim>>();

  claim(property: string, value: string, recordId: string | undefined): void {
    let byValue = this.#claims.get(property);
    if (byValue === undefined) {
      byValue = new Map();
      this.#claims.set(property, byValue);
    }
    byValue.set(lower(value), { recordId });
  }

  holder(property: string, value: string): UniqueClaim | undefined {
    return this.#claims.get(property)?.get(lower(value));
  }
}
