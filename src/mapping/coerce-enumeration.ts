import { err, ok, type Result } from "../core/result.ts";
import { isEmptyValue } from "./is-empty-value.ts";
import { listOptions, matchOption } from "./match-option.ts";
import { isMultiSelect, type PropertyDefinition, type PropertyOption } from "./property-definition.ts";
import { notAScalar } from "./scalar-kind.ts";
import { showValue } from "./show-value.ts";

/**
 * An enumeration property's value: the matching option's value (matched by value or label,
 * ignoring case). Multi-select (`checkbox`) values come from lists, JSON list text or `;`/`,`
 * lists and are joined with `;`. Without options (owner and other externally filled
 * enumerations answer with none) the text passes unchecked: HubSpot itself is the judge.
 */
export function coerceEnumeration(value: unknown, property: PropertyDefinition): Result<string, string> {
  const options = property.options ?? [];
  if (!isMultiSelect(property)) {
    const text = scalarText(value);
    if (!text.ok) return text;
    return options.length === 0 ? ok(text.value) : single(text.value, options);
  }
  const parts = multiParts(value, options);
  if (!parts.ok) return parts;
  if (options.length === 0) return ok(unique(parts.value).join(";"));
  const chosen: string[] = [];
  const unknown: string[] = [];
  for (const part of parts.value) {
    const found = matchOption(part, options);
    if (found.kind === "ambiguous") return err(`has ${showValue(part)}, which ${ambiguous(found.options)}`);
    if (found.kind === "match") chosen.push(found.option.value);
    else unknown.push(showValue(part));
  }
  if (unknown.length === 1) return err(`has ${unknown.join(", ")}, which is not one of the options (${listOptions(options)})`);
  if (unknown.length > 1) return err(`has ${unknown.join(", ")}, which are not among the options (${listOptions(options)})`);
  return ok(unique(chosen).join(";"));
}

function single(text: string, options: readonly PropertyOption[]): Result<string, string> {
  const found = matchOption(text, options);
  if (found.kind === "match") return ok(found.option.value);
  if (found.kind === "ambiguous") return err(ambiguous(found.options));
  return err(`is not one of the options (${listOptions(options)})`);
}

function ambiguous(options: readonly PropertyOption[]): string {
  return `matches several options (${options.map((option) => `${option.value} "${option.label}"`).join(", ")}); use the option's value`;
}

function scalarText(value: unknown): Result<string, string> {
  if (typeof value === "string") return ok(value.trim());
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return ok(String(value));
  return err(notAScalar(value) ?? "is not an option value");
}

function multiParts(value: unknown, options: readonly PropertyOption[]): Result<string[], string> {
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (const item of value) {
      if (isEmptyValue(item)) continue;
      const text = scalarText(item);
      if (!text.ok) return err(`has ${showValue(item)} in its list, and each item must be one option`);
      parts.push(text.value);
    }
    return ok(parts);
  }
  const text = scalarText(value);
  if (!text.ok) return text;
  if (text.value.startsWith("[")) {
    const parsed = parseJsonList(text.value);
    if (parsed !== undefined) return multiParts(parsed, options);
  }
  if (text.value.includes(";")) return ok(split(text.value, ";"));
  // A whole option may itself contain a comma ("Yes, please"): try it before splitting.
  if (options.length > 0 && matchOption(text.value, options).kind !== "none") return ok([text.value]);
  return ok(split(text.value, ","));
}

function parseJsonList(text: string): unknown[] | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function split(text: string, separator: string): string[] {
  return text.split(separator).map((part) => part.trim()).filter((part) => part !== "");
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
