import type { AssociatedTarget, AssociatedType } from "../associations/associated-target.ts";
import type { AssociationChange, AssociationChangeCause, AssociationChangeListener } from "../associations/association-change.ts";
import { AssociationLinks, type DirectionLinks } from "../associations/association-links.ts";
import type { AssociationTypeDef, AssociationTypeRef } from "../associations/association-type.ts";
import { AssociationTypeTable } from "../associations/association-type-table.ts";
import { compareIds } from "../associations/compare-ids.ts";
import { v3AssociationsView, type V3AssociationsView } from "../associations/v3-view.ts";
import { badRequest } from "../http/api-error.ts";
import type { ObjectType } from "./object-type.ts";
import type { Portal } from "./portal.ts";
import type { RecordChange } from "./record-change.ts";
import type { WriteSource } from "./stored-record.ts";

export type { AssociatedTarget, AssociatedType } from "../associations/associated-target.ts";
export type { V3AssociationsView } from "../associations/v3-view.ts";
export type { AssociationChange, AssociationChangeListener } from "../associations/association-change.ts";
export type { AssociationCategory, AssociationTypeDef, AssociationTypeRef } from "../associations/association-type.ts";

const SYSTEM_SOURCE: WriteSource = { sourceType: "INTERNAL_PROCESSING" };

/**
 * The associations of one portal (the public face of `../associations/`). Stores every pair
 * in both directions; writes validate type ids and keep each pair's default type; reads hide
 * pairs whose other end is archived. Like `ObjectStore` it does not check that records
 * exist: routes do, seeds know.
 */
export class AssociationStore {
  readonly portal: Portal;
  readonly types = new AssociationTypeTable();
  readonly #links = new AssociationLinks();
  readonly #listeners: AssociationChangeListener[] = [];

