import type { OutboundSourceConfig, OutboundSyncConfig } from "../../config/index.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { readSource, type SourceIssue } from "../../sources/index.ts";
import type { StoreTarget } from "../../store/index.ts";
import { failedWith, finding, type OutboundFinding } from "./outbound-finding.ts";

/** Rows read to learn a source's columns: one small page. */
const SAMPLE_ROWS = 20;

/** What reading the first page told: the findings, and the columns when any row was read. */
export interface SourceSample {
  findings: OutboundFinding[];
  columns?: string[];
}

/**
 * Opens the sync's source and reads its first page, as a run would (then closes it): the
 * table or query runs, the file parses, the key column is there. Returns the columns seen.
 */
export async function sampleSource(sync: OutboundSyncConfig, database: StoreTarget | undefined): Promise<SourceSample> {
  const what = `source ${describeSource(sync.source)}`;
  const issues: SourceIssue[] = [];
  let rows: Record<string, unknown>[] = [];
  try {
    for await (const page of readSource(sync.source, { sync: sync.name, key: sync.key, pageSize: SAMPLE_ROWS, onIssue: (issue) => issues.push(issue), ...(database === undefined ? {} : { database }) })) {
      rows = page.map((row) => row.values);
      break;
    }
  } catch (error) {
    if (!(error instanceof HubsyncError)) throw error;
    return { findings: [failedWith(what, error)] };
  }
  const findings: OutboundFinding[] = [];
  if (rows.length === 0 && issues.length === 0) {
    findings.push(finding("note", what, "readable, but it has no rows yet: its columns are checked once it has"));
    return { findings };
  }
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  findings.push(finding("ok", what, `readable: ${columns.length} columns (${shortList(columns)})`));
  const [first] = issues;
  if (first !== undefined) {
    findings.push(finding("warn", what, `${issues.length} of the first rows would be skipped, e.g. ${first.message}`, { fix: "Each skipped row is reported by the run too: fix them in the source." }));
  }
  return rows.length === 0 ? { findings } : { findings, columns };
}

/**
 * The columns the sync reads that the source does not have. JSON Lines rows may leave keys
 * out, so there a column missing from the first rows is only a warning.
 */
export function missingColumns(sync: OutboundSyncConfig, columns: readonly string[]): OutboundFinding[] {
  const have = new Set(columns);
  const used: [string, string][] = [];
  if (sync.match !== undefined) used.push([sync.match.column, "match.column"]);
  sync.associations.forEach((association, i) => {
    // A derived association (through) repeats the column of the one it goes through.
    if (association.through === undefined) used.push([association.column, `associations[${i}].column (to ${association.toObjectType})`]);
  });
  const level = sync.source.kind === "jsonl" ? "warn" : "fail";
  return used
    .filter(([column]) => !have.has(column))
    .map(([column, key]) =>
      finding(level, `column "${column}"`, `named by ${key}, but not among the source's columns (${shortList(columns)})`, {
        fix: "Write the column exactly as the source names it, or add it to the source.",
        code: "CONFIG_INVALID",
      }),
    );
}

export function describeSource(source: OutboundSourceConfig): string {
  switch (source.kind) {
    case "table":
      return `table ${source.table}`;
    case "query":
      return "query";
    case "csv":
      return `CSV ${source.path}`;
    case "jsonl":
      return `JSONL ${source.path}`;
    default: {
      const _exhaustive: never = source;
      return _exhaustive;
    }
  }
}

function shortList(names: readonly string[]): string {
  return names.length > 10 ? `${names.slice(0, 10).join(", ")}, …` : names.join(", ") || "none";
}
