import type { ObjectType } from "../state/object-type.ts";
import { directionKey } from "./association-type.ts";

/**
 * The type ids on one directed pair. Most pairs carry only their default type, so a bare
 * number stands for that (no array per pair: seeds hold hundreds of thousands); otherwise a
 * list, default first.
 */
export type PairTypes = number | readonly number[];

export const typeList = (types: PairTypes | undefined): readonly number[] =>
  types === undefined ? [] : typeof types === "number" ? [types] : types;

/** One direction (from type → to type): from id → to id → type ids, in insertion order. */
export interface DirectionLinks {
  readonly key: string;
  readonly from: ObjectType;
  readonly to: ObjectType;
  readonly byFrom: Map<string, Map<string, PairTypes>>;
}

/**
 * The association graph of one portal, stored once per direction: every pair is written
 * in its direction and mirrored (with inverse type ids) in the reverse one, so a read from
 * either side is two map lookups. Knows nothing of type semantics: the store keeps the
 * mirror consistent.
 */
export class AssociationLinks {
  readonly #directions = new Map<string, DirectionLinks>();

  direction(from: ObjectType, to: ObjectType): DirectionLinks {
    const key = directionKey(from.objectTypeId, to.objectTypeId);
    let direction = this.#directions.get(key);
    if (direction === undefined) {
      direction = { key, from, to, byFrom: new Map() };
      this.#directions.set(key, direction);
    }
    return direction;
  }

  existing(from: ObjectType, to: ObjectType): DirectionLinks | undefined {
    return this.#directions.get(directionKey(from.objectTypeId, to.objectTypeId));
  }

  /** Directions whose from side is the type (every pair is reachable from one of them, by the mirror). */
  directionsFrom(objectTypeId: string): DirectionLinks[] {
    return [...this.#directions.values()].filter((d) => d.from.objectTypeId === objectTypeId);
  }

  get(direction: DirectionLinks, fromId: string, toId: string): readonly number[] {
    return typeList(direction.byFrom.get(fromId)?.get(toId));
  }

  /** Sets the pair's types in this direction only; an empty list removes the pair. */
  set(direction: DirectionLinks, fromId: string, toId: string, types: readonly number[]): void {
    let targets = direction.byFrom.get(fromId);
    if (types.length === 0) {
      if (targets === undefined) return;
      targets.delete(toId);
      if (targets.size === 0) direction.byFrom.delete(fromId);
      return;
    }
    if (targets === undefined) {
      targets = new Map();
      direction.byFrom.set(fromId, targets);
    }
    // Callers hand over a list they no longer touch: kept as is, not copied.
    targets.set(toId, types.length === 1 ? (types[0] ?? 0) : types);
  }
}
