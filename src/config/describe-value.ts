import type { KeyPath } from "./config-issue.ts";

/** Keys whose values are credentials: a message says a value is wrong without printing it. */
const secretKeys = new Set(["token", "clientSecret", "refreshToken"]);

/** The value at a key path of a plain document, or undefined when the path runs out. */
export function valueAt(document: unknown, path: KeyPath): unknown {
  let node = document;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === "number") node = node[segment];
    else if (node !== null && typeof node === "object" && !Array.isArray(node) && Object.hasOwn(node, segment)) {
      node = (node as Readonly<Record<string, unknown>>)[String(segment)];
    } else return undefined;
  }
  return node;
}

/**
 * A found value as a message shows it: strings quoted, collections by kind, a value that came
 * from the environment with the reference it came from (`"sqlite" (from ${STORE})`); secrets
 * and URL passwords never.
 */
export function describeValue(value: unknown, path: KeyPath, templates: ReadonlyMap<string, string>): string {
  const key = path[path.length - 1];
  const secret = typeof key === "string" && secretKeys.has(key);
  const template = templates.get(JSON.stringify(path));
  if (template !== undefined) return secret ? `the value of ${template}` : `${shown(value)} (from ${template})`;
  if (secret && typeof value === "string" && value !== "") return "a hidden value";
  return shown(value);
}

function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.replace(/(\/\/[^:/@\s]*:)[^@/\s]*@/, "$1***@"));
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return "nothing";
  return Array.isArray(value) ? "a list" : "a map";
}
