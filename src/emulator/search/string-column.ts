import { DictionaryOrder } from "./dictionary-order.ts";
import { PostingLists } from "./posting-lists.ts";

/**
 * One property's values for every index slot, dictionary-encoded: `codes[slot]` points into
 * `dict`, code 0 meaning "no value" (absent or empty, which HubSpot treats alike). Filters
 * are evaluated once per distinct value and then compared as integers, so a scan over a
 * million slots is a tight loop over an Int32Array, not a million string operations.
 */
export class StringColumn {
  readonly kind = "string";
  /** Keys are lowercased unless the property is an enumeration (HubSpot matches those exactly). */
  readonly caseInsensitive: boolean;
  /** Multi-select (checkbox) enumerations hold `;`-separated sets of values. */
  readonly multi: boolean;
  codes: Int32Array;
  readonly dict: string[] = [""];
  readonly #lookup = new Map<string, number>();
  #postings: PostingLists | undefined;
  readonly #order = new DictionaryOrder();

  constructor(caseInsensitive: boolean, multi: boolean, capacity: number) {
    this.caseInsensitive = caseInsensitive;
    this.multi = multi;
    this.codes = new Int32Array(capacity);
  }

  /** The key a raw value is stored and compared under. */
  key(raw: string): string {
    return this.caseInsensitive ? raw.toLowerCase() : raw;
  }

  set(slot: number, raw: string | undefined): void {
    const code = raw === undefined || raw === "" ? 0 : this.#intern(this.key(raw));
    if (this.#postings !== undefined && this.codes[slot] !== code && !this.#postings.moved(slot, code)) this.#postings = undefined;
    this.codes[slot] = code;
  }

  /** The column's posting lists over its first `size` slots, built on first use. */
  postings(size: number): PostingLists {
    this.#postings ??= new PostingLists(this.codes, size, this.dict.length);
    return this.#postings;
  }

  /** The code of an already-keyed value, or undefined when no slot ever held it. */
  codeOf(key: string): number | undefined {
    return key === "" ? 0 : this.#lookup.get(key);
  }

  /** Sort rank of each code (see DictionaryOrder); equal keys share a code, hence a rank. */
  ranks(): Int32Array {
    return this.#order.ranks(this.dict);
  }

  grow(capacity: number): void {
    const codes = new Int32Array(capacity);
    codes.set(this.codes);
    this.codes = codes;
  }

  /** A mask over codes: 1 where `test` holds for the distinct value (code 0, no value, gets `missing`). */
  mask(test: (key: string) => boolean, missing: boolean): Uint8Array {
    const mask = new Uint8Array(this.dict.length);
    mask[0] = missing ? 1 : 0;
    for (let code = 1; code < this.dict.length; code++) if (test(this.dict[code]!)) mask[code] = 1;
    return mask;
  }

  #intern(key: string): number {
    let code = this.#lookup.get(key);
    if (code === undefined) {
      code = this.dict.length;
      this.dict.push(key);
      this.#lookup.set(key, code);
    }
    return code;
  }
}
