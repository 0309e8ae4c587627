/**
 * The sort rank of every distinct value of a dictionary-encoded column, so a text sort is
 * compared as integers. Kept incrementally: values interned since the last use are sorted
 * among themselves and merged into the existing order (O(d + m log m)), never a full re-sort
 * of a million emails after each new one.
 */
export class DictionaryOrder {
  /** Codes (1..) in ascending key order; code 0 (no value) is not ranked. */
  #sorted = new Int32Array(0);
  #rank = new Int32Array(1);

  /** Rank of each code under `dict` as it stands; code 0 gets the highest rank (no value sorts last). */
  ranks(dict: readonly string[]): Int32Array {
    const known = this.#sorted.length + 1;
    if (dict.length === known) return this.#rank;
    const added = Int32Array.from({ length: dict.length - known }, (_, i) => known + i).sort((a, b) => compare(dict[a]!, dict[b]!));
    const merged = new Int32Array(dict.length - 1);
    let i = 0;
    let j = 0;
    for (let out = 0; out < merged.length; out++) {
      const takeOld = j >= added.length || (i < this.#sorted.length && compare(dict[this.#sorted[i]!]!, dict[added[j]!]!) <= 0);
      merged[out] = takeOld ? this.#sorted[i++]! : added[j++]!;
    }
    const rank = new Int32Array(dict.length);
    for (let r = 0; r < merged.length; r++) rank[merged[r]!] = r;
    rank[0] = merged.length;
    this.#sorted = merged;
    this.#rank = rank;
    return rank;
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
