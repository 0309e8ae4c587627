import { createWriteStream, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { resolve } from "node:path";
import { Command, Option } from "commander";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { outboundRecordIds, type OutboundRecordId } from "../../sync/index.ts";
import type { CliDeps } from "../cli-deps.ts";
import { action, globalOptions, type CommandContext } from "../command-context.ts";
import { cliConfig } from "../context/cli-config.ts";
import { withRunSession } from "../context/run-session.ts";
import { exitCodes } from "../exit-code.ts";
import { formatCount } from "../render/format-values.ts";
import { failWith } from "./fail-with.ts";
import { selectOutboundSync } from "./select-syncs.ts";

export const idsFormats = ["csv", "jsonl"] as const;
export type IdsFormat = (typeof idsFormats)[number];

export interface IdsOptions {
  config?: string;
  logLevel?: string;
  /** The outbound sync whose write-back to export. */
  name: string;
  format?: IdsFormat;
  /** A file to write (replaced only once complete); stdout when absent. */
  output?: string;
}

/** The CSV header: the row's key, the HubSpot record it became, when it was last written. */
export const idsCsvHeader = "key,hubspot_id,synced_at";

/**
 * The write-back: which HubSpot record each source row became, as CSV or JSON lines, streamed
 * page by page from the store (memory stays flat however many rows). Load it back into your
 * database to keep HubSpot ids next to your rows. Reads only the store.
 */
export async function runIds(deps: CliDeps, options: IdsOptions): Promise<number> {
  const loaded = await cliConfig(deps, options.config);
  if (!loaded.ok) return failWith(deps, {}, loaded.error);
  const { config, path } = loaded.value;
  const sync = selectOutboundSync(config, path, options.name);
  if (!sync.ok) return failWith(deps, {}, sync.error);
  const format = options.format ?? "csv";
  return withRunSession(deps, config, { ...(options.logLevel === undefined ? {} : { logLevel: options.logLevel }) }, async ({ engine }) => {
    const pages = outboundRecordIds(engine, sync.value.name);
    if (options.output === undefined) {
      let rows = 0;
      if (format === "csv") deps.stdout.write(`${idsCsvHeader}\n`);
      for await (const page of pages) {
        deps.stdout.write(page.map((id) => formatId(id, format)).join(""));
        rows += page.length;
        await deps.stdout.drained?.();
      }
      if (rows === 0) deps.stderr.write(`${sync.value.name} has written no records yet (run it: hubsync sync run ${sync.value.name}).\n`);
      return exitCodes.ok;
    }
    let rows: number;
    try {
      rows = await writeFileAtomically(resolve(options.output), format, pages);
    } catch (error) {
      if (!isFileError(error)) throw error;
      deps.stderr.write(`error: cannot write ${options.output} (${error.code ?? "?"}).\nfix: check that the folder exists and is writable, or choose another --output.\n`);
      return exitCodes.cantCreate;
    }
    deps.stderr.write(`Wrote ${formatCount(rows)} row id${rows === 1 ? "" : "s"} of ${sync.value.name} to ${options.output} (${format}).\n`);
    return exitCodes.ok;
  });
}

/** One id as a CSV line or a JSON line. */
export function formatId(id: OutboundRecordId, format: IdsFormat): string {
  if (format === "jsonl") return `${JSON.stringify({ key: id.key, hubspotId: id.hubspotId, syncedAt: id.syncedAt })}\n`;
  return `${[id.key, id.hubspotId, id.syncedAt].map(csvField).join(",")}\n`;
}

/** RFC 4180: quote a field holding a comma, a quote or a line break; double its quotes. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Streams into `<file>.partial`, waiting whenever the file stream's buffer is full, then
 * renames it over `file`: a reader never sees half an export, and a failed one leaves the old
 * file. A file system error is thrown as it is (with its `code`).
 */
async function writeFileAtomically(file: string, format: IdsFormat, pages: AsyncIterable<OutboundRecordId[]>): Promise<number> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  let rows = 0;
  try {
    await opened(out);
    if (format === "csv") await write(out, `${idsCsvHeader}\n`);
    for await (const page of pages) {
      await write(out, page.map((id) => formatId(id, format)).join(""));
      rows += page.length;
    }
    await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
    await rename(partial, file);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  return rows;
}

function opened(out: WriteStream): Promise<void> {
  return new Promise((done, fail) => {
    out.once("open", () => done());
    out.once("error", fail);
  });
}

function write(out: WriteStream, text: string): Promise<void> {
  return new Promise((done, fail) => {
    const onError = (error: Error): void => fail(error);
    out.once("error", onError);
    const flushed = out.write(text);
    const settle = (): void => {
      out.off("error", onError);
      done();
    };
    if (flushed) settle();
    else out.once("drain", settle);
  });
}

/** A file system failure (ENOENT, EACCES …), not one of hubsync's own errors (which carry a code too). */
function isFileError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && !(error instanceof HubsyncError) && "code" in error && typeof error.code === "string";
}

export function idsCommand(ctx: CommandContext): Command {
  return new Command("ids")
    .summary("export an outbound sync's write-back: each row's key and its HubSpot record id")
    .description(
      "Prints, for every source row an outbound sync has written, the row's key, the id of the HubSpot\n" +
        "record it became and when it was last written — as CSV (with a header) or JSON lines — streamed\n" +
        "from the store, so it works for millions of rows. With --output, the file appears only once\n" +
        "complete. Load it back into your database to keep HubSpot ids next to your rows. Reads only the store.",
    )
    .argument("<sync>", "the outbound sync, as named under outbound: in the config")
    .addOption(new Option("--format <format>", "csv (key,hubspot_id,synced_at) or jsonl ({key, hubspotId, syncedAt} per line)").choices([...idsFormats]).default("csv"))
    .option("--output <file>", "write to this file instead of stdout")
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  hubsync ids users-to-contacts > users-hubspot-ids.csv\n" +
        "  hubsync ids users-to-contacts --format jsonl --output ids.jsonl\n" +
        "  hubsync ids users-to-contacts | sqlite3 app.db '.import --csv --skip 1 /dev/stdin hubspot_ids'",
    )
    .action(
      action(ctx, async (name: string, options: { format: IdsFormat; output?: string }, command: Command) =>
        runIds(ctx.deps, { ...globalOptions(command), name, format: options.format, ...(options.output === undefined ? {} : { output: options.output }) }),
      ),
    );
}
