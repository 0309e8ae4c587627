import type { ConfigIssue, KeyPath } from "./config-issue.ts";
import { recordIdProperty } from "./outbound-targets.ts";
import { isStandardObjectType } from "./standard-objects.ts";

type Plain = Readonly<Record<string, unknown>>;

const isPlain = (value: unknown): value is Plain => value !== null && typeof value === "object" && !Array.isArray(value);
const stringAt = (node: Plain, key: string): string | undefined => (typeof node[key] === "string" ? node[key] : undefined);

// HubSpot gives every custom object these (hs_object_id, hs_createdate …): they need no declaring.
const isHubSpotDefined = (property: string): boolean => property.startsWith("hs_");

/**
 * An outbound sync's `customObject:` against itself and the keys that use it: the object is
 * the declared one, uniqueProperty and primaryDisplayProperty are declared properties,
 * property names are unique, enumerations have options, and `match`, `fields` and
 * `associations` only use what the object will have.
 */
export function checkCustomObject(sync: Plain, path: KeyPath): ConfigIssue[] {
  const schema = sync["customObject"];
  if (!isPlain(schema)) return [];
  const schemaPath = [...path, "customObject"];
  const issues: ConfigIssue[] = [];
  const object = stringAt(sync, "object");
  const name = stringAt(schema, "name");
  if (object !== undefined && isStandardObjectType(object)) {
    issues.push({ path: schemaPath, message: `only for a custom object; object is ${object}` });
  } else if (object !== undefined && name !== undefined && !namesObject(object, name)) {
    issues.push({
      path: [...path, "object"],
      message: `expected ${JSON.stringify(name)} (or p_${name}), the name customObject declares; got ${JSON.stringify(object)}${/^2-\d+$/.test(object) ? " (an id is known only once HubSpot has created the object)" : ""}`,
    });
  }

  const declared = new Set<string>();
  const properties = Array.isArray(schema["properties"]) ? schema["properties"] : [];
  properties.forEach((property: unknown, index) => {
    if (!isPlain(property)) return;
    const propertyPath = [...schemaPath, "properties", index];
    const propertyName = stringAt(property, "name");
    if (propertyName !== undefined) {
      if (declared.has(propertyName)) issues.push({ path: [...propertyPath, "name"], message: `${JSON.stringify(propertyName)} is declared twice` });
      declared.add(propertyName);
    }
    const type = stringAt(property, "type") ?? "string";
    if (type === "enumeration" && property["options"] === undefined) {
      issues.push({ path: [...propertyPath, "options"], message: "missing (an enumeration needs the values it allows)" });
    } else if (type !== "enumeration" && type !== "bool" && property["options"] !== undefined) {
      issues.push({ path: [...propertyPath, "options"], message: `only for enumeration and bool properties; this one is ${type}` });
    }
  });
  // No property declared: the schema says so; "not among ()" for every use would only repeat it.
  if (declared.size === 0) return issues;
  const list = [...declared].join(", ");
  const undeclared = (property: string, fix = "declare it there"): string =>
    `${JSON.stringify(property)} is not among customObject.properties (${list}); ${fix}`;

  for (const key of ["uniqueProperty", "primaryDisplayProperty"] as const) {
    const property = stringAt(schema, key);
    if (property !== undefined && !declared.has(property)) issues.push({ path: [...schemaPath, key], message: undeclared(property) });
  }
  const match = sync["match"];
  const matchProperty = isPlain(match) ? stringAt(match, "property") : undefined;
  if (matchProperty !== undefined && matchProperty !== recordIdProperty && !declared.has(matchProperty)) {
    issues.push({ path: [...path, "match", "property"], message: undeclared(matchProperty, "match by the uniqueProperty (or hs_object_id)") });
  }
  if (sync["createMissingProperties"] !== true && isPlain(sync["fields"])) {
    for (const property of Object.keys(sync["fields"])) {
      if (!declared.has(property) && !isHubSpotDefined(property)) {
        issues.push({ path: [...path, "fields", property], message: undeclared(property, "declare it there (or set createMissingProperties: true)") });
      }
    }
  }
  const associated = Array.isArray(schema["associatedObjects"]) ? schema["associatedObjects"].filter((item) => typeof item === "string") : [];
  const associations = Array.isArray(sync["associations"]) ? sync["associations"] : [];
  associations.forEach((association: unknown, index) => {
    const to = isPlain(association) ? stringAt(association, "to") : undefined;
    if (to !== undefined && !associated.includes(to)) {
      issues.push({
        path: [...path, "associations", index, "to"],
        message: `${JSON.stringify(to)} is not among customObject.associatedObjects (${associated.join(", ") || "none"}); add it there so HubSpot creates the association type`,
      });
    }
  });
  return issues;
}

/** `gift` is named by `gift`, `p_gift` and `p12345_gift`. */
function namesObject(object: string, name: string): boolean {
  return object === name || new RegExp(`^p\\d*_${name}$`).test(object);
}
