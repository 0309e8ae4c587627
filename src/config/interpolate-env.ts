import type { ConfigIssue, KeyPath } from "./config-issue.ts";

/** The environment variables hubsync.yaml may refer to (`process.env` in production). */
export type Env = Readonly<Record<string, string | undefined>>;

export interface Interpolated {
  value: unknown;
  issues: ConfigIssue[];
  /** Key paths (as `JSON.stringify(path)`) whose value came from the environment → the text as written. */
  templates: ReadonlyMap<string, string>;
}

const reference = /\$\$\{|\$\{([^}]*)(\}|$)/g;
const variable = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s;

/**
 * Replaces `${NAME}` (and `${NAME:-fallback}`) in every string value with the variable's
 * value, so secrets and per-environment settings stay out of the file. `$${` writes a literal
 * `${`. Keys are never interpolated. Every unset variable is reported, not just the first.
 */
export function interpolateEnv(tree: unknown, env: Env): Interpolated {
  const issues: ConfigIssue[] = [];
  const templates = new Map<string, string>();

  const expand = (text: string, path: KeyPath): string => {
    if (!text.includes("${")) return text;
    let replaced = false;
    const result = text.replace(reference, (match, inner: string | undefined, close: string | undefined) => {
      if (match === "$${") return "${";
      replaced = true;
      const parsed = variable.exec(inner ?? "");
      if (close !== "}" || parsed === null) {
        issues.push({ path, message: `malformed reference ${JSON.stringify(match)}; write \${NAME} or \${NAME:-default}` });
        return match;
      }
      const [, name = "", fallback] = parsed;
      const found = env[name];
      if (found !== undefined) return found;
      if (fallback !== undefined) return fallback;
      issues.push({ path, message: `environment variable ${name} is not set`, missingVariable: name });
      return match;
    });
    if (replaced) templates.set(JSON.stringify(path), text);
    return result;
  };

  const walk = (node: unknown, path: KeyPath): unknown => {
    if (typeof node === "string") return expand(node, path);
    if (Array.isArray(node)) return node.map((item: unknown, index) => walk(item, [...path, index]));
    if (node !== null && typeof node === "object") {
      return Object.fromEntries(Object.entries(node).map(([key, item]: [string, unknown]) => [key, walk(item, [...path, key])]));
    }
    return node;
  };

  return { value: walk(tree, []), issues, templates };
}
