import { z } from "zod";
import type { OutboundSourceConfig } from "./hubsync-config.ts";

const sourceKinds = ["table", "query", "csv", "jsonl"] as const;

/** `table`, or `schema.table`: quoted by hubsync, so matched exactly as written. */
const tablePattern = /^[A-Za-z_][A-Za-z0-9_$]*(?:\.[A-Za-z_][A-Za-z0-9_$]*)?$/;

/**
 * `source:` — exactly one of table, query, csv or jsonl. One map with every key (rather than
 * a union of four) so a typo gets "did you mean" and a missing or doubled kind a plain message.
 */
export const outboundSourceSchema = z
  .strictObject({
    table: z
      .string()
      .regex(tablePattern, "expected a table name such as contacts_export or analytics.contacts_export (write anything else as a query); got {got}")
      .optional()
      .describe("A table (or view) of the store's database: `name` or `schema.name`, as the database spells it."),
    query: z.string().min(1).optional().describe("A SQL SELECT run on the store's database; every column it returns is available."),
    csv: z.string().min(1).optional().describe("A CSV file with a header row (relative paths are relative to the config file)."),
    jsonl: z.string().min(1).optional().describe("A JSON Lines file: one JSON object per line (relative paths are relative to the config file)."),
    delimiter: z
      .string()
      .regex(/^[^"\r\n]+$/, 'expected a delimiter such as ",", ";" or "\\t" (not a quote or a line break); got {got}')
      .optional()
      .describe('The CSV field delimiter (default ","; "\\t" for tab-separated files).'),
  })
  .transform((source, ctx): OutboundSourceConfig => {
    // An unknown key (`tabel:`) already has its "did you mean"; which kind is missing would be noise.
    if (ctx.issues.some((issue) => issue.code === "unrecognized_keys")) return z.NEVER;
    const given = sourceKinds.filter((kind) => source[kind] !== undefined);
    if (given.length !== 1) {
      const message =
        given.length === 0
          ? "expected one of table, query, csv or jsonl"
          : `expected one of table, query, csv or jsonl; got ${given.join(" and ")}`;
      ctx.issues.push({ code: "custom", message, input: source });
      return z.NEVER;
    }
    if (source.delimiter !== undefined && source.csv === undefined) {
      ctx.issues.push({ code: "custom", message: "only for a csv source", input: source.delimiter, path: ["delimiter"] });
      return z.NEVER;
    }
    if (source.table !== undefined) return { kind: "table", table: source.table };
    if (source.query !== undefined) return { kind: "query", query: source.query };
    if (source.csv !== undefined) return { kind: "csv", path: source.csv, delimiter: source.delimiter ?? "," };
    return { kind: "jsonl", path: source.jsonl ?? "" };
  })
  .meta({ id: "OutboundSource", description: "Where the rows come from: one of table, query, csv or jsonl." });