  constructor(portal: Portal) {
    this.portal = portal;
    portal.changeListeners.push((typeId, change) => this.#onRecordChange(typeId, change));
  }

  /** HubSpot's unlabelled type id for the direction; generated (both directions) for pairs with no fixed id. */
  defaultTypeId(from: ObjectType, to: ObjectType): number {
    return this.types.defaultFor(from, to).typeId;
  }

  /**
   * Writes the pair in both directions with exactly `types` (the default always kept
   * alongside): labels already on the pair and not sent are removed, as HubSpot's labelled
   * PUT does. 400 for a type id that is not the direction's.
   */
  associate(from: ObjectType, fromId: string, to: ObjectType, toId: string, types: AssociationTypeRef[], source: WriteSource, at: number): void {
    const ids = this.resolveTypes(from, to, types);
    this.#checkPair(from, fromId, to, toId);
    this.#write(this.#links.direction(from, to), fromId, toId, [this.defaultTypeId(from, to), ...ids], "write", source, at);
  }

  /** Adds the default type to the pair, leaving any labels on it. */
  associateDefault(from: ObjectType, fromId: string, to: ObjectType, toId: string, source: WriteSource, at: number): void {
    this.#checkPair(from, fromId, to, toId);
    const direction = this.#links.direction(from, to);
    this.#write(direction, fromId, toId, [this.defaultTypeId(from, to), ...this.#links.get(direction, fromId, toId)], "write", source, at);
  }

  /** Removes the named types from the pair; naming the default removes everything between the two. */
  removeTypes(from: ObjectType, fromId: string, to: ObjectType, toId: string, typeIds: readonly number[], source: WriteSource, at: number): void {
    const direction = this.#links.existing(from, to);
    if (direction === undefined) return;
    const current = this.#links.get(direction, fromId, toId);
    const next = typeIds.includes(this.defaultTypeId(from, to)) ? [] : current.filter((t) => !typeIds.includes(t));
    this.#write(direction, fromId, toId, next, "write", source, at);
  }

  /** Removes the pair entirely, both directions. */
  removePair(from: ObjectType, fromId: string, to: ObjectType, toId: string, source: WriteSource, at: number): void {
    const direction = this.#links.existing(from, to);
    if (direction !== undefined) this.#write(direction, fromId, toId, [], "write", source, at);
  }

  /** The types on one pair in the from → to direction (hidden ones included). */
  typesBetween(from: ObjectType, fromId: string, to: ObjectType, toId: string): AssociatedType[] {
    const direction = this.#links.existing(from, to);
    return direction === undefined ? [] : this.#describe(this.#links.get(direction, fromId, toId));
  }

  /**
   * Records of type `to` associated with the record, in the order the pairs were made;
   * none while the record is archived, and none whose record is archived.
   */
  targets(from: ObjectType, fromId: string, to: ObjectType): AssociatedTarget[] {
    const targets = this.#links.existing(from, to)?.byFrom.get(fromId);
    if (targets === undefined || !this.#visible(from, fromId)) return [];
    const result: AssociatedTarget[] = [];
    for (const [toId, types] of targets) {
      if (this.#visible(to, toId)) result.push({ toObjectId: toId, types: this.#describe(typeof types === "number" ? [types] : types) });
    }
    return result;
  }

  /** `targets` ordered by id, as HubSpot's v4 reads page them. */
  sortedTargets(from: ObjectType, fromId: string, to: ObjectType): AssociatedTarget[] {
    return this.targets(from, fromId, to).sort((a, b) => compareIds(a.toObjectId, b.toObjectId));
  }

  /** The `associations` field of a v3 record read (`?associations=companies`); unknown type names are ignored. */
  v3View(from: ObjectType, fromId: string, toTypeNames: string[]): V3AssociationsView {
    const types = toTypeNames.map((name) => this.portal.types.resolve(name)).filter((t): t is ObjectType => t !== undefined);
    return v3AssociationsView(types, (to) => this.sortedTargets(from, fromId, to), (typeId) => this.types.get(typeId));
  }

  /** Listens to associations added and removed; returns the unsubscribe. */
  onChange(listener: AssociationChangeListener): () => void {
    this.#listeners.push(listener);
    return () => {
      const index = this.#listeners.indexOf(listener);
      if (index >= 0) this.#listeners.splice(index, 1);
    };
  }

  /** The type ids `refs` name, each checked against the direction from → to; 400 naming the first that is not. */
  resolveTypes(from: ObjectType, to: ObjectType, refs: readonly AssociationTypeRef[]): number[] {
    return refs.map((ref) => {
      const def = this.types.inDirection(from, to, ref.associationTypeId);
      const context = { associationTypeId: [String(ref.associationTypeId)] };
      if (def === undefined) {
        throw badRequest(`associationTypeId ${ref.associationTypeId} is not a valid association type from ${from.name} (${from.objectTypeId}) to ${to.name} (${to.objectTypeId}).`, { subCategory: "crm.associations.INVALID_ASSOCIATION_TYPE", context });
      }
      if (def.category !== ref.associationCategory) {
        throw badRequest(`associationTypeId ${ref.associationTypeId} from ${from.name} to ${to.name} is ${def.category}, not ${ref.associationCategory}.`, { subCategory: "crm.associations.INVALID_ASSOCIATION_CATEGORY", context });
      }
      return def.typeId;
    });
  }

  /** Deletes a label (both directions), stripping it from every pair that carries it; the pairs keep their default. */
  deleteLabel(def: AssociationTypeDef, source: WriteSource, at: number): void {
    const inverse = this.types.get(def.inverseTypeId);
    const from = this.portal.types.resolve(def.fromTypeId);
    const to = this.portal.types.resolve(def.toTypeId);
    const direction = from === undefined || to === undefined ? undefined : this.#links.existing(from, to);
    if (direction !== undefined) {
      for (const [fromId, targets] of [...direction.byFrom]) {
        for (const [toId, types] of [...targets]) {
          if (typeof types === "number" || !types.includes(def.typeId)) continue;
          const next = types.filter((t) => t !== def.typeId && t !== inverse?.typeId);
          this.#write(direction, fromId, toId, next, "label-deleted", source, at);
        }
      }
    }
    this.types.removeLabel(def);
  }

  #checkPair(from: ObjectType, fromId: string, to: ObjectType, toId: string): void {
    if (from.objectTypeId === to.objectTypeId && fromId === toId) throw badRequest(`A ${from.singular} cannot be associated with itself (${fromId}).`);
  }

  #visible(type: ObjectType, id: string): boolean {
    const record = this.portal.store(type).get(id);
    return record !== undefined && !record.archived && record.id === id;
  }

  #describe(typeIds: readonly number[]): AssociatedType[] {
    return typeIds.map((typeId) => {
      const def = this.types.get(typeId);
      return { category: def?.category ?? "HUBSPOT_DEFINED", typeId, label: def?.label ?? null };
    });
  }

