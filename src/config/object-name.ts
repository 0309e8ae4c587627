import { closestName } from "./closest-name.ts";
import { standardObjectTypes, type StandardObjectType } from "./standard-objects.ts";

/**
 * How a custom object may be named: its object type id (`2-123`), its fully qualified name
 * (`p_gift`, `p12345_gift`) or its plain name (`gift`). HubSpot names start with a letter and
 * hold letters, digits and underscores.
 */
export const objectNamePattern = /^(?:2-\d+|[A-Za-z][A-Za-z0-9_]*)$/;

/** Stream names that are not objects. */
export const specialStreamNames = ["owners", "pipelines", "lists", "custom_objects"] as const;

/**
 * The standard or special name a plain object name is a near miss of (`contatcs`, `deal`), so
 * a typo is reported instead of silently becoming a custom object nobody has. Fully qualified
 * (`p_…`) and id (`2-…`) names are never near misses: they are the way to name a custom
 * object that happens to look like a standard one.
 */
export function nearMissOfKnownName(name: string, includeSpecial: boolean): string | undefined {
  if (/^2-\d+$/.test(name) || /^p\d*_/.test(name)) return undefined;
  const known: readonly string[] = includeSpecial ? [...standardObjectTypes, ...specialStreamNames] : standardObjectTypes;
  if (known.includes(name)) return undefined;
  return singulars[name.toLowerCase()] ?? closestName(name, known);
}

// HubSpot itself accepts `contact` for `contacts` in places; hubsync names objects one way.
const singulars: Readonly<Record<string, StandardObjectType>> = Object.fromEntries(
  standardObjectTypes.map((plural) => [plural === "companies" ? "company" : plural.slice(0, -1), plural]),
);
