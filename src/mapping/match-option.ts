import type { PropertyOption } from "./property-definition.ts";

export type OptionMatch = { readonly kind: "match"; readonly option: PropertyOption } | { readonly kind: "none" } | { readonly kind: "ambiguous"; readonly options: readonly PropertyOption[] };

/**
 * The option a value names: its exact value first, then its value or its label ignoring case.
 * Several options matching at the same step is ambiguous rather than a guess.
 */
export function matchOption(text: string, options: readonly PropertyOption[]): OptionMatch {
  const exact = options.find((option) => option.value === text);
  if (exact !== undefined) return { kind: "match", option: exact };
  const lower = text.toLowerCase();
  for (const key of ["value", "label"] as const) {
    const found = options.filter((option) => option[key].toLowerCase() === lower);
    const values = new Set(found.map((option) => option.value));
    const [first] = found;
    if (first !== undefined && values.size === 1) return { kind: "match", option: first };
    if (found.length > 1) return { kind: "ambiguous", options: found };
  }
  return { kind: "none" };
}

const shownOptions = 10;

/** Option values as a message lists them: the first ten, then how many more. */
export function listOptions(options: readonly PropertyOption[]): string {
  const values = options.map((option) => option.value);
  if (values.length <= shownOptions) return values.join(", ");
  return `${values.slice(0, shownOptions).join(", ")}, … and ${String(values.length - shownOptions)} more`;
}