  /**
   * The one place pairs change: sets the from → to types to `wanted` (deduplicated, default
   * first; empty removes the pair), mirrors the inverse types in the reverse direction, moves
   * a unique type (primary company, parent company) off the pair that held it before, and
   * tells the listeners what changed.
   */
  #write(direction: DirectionLinks, fromId: string, toId: string, wanted: readonly number[], cause: AssociationChangeCause, source: WriteSource, at: number): void {
    const before = this.#links.get(direction, fromId, toId);
    const defaultId = this.defaultTypeId(direction.from, direction.to);
    const next = wanted.length === 0 ? [] : canonical(wanted, defaultId);
    if (next.length === before.length && next.every((t, i) => before[i] === t)) return;
    const reverse = this.#links.direction(direction.to, direction.from);
    this.#links.set(direction, fromId, toId, next);
    const mirrored = next.map((t) => this.types.get(t)?.inverseTypeId ?? t);
    this.#links.set(reverse, toId, fromId, mirrored.length === 0 ? [] : canonical(mirrored, this.defaultTypeId(direction.to, direction.from)));
    const added = next.filter((t) => !before.includes(t));
    const removed = before.filter((t) => !next.includes(t));
    for (const typeId of added) {
      const def = this.types.get(typeId);
      if (def?.uniquePerFrom === true) this.#displace(direction, fromId, toId, typeId, source, at);
      const inverse = def === undefined ? undefined : this.types.get(def.inverseTypeId);
      if (inverse?.uniquePerFrom === true) this.#displace(reverse, toId, fromId, inverse.typeId, source, at);
    }
    if (this.#listeners.length === 0) return;
    for (const typeId of removed) this.#announce("removed", direction, fromId, toId, typeId, cause, source, at);
    for (const typeId of added) this.#announce("added", direction, fromId, toId, typeId, cause, source, at);
  }

  /** Takes a unique type off every other pair of `fromId` in the direction. */
  #displace(direction: DirectionLinks, fromId: string, keptToId: string, typeId: number, source: WriteSource, at: number): void {
    const targets = direction.byFrom.get(fromId);
    if (targets === undefined) return;
    for (const [toId, types] of [...targets]) {
      if (toId === keptToId || typeof types === "number" || !types.includes(typeId)) continue;
      this.#write(direction, fromId, toId, types.filter((t) => t !== typeId), "write", source, at);
    }
  }

  #announce(kind: AssociationChange["kind"], direction: DirectionLinks, fromId: string, toId: string, typeId: number, cause: AssociationChangeCause, source: WriteSource, at: number): void {
    const def = this.types.get(typeId);
    const change: AssociationChange = {
      kind,
      fromType: direction.from,
      fromId,
      toType: direction.to,
      toId,
      typeId,
      inverseTypeId: def?.inverseTypeId ?? typeId,
      category: def?.category ?? "HUBSPOT_DEFINED",
      label: def?.label ?? null,
      typeName: def?.name ?? `${direction.from.singular}_to_${direction.to.singular}`,
      primary: def?.label === "Primary" && def.category === "HUBSPOT_DEFINED",
      cause,
      at,
      source,
    };
    for (const listener of this.#listeners) listener(change);
  }

  #onRecordChange(objectTypeId: string, change: RecordChange): void {
    if (change.kind === "merge") this.#repoint(objectTypeId, change.previousIds, change.survivor.id, change.source, change.at);
    if (change.kind === "purge") {
      for (const direction of this.#links.directionsFrom(objectTypeId)) {
        for (const toId of [...(direction.byFrom.get(change.record.id)?.keys() ?? [])]) this.#write(direction, change.record.id, toId, [], "purge", SYSTEM_SOURCE, change.at);
      }
    }
  }

  /**
   * Moves every association of the merged ids to the survivor, both sides. The primary
   * record's pairs go first, so where both held a unique type (a primary company) the
   * primary record's wins; pairs between the merged records themselves disappear.
   */
  #repoint(objectTypeId: string, previousIds: string[], survivorId: string, source: WriteSource, at: number): void {
    for (const direction of this.#links.directionsFrom(objectTypeId)) {
      for (const oldId of previousIds) {
        for (const [toId, types] of [...(direction.byFrom.get(oldId) ?? [])]) {
          const moved = typeof types === "number" ? [types] : types;
          this.#write(direction, oldId, toId, [], "merge", source, at);
          if (previousIds.includes(toId) || toId === survivorId) continue;
          const held = direction.byFrom.get(survivorId);
          const kept = moved.filter((t) => this.types.get(t)?.uniquePerFrom !== true || ![...(held?.values() ?? [])].some((v) => v === t || (typeof v !== "number" && v.includes(t))));
          this.#write(direction, survivorId, toId, [...this.#links.get(direction, survivorId, toId), ...kept], "merge", source, at);
        }
      }
    }
  }
}

/** Deduplicated, the default first, the rest by id. */
function canonical(typeIds: readonly number[], defaultId: number): readonly number[] {
  // Most pairs carry just their default (or default + primary): no sorting, no copies.
  if (typeIds.length === 1 && typeIds[0] === defaultId) return typeIds;
  if (typeIds.length === 2 && typeIds[0] === defaultId && typeIds[1] !== defaultId) return typeIds;
  const rest = [...new Set(typeIds)].filter((t) => t !== defaultId).sort((a, b) => a - b);
  return [defaultId, ...rest];
}
