import { parseSearchNumber } from "./parse-search-number.ts";
import type { PropertyType } from "../state/property-definition.ts";

/** One number, date or datetime property as doubles per index slot (NaN: no value), compared numerically. */
export class NumberColumn {
  readonly kind = "number";
  readonly propertyType: PropertyType;
  values: Float64Array;

  constructor(propertyType: PropertyType, capacity: number) {
    this.propertyType = propertyType;
    this.values = new Float64Array(capacity).fill(Number.NaN);
  }

  set(slot: number, raw: string | undefined): void {
    this.values[slot] = raw === undefined || raw === "" ? Number.NaN : parseSearchNumber(raw, this.propertyType);
  }

  grow(capacity: number): void {
    const values = new Float64Array(capacity).fill(Number.NaN);
    values.set(this.values);
    this.values = values;
  }
}
