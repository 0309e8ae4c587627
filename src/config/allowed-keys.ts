import type { KeyPath } from "./config-issue.ts";

type JsonObject = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * The keys a map at `path` may hold, read from hubsync.yaml's JSON Schema, so an unknown key
 * can be answered with "did you mean …" from the same source editors use.
 */
export function allowedKeysAt(schema: JsonObject, path: KeyPath): string[] {
  const defs = isObject(schema["$defs"]) ? schema["$defs"] : {};
  const expand = (node: unknown): JsonObject[] => {
    if (!isObject(node)) return [];
    const ref = node["$ref"];
    if (typeof ref === "string" && ref.startsWith("#/$defs/")) return expand(defs[ref.slice("#/$defs/".length)]);
    const branches = [node["anyOf"], node["oneOf"]].flatMap((list) => (Array.isArray(list) ? list : []));
    return branches.length > 0 ? branches.flatMap(expand) : [node];
  };

  let nodes = expand(schema);
  for (const segment of path) {
    nodes = nodes.flatMap((node) => {
      if (typeof segment === "number") return expand(node["items"]);
      const properties = isObject(node["properties"]) ? node["properties"] : {};
      if (Object.hasOwn(properties, segment)) return expand(properties[segment]);
      return expand(node["additionalProperties"]);
    });
  }
  const keys = nodes.flatMap((node) => (isObject(node["properties"]) ? Object.keys(node["properties"]) : []));
  return [...new Set(keys)];
}
