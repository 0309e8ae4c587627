// The demo's outbound half: the app tables pushed into the demo portal by the two outbound
// examples (reverse ETL, app records as a custom object), through the code `hubsync sync run`
// runs — then again, to show that unchanged rows cost no write calls.
import { resolve } from "node:path";
import type { CliDeps, CliOutput } from "../../src/cli/cli-deps.ts";
import { syncRun, type SyncRunOptions } from "../../src/cli/commands/sync-run.ts";
import { formatTable } from "../../src/cli/render/format-table.ts";
import { formatCount } from "../../src/cli/render/format-values.ts";
import { describeChanges } from "../../src/cli/render/outbound-summary.ts";
import type { Emulator } from "../../src/emulator/index.ts";
import type { RequestStatsSnapshot } from "../../src/emulator/stats/request-stats.ts";
import type { OutboundRunSummary } from "../../src/sync/index.ts";
import { appTableSizes, fillAppTables } from "./app-tables.ts";

export interface OutboundDemoInput {
  root: string;
  dbPath: string;
  /** The environment the syncs see (HUBSPOT_BASE_URL, HUBSPOT_TOKEN, DATABASE_URL set). */
  deps: CliDeps;
  emulator: Emulator;
  baseUrl: string;
  token: string;
  seed: number;
  tiny: boolean;
  logLevel: string;
  say: (text?: string) => void;
  shown: (path: string) => string;
}

/** The outbound examples, in the order the demo runs them. */
export function outboundExamples(root: string): { config: string; options: SyncRunOptions }[] {
  return [
    // --all: both syncs, accounts before users (file order), so users find their company.
    { config: resolve(root, "examples/reverse-etl/hubsync.yaml"), options: { all: true } },
    { config: resolve(root, "examples/app-records-custom-object/hubsync.yaml"), options: { name: "gifts" } },
  ];
}

/** Fills the app tables, runs both outbound examples, prints what they did, then runs them again. Returns an exit code. */
export async function runOutboundDemo(input: OutboundDemoInput): Promise<number> {
  const { say, shown } = input;
  const counts = fillAppTables(input.root, input.dbPath, input.seed, appTableSizes(input.tiny));
  await prepareDemoPortal(input.baseUrl, input.token);

  const examples = outboundExamples(input.root);
  say();
  say(`Pushing the app's own rows into HubSpot (outbound): ${formatCount(counts.app_accounts)} app_accounts, ${formatCount(counts.app_users)} app_users and ${formatCount(counts.gift_transactions)} gift_transactions, written to ${shown(input.dbPath)} just now.`);
  say(`Created in the portal first, as examples/reverse-etl/README.md asks: the unique company property app_account_id and the association label "Account admin".`);
  for (const example of examples) say(`  (same as: hubsync --config ${shown(example.config)} sync run ${example.options.all === true ? "--all" : (example.options.name ?? "")})`);
  say();

  const first: OutboundRunSummary[] = [];
  for (const example of examples) {
    const outcome = await syncRun(input.deps, { config: example.config, logLevel: input.logLevel, ...example.options });
    first.push(...outcome.outbound);
    if (outcome.exitCode !== 0) {
      process.stderr.write(`\nThe demo's outbound sync did not succeed (exit code ${outcome.exitCode}); see above.\n`);
      return outcome.exitCode;
    }
  }
  say("What the outbound syncs did:");
  say(indent(whatTheyDid(first)));

  // Run them again with nothing changed: every row's hash matches, so nothing is sent.
  input.emulator.control.stats.reset();
  const again: OutboundRunSummary[] = [];
  for (const example of examples) {
    const quiet = captured();
    const outcome = await syncRun({ ...input.deps, stdout: quiet, stderr: quiet }, { config: example.config, logLevel: input.logLevel, ...example.options });
    again.push(...outcome.outbound);
    if (outcome.exitCode !== 0) {
      process.stderr.write(`${quiet.text()}\nThe demo's second outbound pass did not succeed (exit code ${outcome.exitCode}); see above.\n`);
      return outcome.exitCode;
    }
  }
  say();
  say("Run again, with the tables unchanged:");
  for (const summary of again) {
    const orphans = summary.orphans > 0 ? ` (${formatCount(summary.orphans)} orphans still wait for their contact)` : "";
    const changes = describeChanges({ ...summary, orphans: 0 });
    say(`  ${summary.sync}: ${changes}, ${formatCount(summary.writeCalls)} write calls${orphans}`);
  }
  say(`  HubSpot (the emulator) received ${formatCount(writeRequests(input.emulator.control.stats.snapshot()))} write requests in this second pass.`);
  return 0;
}

/** One row per sync: what it created, updated, associated and listed, and the orphans it left. */
export function whatTheyDid(summaries: readonly OutboundRunSummary[]): string {
  return formatTable(
    [
      { heading: "sync" },
      { heading: "rows", align: "right" },
      { heading: "created", align: "right" },
      { heading: "updated", align: "right" },
      { heading: "associations", align: "right" },
      { heading: "list members", align: "right" },
      { heading: "orphans", align: "right" },
      { heading: "write calls", align: "right" },
    ],
    summaries.map((s) => [
      s.sync,
      formatCount(s.rowsRead),
      formatCount(s.created),
      formatCount(s.updated),
      formatCount(s.associationsCreated),
      formatCount(s.listAdded),
      formatCount(s.orphans),
      formatCount(s.writeCalls),
    ]),
  );
}

/** Requests that change something in HubSpot: every POST, PUT, PATCH or DELETE that is not a read in disguise (search, batch read, token info). */
export function writeRequests(stats: RequestStatsSnapshot): number {
  return Object.values(stats.byRoute)
    .filter((route) => route.method !== "GET" && !/\/(search|batch\/read)$/.test(route.route) && !route.route.startsWith("/oauth/"))
    .reduce((n, route) => n + route.total, 0);
}

/**
 * What examples/reverse-etl/README.md asks a person to create in HubSpot first: a unique
 * `app_account_id` company property (users find their company by it) and the "Account admin"
 * association label (labels must exist before a sync writes them).
 */
export async function prepareDemoPortal(baseUrl: string, token: string, fetcher: typeof fetch = fetch): Promise<void> {
  const post = async (path: string, body: unknown): Promise<void> => {
    const response = await fetcher(`${baseUrl}${path}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`demo setup: POST ${path} answered ${response.status}: ${await response.text()}`);
  };
  await post("/crm/v3/properties/companies", { name: "app_account_id", label: "App account ID", type: "string", fieldType: "text", groupName: "companyinformation", hasUniqueValue: true });
  await post("/crm/v4/associations/contacts/companies/labels", { label: "Account admin", name: "account_admin" });
}

function captured(): CliOutput & { text(): string } {
  let text = "";
  return { isTTY: false, write: (chunk) => void (text += chunk), text: () => text };
}

const indent = (text: string): string => text.trimEnd().replace(/^/gm, "  ");
