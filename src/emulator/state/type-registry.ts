import { builtInObjectTypes, type ObjectType } from "./object-type.ts";

/** Resolves whatever a path names (`contacts`, `0-1`, `contact`, `p_gift`, `2-17`) to one object type. */
export class TypeRegistry {
  readonly #byName = new Map<string, ObjectType>();
  readonly #types: ObjectType[] = [];

  constructor() {
    for (const type of builtInObjectTypes()) this.add(type);
  }

  add(type: ObjectType): void {
    this.#types.push(type);
    for (const name of [type.name, ...type.aliases]) this.#byName.set(name.toLowerCase(), type);
  }

  remove(type: ObjectType): void {
    const index = this.#types.indexOf(type);
    if (index >= 0) this.#types.splice(index, 1);
    for (const [name, t] of this.#byName) if (t === type) this.#byName.delete(name);
  }

  resolve(name: string): ObjectType | undefined {
    return this.#byName.get(name.toLowerCase());
  }

  all(): readonly ObjectType[] {
    return this.#types;
  }
}
