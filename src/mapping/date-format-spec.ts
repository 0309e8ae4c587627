import { err, ok, type Result } from "../core/result.ts";
import { checkReadablePattern, compileDatePattern, type DatePattern } from "./date-pattern.ts";

export const dateInputPresets = ["iso", "epoch_seconds", "epoch_ms"] as const;
export const dateOutputPresets = ["datetime", "date", "epoch_ms"] as const;

/** How `date_format` reads a value: a preset or a pattern such as `DD/MM/YYYY`. */
export type DateInput = { readonly text: string } & (
  | { readonly kind: (typeof dateInputPresets)[number] }
  | { readonly kind: "pattern"; readonly pattern: DatePattern }
);

/** How `date_format` writes a value: HubSpot's date or datetime, epoch ms, or a pattern. */
export type DateOutput = { readonly text: string } & (
  | { readonly kind: (typeof dateOutputPresets)[number] }
  | { readonly kind: "pattern"; readonly pattern: DatePattern }
);

export function parseDateInput(text: string): Result<DateInput, string> {
  const preset = dateInputPresets.find((name) => name === text);
  if (preset !== undefined) return ok({ text, kind: preset });
  const pattern = compileDatePattern(text);
  if (!pattern.ok) return pattern;
  const unreadable = checkReadablePattern(pattern.value);
  return unreadable === undefined ? ok({ text, kind: "pattern", pattern: pattern.value }) : err(unreadable);
}

export function parseDateOutput(text: string): Result<DateOutput, string> {
  const preset = dateOutputPresets.find((name) => name === text);
  if (preset !== undefined) return ok({ text, kind: preset });
  const pattern = compileDatePattern(text);
  if (!pattern.ok) return pattern;
  if (!pattern.value.pieces.some((piece) => "token" in piece)) return err(`pattern "${text}" writes no part of the date (use tokens such as YYYY, MM, DD)`);
  return ok({ text, kind: "pattern", pattern: pattern.value });
}
