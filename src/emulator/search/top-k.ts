/**
 * The best `k` of the selected slots, best first, without sorting every match: a bounded
 * max-heap keeps the k best seen so far and most candidates are rejected by one comparison
 * with its root. A key is a double, smaller being better: a number as it is (negated when
 * descending), text as the rank of its value; "no value" is +Infinity, last either way.
 * Ties are broken by slot (= id) ascending. The number and text versions are written out
 * separately so each hot loop computes its key inline.
 */
export function topByNumber(sel: Int32Array, count: number, values: Float64Array, descending: boolean, k: number): Int32Array {
  const heap = new Heap(Math.min(k, count));
  const sign = descending ? -1 : 1;
  const fromEnd = walkFromEnd(count, (j) => {
    const v = values[sel[j]!]!;
    return v === v ? sign * v : Infinity;
  });
  const step = fromEnd ? -1 : 1;
  let j = fromEnd ? count - 1 : 0;
  let seen = 0;
  for (; seen < count && heap.filling; seen++, j += step) {
    const v = values[sel[j]!]!;
    heap.push(v === v ? sign * v : Infinity, sel[j]!);
  }
  let rootKey = heap.rootKey;
  for (; seen < count; seen++, j += step) {
    const v = values[sel[j]!]!;
    const key = v === v ? sign * v : Infinity;
    if (key > rootKey) continue;
    const slot = sel[j]!;
    if (key < rootKey || slot < heap.rootSlot) {
      heap.replaceRoot(key, slot);
      rootKey = heap.rootKey;
    }
  }
  return heap.drain();
}

export function topByRank(sel: Int32Array, count: number, codes: Int32Array, ranks: Int32Array, descending: boolean, k: number): Int32Array {
  const heap = new Heap(Math.min(k, count));
  const sign = descending ? -1 : 1;
  let j = 0;
  for (; j < count && heap.filling; j++) {
    const code = codes[sel[j]!]!;
    heap.push(code === 0 ? Infinity : sign * ranks[code]!, sel[j]!);
  }
  // Text has many equal values: walking forward, the older slot already holds every tie.
  let rootKey = heap.rootKey;
  for (; j < count; j++) {
    const code = codes[sel[j]!]!;
    const key = code === 0 ? Infinity : sign * ranks[code]!;
    if (key >= rootKey) continue;
    heap.replaceRoot(key, sel[j]!);
    rootKey = heap.rootKey;
  }
  return heap.drain();
}

/**
 * Whether to walk the candidates from the newest slot. Keys that move with creation order
 * (dates, ids) sorted newest first would make every candidate of a forward walk a new best,
 * each costing a heap insertion; walked from the end they meet the best first and reject the
 * rest at the root. Only a clear trend turns the walk round: among equal keys the forward
 * walk is the cheap one (the older slot wins ties).
 */
function walkFromEnd(count: number, keyAt: (j: number) => number): boolean {
  const samples = 33;
  if (count < samples * 4) return false;
  let falls = 0;
  let rises = 0;
  let previous = keyAt(0);
  for (let s = 1; s < samples; s++) {
    const key = keyAt(Math.floor((s * (count - 1)) / (samples - 1)));
    if (key < previous) falls++;
    else if (key > previous) rises++;
    previous = key;
  }
  return falls > 3 * rises;
}

/** A max-heap of (key, slot) by key then slot: its root is the worst of the best `size` kept. */
class Heap {
  readonly keys: Float64Array;
  readonly slots: Int32Array;
  #filled = 0;

  constructor(size: number) {
    this.keys = new Float64Array(size);
    this.slots = new Int32Array(size);
  }

  get filling(): boolean {
    return this.#filled < this.keys.length;
  }

  get rootKey(): number {
    return this.keys.length === 0 ? -Infinity : this.keys[0]!;
  }

  get rootSlot(): number {
    return this.slots[0]!;
  }

  push(key: number, slot: number): void {
    const keys = this.keys;
    const slots = this.slots;
    let i = this.#filled++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk > key || (pk === key && slots[parent]! > slot)) break;
      keys[i] = pk;
      slots[i] = slots[parent]!;
      i = parent;
    }
    keys[i] = key;
    slots[i] = slot;
  }

  replaceRoot(key: number, slot: number): void {
    siftDown(this.keys, this.slots, this.#filled, key, slot);
  }

  /** Empties the heap best first: the worst comes off first, so the answer fills from the back. */
  drain(): Int32Array {
    const ordered = new Int32Array(this.#filled);
    for (let last = this.#filled - 1; last >= 0; last--) {
      ordered[last] = this.slots[0]!;
      if (last > 0) siftDown(this.keys, this.slots, last, this.keys[last]!, this.slots[last]!);
    }
    this.#filled = 0;
    return ordered;
  }
}

function siftDown(keys: Float64Array, slots: Int32Array, size: number, key: number, slot: number): void {
  let i = 0;
  for (;;) {
    let worst = 2 * i + 1;
    if (worst >= size) break;
    const right = worst + 1;
    if (right < size && (keys[right]! > keys[worst]! || (keys[right] === keys[worst] && slots[right]! > slots[worst]!))) worst = right;
    const wk = keys[worst]!;
    if (wk < key || (wk === key && slots[worst]! < slot)) break;
    keys[i] = wk;
    slots[i] = slots[worst]!;
    i = worst;
  }
  keys[i] = key;
  slots[i] = slot;
}
