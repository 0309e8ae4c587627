import { pipeline } from "node:stream";
import { parse, type CsvError, type InfoRecord } from "csv-parse";
import { HubsyncError } from "../core/hubsync-error.ts";
import { columnsProblem } from "./check-columns.ts";
import { csvSkipMessage } from "./csv-skip-message.ts";
import { normalizeLineBreaks } from "./normalize-line-breaks.ts";
import { openSourceFile } from "./open-source-file.ts";
import type { RawRow } from "./raw-row.ts";
import { causeText, sourceFailed } from "./source-failed.ts";
import type { SourceIssueSink } from "./source-issue.ts";

/**
 * A record longer than this is an error, not memory to grow into: an unclosed quote would
 * otherwise make the rest of the file one field.
 */
const maxRecordBytes = 8 * 1024 * 1024;

interface ParsedRecord {
  record: unknown[];
  raw: string;
  info: InfoRecord;
}

/**
 * A CSV file with a header row, streamed. Quoted fields (with doubled quotes and line breaks
 * inside), a byte order mark and any delimiter are read; a row that cannot be parsed or has
 * another number of fields than the header is reported with its line and skipped. As in
 * PostgreSQL's CSV format, an empty unquoted field is null and `""` is empty text.
 */
export async function* readCsvRows(
  path: string,
  delimiter: string,
  sync: string,
  key: string,
  onIssue: SourceIssueSink,
): AsyncGenerator<RawRow> {
  const handle = await openSourceFile(path, sync);
  let headerError: CsvError | undefined;
  // The parser runs ahead of the rows taken from it: skipped rows wait here so that issues and
  // rows reach the sync in line order.
  let skipped: { line: number; message: string }[] = [];
  let lastSkippedLine = 0;
  const parser = parse({
    bom: true,
    delimiter,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: maxRecordBytes,
    info: true,
    raw: true,
    cast: (value, context) => (value === "" && !context.quoting ? null : value),
    on_skip: (error) => {
      if (error === undefined) return;
      // Nothing parsed yet: the header itself is broken, and the next line must not stand in for it.
      if (parser.info.records === 0) headerError ??= error;
      else {
        const line = skippedLine(error);
        // One broken row can trip the parser more than once (each stray quote): report it once.
        if (line === lastSkippedLine) return;
        lastSkippedLine = line;
        skipped.push({ line, message: csvSkipMessage(error) });
        // A long run of bad lines yields no row to flush at: do not let them pile up.
        if (skipped.length >= 1000) reportSkipped(Number.POSITIVE_INFINITY);
      }
    },
  });
  const headerFailed = (problem: string, cause?: unknown) =>
    sourceFailed(sync, `the header row of ${path} ${problem}`, { subject: path, fix: "The first line must name every column, each once, separated by the delimiter.", cause });
  const reportSkipped = (before: number): void => {
    const due = skipped.filter((skip) => skip.line < before);
    if (due.length === 0) return;
    skipped = skipped.filter((skip) => skip.line >= before);
    for (const { line, message } of due) onIssue({ kind: "malformed_row", message, line });
  };
  let header: string[] | undefined;
  // Errors reach the loop through the parser, which pipeline destroys with them.
  pipeline(handle.createReadStream(), normalizeLineBreaks(), parser, () => undefined);
  try {
    for await (const item of parser as AsyncIterable<ParsedRecord>) {
      if (headerError !== undefined) throw headerFailed(`cannot be read: ${csvSkipMessage(headerError)}`, headerError);
      if (header === undefined) {
        header = item.record.map((name) => (typeof name === "string" ? name.trim() : ""));
        const problem = headerProblem(header);
        if (problem !== undefined) throw headerFailed(problem);
        const keyProblem = columnsProblem(sync, `file ${path}`, header, key);
        if (keyProblem !== undefined) throw keyProblem;
        continue;
      }
      const line = startLine(item.info.lines, item.raw);
      reportSkipped(line);
      const values = Object.fromEntries(header.map((name, index) => [name, item.record[index] ?? null]));
      yield { values, line };
    }
    reportSkipped(Number.POSITIVE_INFINITY);
  } catch (cause) {
    if (cause instanceof HubsyncError) throw cause;
    throw sourceFailed(sync, `cannot read the source file ${path}: ${causeText(cause)}`, { subject: path, cause });
  } finally {
    parser.destroy();
    // The stream closes the file as it is destroyed; waiting for that makes "stopped" mean "closed".
    await handle.close().catch(() => undefined);
  }
  if (headerError !== undefined) throw headerFailed(`cannot be read: ${csvSkipMessage(headerError)}`, headerError);
  if (header === undefined) throw headerFailed("is missing: the file is empty");
}

function headerProblem(header: readonly string[]): string | undefined {
  const blank = header.findIndex((name) => name === "");
  if (blank >= 0) return `has no name for column ${blank + 1}`;
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) return `names the column ${JSON.stringify(name)} twice`;
    seen.add(name);
  }
  return undefined;
}

function skippedLine(error: CsvError): number {
  const lines: unknown = Reflect.get(error, "lines");
  return typeof lines === "number" ? lines : 0;
}

/** csv-parse counts lines up to a record's end; a record with line breaks inside quotes starts earlier. */
function startLine(endLine: number, raw: string): number {
  // The raw text may start with the empty lines skipped before the record.
  const body = raw.replace(/^(?:\r\n|\r|\n)+/, "").replace(/(?:\r\n|\r|\n)$/, "");
  const inner = body.match(/\r\n|\r|\n/g)?.length ?? 0;
  return endLine - inner;
}
