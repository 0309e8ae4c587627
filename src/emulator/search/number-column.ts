import { parseSearchNumber } from "./parse-search-number.ts";
import type { PropertyType } from "../state/property-definition.ts";

/** Slots per block of the column's zone map. */
export const BLOCK_SHIFT = 10;

/**
 * One number, date or datetime property as doubles per index slot (NaN: no value), compared
 * numerically. A zone map — the lowest and highest value of each block of 1,024 slots — lets
 * a range filter skip blocks that cannot match; for values that grow with creation order
 * (dates, ids) that is most of them. Bounds only ever widen on writes, so they may be loose
 * but are never wrong.
 */
export class NumberColumn {
  readonly kind = "number";
  readonly propertyType: PropertyType;
  values: Float64Array;
  blockMin: Float64Array;
  blockMax: Float64Array;

  constructor(propertyType: PropertyType, capacity: number) {
    this.propertyType = propertyType;
    this.values = new Float64Array(capacity).fill(Number.NaN);
    const blocks = (capacity >> BLOCK_SHIFT) + 1;
    this.blockMin = new Float64Array(blocks).fill(Infinity);
    this.blockMax = new Float64Array(blocks).fill(-Infinity);
  }

  set(slot: number, raw: string | undefined): void {
    const value = raw === undefined || raw === "" ? Number.NaN : parseSearchNumber(raw, this.propertyType);
    this.values[slot] = value;
    if (value !== value) return;
    const block = slot >> BLOCK_SHIFT;
    if (value < this.blockMin[block]!) this.blockMin[block] = value;
    if (value > this.blockMax[block]!) this.blockMax[block] = value;
  }

  grow(capacity: number): void {
    const values = new Float64Array(capacity).fill(Number.NaN);
    values.set(this.values);
    this.values = values;
    const blocks = (capacity >> BLOCK_SHIFT) + 1;
    const blockMin = new Float64Array(blocks).fill(Infinity);
    const blockMax = new Float64Array(blocks).fill(-Infinity);
    blockMin.set(this.blockMin);
    blockMax.set(this.blockMax);
    this.blockMin = blockMin;
    this.blockMax = blockMax;
  }
}
