/**
 * The best `k` of the selected slots, best first, without sorting every match. Sort keys are
 * first laid out as doubles beside the selection (numbers as they are, text as its
 * dictionary rank), smaller being better and "no value" +Infinity so it sorts last either
 * way; then a bounded max-heap keeps the k best seen so far, rejecting most candidates with
 * one comparison against its root. Ties are broken by slot (= id) ascending.
 */
export function topK(sel: Int32Array, count: number, keys: Float64Array, k: number): Int32Array {
  const size = Math.min(k, count);
  const heapKeys = new Float64Array(size);
  const heapSlots = new Int32Array(size);
  if (size === 0) return heapSlots;
  const fromEnd = keysFallAlongSlots(keys, count);
  const step = fromEnd ? -1 : 1;
  let j = fromEnd ? count - 1 : 0;
  let filled = 0;
  for (let seen = 0; seen < count; seen++, j += step) {
    const slot = sel[j]!;
    const key = keys[j]!;
    if (filled < size) {
      let i = filled++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        const pk = heapKeys[parent]!;
        if (pk > key || (pk === key && heapSlots[parent]! > slot)) break;
        heapKeys[i] = pk;
        heapSlots[i] = heapSlots[parent]!;
        i = parent;
      }
      heapKeys[i] = key;
      heapSlots[i] = slot;
    } else {
      const rootKey = heapKeys[0]!;
      if (key < rootKey || (key === rootKey && slot < heapSlots[0]!)) siftDown(heapKeys, heapSlots, size, key, slot);
    }
  }
  // Pop the heap: the worst comes off first, so fill the answer from the back.
  const ordered = new Int32Array(size);
  for (let last = size - 1; last >= 0; last--) {
    ordered[last] = heapSlots[0]!;
    if (last > 0) siftDown(heapKeys, heapSlots, last, heapKeys[last]!, heapSlots[last]!);
  }
  return ordered;
}

/**
 * Whether to walk the candidates from the newest slot. Keys that move with creation order
 * (dates, ids) sorted newest first would make every candidate of a forward walk a new best,
 * each costing a heap insertion; walked from the end they meet the best first and reject the
 * rest at the root. Only a clear trend turns the walk round: among equal keys the forward
 * walk is the cheap one (the older slot wins ties), and text has many equal keys.
 */
function keysFallAlongSlots(keys: Float64Array, count: number): boolean {
  const samples = 33;
  if (count < samples * 4) return false;
  let falls = 0;
  let rises = 0;
  let previous = keys[0]!;
  for (let s = 1; s < samples; s++) {
    const key = keys[Math.floor((s * (count - 1)) / (samples - 1))]!;
    if (key < previous) falls++;
    else if (key > previous) rises++;
    previous = key;
  }
  return falls > 3 * rises;
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

/** Keys of a number column: the value (negated when descending), no value +Infinity. */
export function numberKeys(sel: Int32Array, count: number, values: Float64Array, descending: boolean, out: Float64Array): Float64Array {
  const sign = descending ? -1 : 1;
  for (let j = 0; j < count; j++) {
    const v = values[sel[j]!]!;
    out[j] = v === v ? sign * v : Infinity;
  }
  return out;
}

/** Keys of a text column: the rank of its value (negated when descending), no value +Infinity. */
export function rankKeys(sel: Int32Array, count: number, codes: Int32Array, ranks: Int32Array, descending: boolean, out: Float64Array): Float64Array {
  const sign = descending ? -1 : 1;
  for (let j = 0; j < count; j++) {
    const code = codes[sel[j]!]!;
    out[j] = code === 0 ? Infinity : sign * ranks[code]!;
  }
  return out;
}
