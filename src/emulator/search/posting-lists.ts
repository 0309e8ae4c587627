/**
 * For one dictionary-encoded column, the slots holding each code, so an EQ or IN filter
 * visits only its matches instead of every slot. Built in one counting-sort pass (a CSR
 * layout: `offsets[code]..offsets[code+1]` in `slots`, ascending), then kept usable under
 * writes without rebuilding: a slot that takes a new code is noted in `extras` for that code,
 * and a stale entry left under its old code is harmless because readers check the slot's
 * current code anyway. When the notes grow past an eighth of the column the lists are
 * dropped and rebuilt on next use, so upkeep stays O(1) per write, amortised.
 */
export class PostingLists {
  readonly #offsets: Int32Array;
  readonly #slots: Int32Array;
  readonly #extras = new Map<number, number[]>();
  #extraCount = 0;
  readonly #rebuildAfter: number;

  constructor(codes: Int32Array, size: number, codeCount: number) {
    const offsets = new Int32Array(codeCount + 1);
    for (let i = 0; i < size; i++) offsets[codes[i]! + 1]!++;
    for (let c = 0; c < codeCount; c++) offsets[c + 1]! += offsets[c]!;
    const cursor = offsets.slice(0, codeCount);
    const slots = new Int32Array(size);
    for (let i = 0; i < size; i++) slots[cursor[codes[i]!]!++] = i;
    this.#offsets = offsets;
    this.#slots = slots;
    this.#rebuildAfter = Math.max(4096, size >> 3);
  }

  /** Notes that `slot` now holds `code`; false when the lists have gone stale enough to drop. */
  moved(slot: number, code: number): boolean {
    const extras = this.#extras.get(code);
    if (extras === undefined) this.#extras.set(code, [slot]);
    else extras.push(slot);
    return ++this.#extraCount <= this.#rebuildAfter;
  }

  /** How many entries reading `code` visits. */
  sizeOf(code: number): number {
    const base = code + 1 < this.#offsets.length ? this.#offsets[code + 1]! - this.#offsets[code]! : 0;
    return base + (this.#extras.get(code)?.length ?? 0);
  }

  /** Ascending runs of candidate slots for `code` (may repeat a slot or hold stale ones: verify each). */
  runs(code: number): Int32Array[] {
    const runs: Int32Array[] = [];
    if (code + 1 < this.#offsets.length) runs.push(this.#slots.subarray(this.#offsets[code]!, this.#offsets[code + 1]!));
    const extras = this.#extras.get(code);
    if (extras !== undefined) runs.push(Int32Array.from(extras).sort());
    return runs;
  }
}
