import { err, ok, type Result } from "../core/result.ts";
import { notAScalar } from "./scalar-kind.ts";

const truthy = new Set(["true", "yes", "y", "1", "on"]);
const falsy = new Set(["false", "no", "n", "0", "off"]);

/** A bool property's value, `true` or `false`, from booleans, 1/0 and true/false, yes/no, on/off in any case. */
export function coerceBool(value: unknown): Result<string, string> {
  if (typeof value === "boolean") return ok(String(value));
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "string") {
    const text = String(value).trim().toLowerCase();
    if (truthy.has(text)) return ok("true");
    if (falsy.has(text)) return ok("false");
  }
  return err(notAScalar(value) ?? "is not a yes/no value (expected true/false, yes/no, 1/0 or on/off)");
}
