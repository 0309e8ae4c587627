import { defaultGroupNames, defaultPropertySpecs } from "./default-properties.ts";
import type { ObjectType } from "./object-type.ts";
import { defineProperty, type PropertyDefinition, type PropertyGroup, type PropertySpec } from "./property-definition.ts";

const titleCase = (name: string): string => name.split(/[_-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");

/** The property definitions and groups of one object type in one portal. */
export class PropertyRegistry {
  readonly definitions = new Map<string, PropertyDefinition>();
  readonly groups = new Map<string, PropertyGroup>();

  constructor(type: ObjectType, at: string, extra: PropertySpec[] = []) {
    const specs = type.custom ? defaultPropertySpecs("", type.modifiedDateProperty) : defaultPropertySpecs(type.name, type.modifiedDateProperty);
    defaultGroupNames.forEach((name, displayOrder) =>
      this.groups.set(name, { name, label: titleCase(name), displayOrder, archived: false }),
    );
    for (const spec of [...specs, ...extra]) this.definitions.set(spec.name, defineProperty(spec, at));
  }

  get(name: string): PropertyDefinition | undefined {
    const definition = this.definitions.get(name);
    return definition?.archived === false ? definition : undefined;
  }

  /** Live (not archived) definitions. */
  live(): PropertyDefinition[] {
    return [...this.definitions.values()].filter((d) => !d.archived);
  }

  uniqueNames(): string[] {
    return this.live().filter((d) => d.hasUniqueValue).map((d) => d.name);
  }

  /** Adds a definition, or replaces one of the same name (an update, or re-creating an archived one). */
  put(definition: PropertyDefinition): void {
    this.definitions.set(definition.name, definition);
  }

  /** A group that exists and is not archived. */
  group(name: string): PropertyGroup | undefined {
    const group = this.groups.get(name);
    return group?.archived === false ? group : undefined;
  }

  /** Groups HubSpot creates itself; they cannot be archived. */
  isDefaultGroup(name: string): boolean {
    return defaultGroupNames.includes(name);
  }
}
