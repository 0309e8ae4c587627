import type { z } from "zod";
import { allowedKeysAt } from "./allowed-keys.ts";
import { closestName } from "./closest-name.ts";
import type { ConfigIssue, KeyPath } from "./config-issue.ts";
import { configJsonSchema } from "./config-json-schema.ts";
import { describeValue, valueAt } from "./describe-value.ts";

type ZodIssue = z.core.$ZodIssue;

export interface IssueContext {
  /** The document after interpolation: what zod saw. */
  document: unknown;
  templates: ReadonlyMap<string, string>;
}

const typeNames: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a map",
  record: "a map",
  null: "nothing",
};

let schemaForKeys: Record<string, unknown> | undefined;

/** zod's issues as hubsync's: every message names what was expected and what was found. */
export function fromZodIssues(issues: readonly ZodIssue[], context: IssueContext, prefix: KeyPath = []): ConfigIssue[] {
  return issues.flatMap((issue) => fromZodIssue(issue, context, [...prefix, ...issue.path.map(toSegment)]));
}

function fromZodIssue(issue: ZodIssue, context: IssueContext, path: KeyPath): ConfigIssue[] {
  const value = valueAt(context.document, path);
  const got = (): string => describeValue(value, path, context.templates);
  const mismatch = (expected: string): ConfigIssue[] => [
    { path, message: value === undefined ? `missing (expected ${expected})` : `expected ${expected}; got ${got()}` },
  ];
  switch (issue.code) {
    case "invalid_type":
      return mismatch(typeNames[issue.expected] ?? `a ${issue.expected}`);
    case "invalid_value":
      return mismatch(oneOf(issue.values));
    case "too_small":
      if (issue.origin === "string" && issue.minimum === 1) return [{ path, message: "must not be empty" }];
      if (issue.origin === "array") return [{ path, message: `expected at least ${String(issue.minimum)} item${issue.minimum === 1 ? "" : "s"}` }];
      return mismatch(`${issue.inclusive === false ? "more than" : "at least"} ${String(issue.minimum)}`);
    case "too_big":
      if (issue.origin === "array") return [{ path, message: `expected at most ${String(issue.maximum)} items` }];
      return mismatch(`${issue.inclusive === false ? "less than" : "at most"} ${String(issue.maximum)}`);
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ path: [...path, key], message: unknownKeyMessage(path, key) }));
    case "invalid_union": {
      if (issue.discriminator !== undefined && "options" in issue && issue.options !== undefined) {
        return mismatch(oneOf(issue.options));
      }
      // The branch whose type matched (a list where a list or "all" was allowed) explains best.
      const matched = issue.errors.find((branch) => branch.length > 0 && branch.every((inner) => !isTypeMismatchAtRoot(inner)));
      if (matched !== undefined) return fromZodIssues(matched, context, path);
      return [{ path, message: withGot(issue.message, got()) }];
    }
    case "invalid_key": {
      const inner = issue.issues[0];
      const key = path[path.length - 1];
      return [{ path, message: withGot(inner?.message ?? "invalid key", JSON.stringify(key)) }];
    }
    default:
      return [{ path, message: withGot(issue.message, got()) }];
  }
}

function isTypeMismatchAtRoot(issue: ZodIssue): boolean {
  return issue.path.length === 0 && (issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union");
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((value) => String(value));
  return shown.length === 1 ? (shown[0] ?? "") : `one of ${shown.join(", ")}`;
}

function withGot(message: string, got: string): string {
  return message.replaceAll("{got}", got);
}

function unknownKeyMessage(parent: KeyPath, key: string): string {
  schemaForKeys ??= configJsonSchema();
  const allowed = allowedKeysAt(schemaForKeys, parent);
  const suggestion = closestName(key, allowed);
  if (suggestion !== undefined) return `unknown key; did you mean ${suggestion}?`;
  return allowed.length > 0 ? `unknown key (expected one of ${allowed.join(", ")})` : "unknown key";
}

function toSegment(segment: PropertyKey): string | number {
  return typeof segment === "number" ? segment : String(segment);
}
