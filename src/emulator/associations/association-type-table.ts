import { ApiError } from "../http/api-error.ts";
import type { ObjectType } from "../state/object-type.ts";
import { directionKey, type AssociationTypeDef } from "./association-type.ts";
import { hubspotDefaultTypes } from "./hubspot-default-types.ts";

/** First id handed out for generated defaults and labels: clear of every fixed HubSpot id. */
const FIRST_GENERATED_ID = 1000;

/**
 * Every association type one portal knows, by id and by direction: HubSpot's fixed ids,
 * defaults generated for pairs HubSpot has no fixed id for (custom objects), and labels.
 * Both directions of a type are always registered together, so `inverseTypeId` resolves.
 */
export class AssociationTypeTable {
  readonly #byId = new Map<number, AssociationTypeDef>();
  readonly #byDirection = new Map<string, AssociationTypeDef[]>();
  #nextId = FIRST_GENERATED_ID;

  constructor() {
    for (const def of hubspotDefaultTypes()) this.#add(def);
  }

  get(typeId: number): AssociationTypeDef | undefined {
    return this.#byId.get(typeId);
  }

  /** The type `typeId` when it belongs to the direction from → to. */
  inDirection(from: ObjectType, to: ObjectType, typeId: number): AssociationTypeDef | undefined {
    const def = this.#byId.get(typeId);
    return def !== undefined && def.fromTypeId === from.objectTypeId && def.toTypeId === to.objectTypeId ? def : undefined;
  }

  /** Every type of the direction, its default first (generated on first use). */
  direction(from: ObjectType, to: ObjectType): AssociationTypeDef[] {
    this.defaultFor(from, to);
    return this.#byDirection.get(directionKey(from.objectTypeId, to.objectTypeId)) ?? [];
  }

  /** The unlabelled type of the direction; generated, both directions, when HubSpot has no fixed one. */
  defaultFor(from: ObjectType, to: ObjectType): AssociationTypeDef {
    const existing = this.#byDirection.get(directionKey(from.objectTypeId, to.objectTypeId))?.find((d) => d.isDefault);
    if (existing !== undefined) return existing;
    // Custom objects' defaults are USER_DEFINED in HubSpot's answers; built-in pairs stay HubSpot's.
    const category = from.custom || to.custom ? "USER_DEFINED" : "HUBSPOT_DEFINED";
    const [forward] = this.#addPair(from, to, `${from.singular}_to_${to.singular}`, `${to.singular}_to_${from.singular}`, null, null, category, true);
    return forward;
  }

  /** A new label on the pair: one type per direction (one only for an unpaired same-type label). */
  addLabel(from: ObjectType, to: ObjectType, name: string, label: string, inverseLabel: string | undefined): AssociationTypeDef[] {
    const taken = [...this.direction(from, to), ...this.direction(to, from)].some((d) => d.name === name || (d.category !== "HUBSPOT_DEFINED" && d.label === label && !d.isDefault));
    if (taken) throw new ApiError(409, "CONFLICT", `An association label named ${name} (${label}) already exists between ${from.name} and ${to.name}.`);
    return this.#addPair(from, to, name, `${name}_inverse`, label, inverseLabel ?? label, "USER_DEFINED", false, inverseLabel === undefined);
  }

  /** Renames a label (and its inverse when `inverseLabel` is given). */
  updateLabel(def: AssociationTypeDef, label: string, inverseLabel: string | undefined): void {
    this.#replace({ ...def, label });
    const inverse = this.#byId.get(def.inverseTypeId);
    if (inverse !== undefined && inverse.typeId !== def.typeId && inverseLabel !== undefined) this.#replace({ ...inverse, label: inverseLabel });
  }

  /** Forgets a label, both directions; returns what was removed. */
  removeLabel(def: AssociationTypeDef): AssociationTypeDef[] {
    const removed = [def];
    const inverse = this.#byId.get(def.inverseTypeId);
    if (inverse !== undefined && inverse.typeId !== def.typeId) removed.push(inverse);
    for (const d of removed) {
      this.#byId.delete(d.typeId);
      const list = this.#byDirection.get(directionKey(d.fromTypeId, d.toTypeId));
      if (list !== undefined) list.splice(list.indexOf(d), 1);
    }
    return removed;
  }

  #addPair(from: ObjectType, to: ObjectType, name: string, inverseName: string, label: string | null, inverseLabel: string | null, category: AssociationTypeDef["category"], isDefault: boolean, symmetricIfSameType = true): [AssociationTypeDef, AssociationTypeDef] {
    const symmetric = from.objectTypeId === to.objectTypeId && symmetricIfSameType;
    const id = this.#nextId++;
    const inverseId = symmetric ? id : this.#nextId++;
    const base = { category, isDefault, uniquePerFrom: false };
    const forward: AssociationTypeDef = { ...base, typeId: id, fromTypeId: from.objectTypeId, toTypeId: to.objectTypeId, label, name, inverseTypeId: inverseId };
    this.#add(forward);
    if (symmetric) return [forward, forward];
    const backward: AssociationTypeDef = { ...base, typeId: inverseId, fromTypeId: to.objectTypeId, toTypeId: from.objectTypeId, label: inverseLabel, name: inverseName, inverseTypeId: id };
    this.#add(backward);
    return [forward, backward];
  }

  #add(def: AssociationTypeDef): void {
    this.#byId.set(def.typeId, def);
    const key = directionKey(def.fromTypeId, def.toTypeId);
    let list = this.#byDirection.get(key);
    if (list === undefined) {
      list = [];
      this.#byDirection.set(key, list);
    }
    // The default leads its direction; the rest keep id order, as HubSpot lists them.
    list.push(def);
    list.sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.typeId - b.typeId);
  }

  #replace(def: AssociationTypeDef): void {
    const old = this.#byId.get(def.typeId);
    this.#byId.set(def.typeId, def);
    const list = this.#byDirection.get(directionKey(def.fromTypeId, def.toTypeId));
    if (list !== undefined && old !== undefined) list[list.indexOf(old)] = def;
  }
}
