import { z } from "zod";
import { faultKinds, type FaultKind } from "./fault-kind.ts";

/** Narrows a rule to some requests; every field given must match. */
export interface FaultMatch {
  /** One method or several (case-insensitive). */
  method?: string | string[];
  /** Path prefix, e.g. `/crm/v3/objects/contacts/batch`. */
  path?: string;
  /** Regular expression tested against the path (no query string). */
  pathRegex?: string;
}

/** Counts over the requests a rule matches: let `after` through, then fail every `every`-th, `count` times at most. */
export interface FaultSchedule {
  after?: number;
  count?: number;
  every?: number;
}

/**
 * A fault rule as callers write it. Give `probability` (dice from the emulator's seed) or
 * `schedule`, not both; with neither, every matching request fails.
 */
export interface FaultRuleSpec {
  kind: FaultKind;
  match?: FaultMatch;
  probability?: number;
  schedule?: FaultSchedule;
}

/** A rule as listed: its spec, its id, and what it has done so far. */
export interface FaultRuleView extends FaultRuleSpec {
  id: string;
  /** Matching requests that reached the rule (one an earlier rule struck never does): each rolled its dice or advanced its schedule. */
  seen: number;
  /** Faults it injected. */
  injected: number;
}

const compiles = (source: string): boolean => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
};

const methodName = z.string().min(1).transform((m) => m.toUpperCase());

/** Validates a rule from an untrusted caller (HTTP body or in-process input). JSON numbers are accepted for status kinds. */
export const faultRuleSchema = z
  .strictObject({
    kind: z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.enum(faultKinds)),
    match: z
      .strictObject({
        method: z.union([methodName, z.array(methodName).min(1)]).exactOptional(),
        path: z.string().startsWith("/", "must start with /").exactOptional(),
        pathRegex: z.string().refine(compiles, "is not a valid regular expression").exactOptional(),
      })
      .exactOptional(),
    probability: z.number().min(0).max(1).exactOptional(),
    schedule: z
      .strictObject({
        after: z.number().int().min(0).exactOptional(),
        count: z.number().int().min(1).exactOptional(),
        every: z.number().int().min(1).exactOptional(),
      })
      .exactOptional(),
  })
  .refine((rule) => rule.probability === undefined || rule.schedule === undefined, {
    message: "give either probability or schedule, not both",
    path: ["schedule"],
  }) satisfies z.ZodType<FaultRuleSpec>;
