import { LineCounter, parseDocument } from "yaml";
import type { HubsyncError } from "../core/hubsync-error.ts";
import { err, ok, type Result } from "../core/result.ts";
import { configFileSchema } from "./config-file-schema.ts";
import { ConfigInvalidError } from "./config-invalid-error.ts";
import type { ConfigIssue, KeyPath } from "./config-issue.ts";
import { crossCheck } from "./cross-check.ts";
import type { HubsyncConfig } from "./hubsync-config.ts";
import { interpolateEnv, type Env } from "./interpolate-env.ts";
import { resolveConfig } from "./resolve-config.ts";
import { locateKeyPath } from "./yaml-location.ts";
import { fromZodIssues } from "./zod-issues.ts";

export interface ParseConfigOptions {
  /** How messages name the file (`hubsync.yaml`); also the prefix of `file:line:column`. */
  source?: string;
  /** The folder relative SQLite paths are resolved against; left as written when absent. */
  baseDir?: string;
}

/**
 * hubsync.yaml's text → the typed config, or CONFIG_INVALID listing every problem found:
 * malformed YAML (with line and column), unset environment variables, values the schema
 * rejects and references that do not resolve — each named by its key path.
 */
export function parseConfig(text: string, env: Env = process.env, options: ParseConfigOptions = {}): Result<HubsyncConfig, HubsyncError> {
  const lineCounter = new LineCounter();
  // merge: YAML `<<: *anchor` lets several streams share one block of options.
  const document = parseDocument(text, { lineCounter, merge: true, prettyErrors: true, uniqueKeys: true });
  const invalid = (issues: ConfigIssue[]) => err(new ConfigInvalidError(issues, options.source));

  if (document.errors.length > 0) {
    return invalid(
      document.errors.map((error) => {
        const position = error.linePos?.[0];
        const message = (error.message.split("\n")[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, "");
        return position === undefined ? { path: [], message, syntax: true } : { path: [], message, syntax: true, line: position.line, column: position.col };
      }),
    );
  }
  let tree: unknown;
  try {
    tree = document.toJS({ maxAliasCount: 1000 });
  } catch (cause) {
    return invalid([{ path: [], message: cause instanceof Error ? cause.message : String(cause), syntax: true }]);
  }
  if (tree === null || tree === undefined) {
    return invalid([{ path: [], message: "the file is empty; expected a map that starts with version: 1" }]);
  }

  const interpolated = interpolateEnv(tree, env);
  const parsed = configFileSchema.safeParse(interpolated.value);
  const context = { document: interpolated.value, templates: interpolated.templates };
  const found = [
    ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, context)),
    ...crossCheck(interpolated.value),
  ];
  // A value whose variable is unset holds the unexpanded text: what else is said about it is noise.
  const unexpanded = interpolated.issues.map((issue) => issue.path);
  const issues = dedupe([...interpolated.issues, ...found.filter((issue) => !unexpanded.some((path) => startsWith(issue.path, path)))]);
  if (issues.length > 0 || !parsed.success) {
    const located = issues.map((issue) => ({ ...issue, ...locateKeyPath(document, lineCounter, issue.path) }));
    located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    return invalid(located);
  }
  const order = { document: interpolated.value };
  return ok(resolveConfig(parsed.data, options.baseDir === undefined ? order : { ...order, baseDir: options.baseDir }));
}

function startsWith(path: KeyPath, prefix: KeyPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

function dedupe(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = JSON.stringify([issue.path, issue.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
