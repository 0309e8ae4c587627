// `npm run demo`: a local HubSpot with demo data, mirrored into ./hubsync-demo.db by the same
// code `hubsync sync run` runs, using examples/warehouse-mirror/hubsync.yaml — the file that
// also works against real HubSpot. Then the other way: app tables in the same database pushed
// into the portal by examples/reverse-etl and examples/app-records-custom-object, twice (the
// second time sends nothing). Then it shows what landed and how to query it.
//
// Environment (all optional):
//   HUBSYNC_DEMO_DB    where the mirror goes (default ./hubsync-demo.db; replaced on each run)
//   HUBSYNC_DEMO_SIZE  tiny | small | medium | large demo portal (default small: 250 contacts)
//   HUBSYNC_DEMO_SEED  the demo data's random seed (default 1: the same portal every time)
import { rm } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { z } from "zod";
import { systemCliDeps } from "../src/cli/cli-deps.ts";
import { syncRun } from "../src/cli/commands/sync-run.ts";
import { formatTable } from "../src/cli/render/format-table.ts";
import { formatCount, formatDuration } from "../src/cli/render/format-values.ts";
import { createEmulator } from "../src/emulator/index.ts";
import type { SeedCounts } from "../src/emulator/seed/seed-counts.ts";
import { seedPortal } from "../src/emulator/seed/seed-portal.ts";
import { startEmulatorServer } from "../src/emulator/server.ts";
import { runOutboundDemo } from "./demo/outbound-pass.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const configFile = resolve(root, "examples/warehouse-mirror/hubsync.yaml");
const syncName = "warehouse";

/** A portal small enough for a test to mirror in a second or two. */
const tiny: SeedCounts = { owners: 2, companies: 6, contacts: 24, deals: 8, tickets: 4, products: 3, engagements: 12, gifts: 5 };
const sizes = ["tiny", "small", "medium", "large"] as const;
type DemoSize = (typeof sizes)[number];

const say = (text = ""): void => void process.stdout.write(`${text}\n`);

async function main(): Promise<number> {
  const env = process.env;
  const dbPath = resolve(env["HUBSYNC_DEMO_DB"] ?? "hubsync-demo.db");
  const size = env["HUBSYNC_DEMO_SIZE"] ?? "small";
  if (!isSize(size)) {
    process.stderr.write(`HUBSYNC_DEMO_SIZE must be one of ${sizes.join(", ")}; got "${size}".\n`);
    return 64;
  }
  const seed = Number(env["HUBSYNC_DEMO_SEED"] ?? "1");

  // 1. A local HubSpot with demo data, on a real port, exactly as `hubsync emulator --seed demo` runs it.
  const emulator = createEmulator({ seed });
  const seeded = seedPortal(emulator.parts.state.defaultPortal, size === "tiny" ? { seed, counts: tiny } : { seed, size });
  const server = await startEmulatorServer(emulator, 0, "127.0.0.1");
  try {
    const { token } = emulator.info();
    await createDemoLists(server.url, token);
    const c = seeded.counts;
    say(`Local HubSpot (the bundled emulator) on ${server.url}, seeded in ${formatDuration(seeded.ms)}:`);
    say(`  ${c.contacts} contacts, ${c.companies} companies, ${c.deals} deals, ${c.tickets} tickets, ${c.products} products, ${c.engagements} engagements, ${c.gifts} gifts (a custom object), ${c.owners} owners, 2 lists`);
    say();

    // 2. Mirror it with the example config, through the code `hubsync sync run warehouse` runs.
    await rm(dbPath, { force: true });
    for (const suffix of ["-wal", "-shm", "-journal"]) await rm(`${dbPath}${suffix}`, { force: true });
    say(`Mirroring into ${shown(dbPath)} with ${shown(configFile)}:`);
    say(`  (same as: HUBSPOT_BASE_URL=${server.url} HUBSPOT_TOKEN=… DATABASE_URL=sqlite:${dbPath} hubsync --config ${shown(configFile)} sync run ${syncName})`);
    say();
    const deps = { ...systemCliDeps(), env: { ...env, HUBSPOT_BASE_URL: server.url, HUBSPOT_TOKEN: token, DATABASE_URL: `sqlite:${dbPath}` } };
    // The store's and engine's info logs would drown the summary: warnings only, unless asked.
    const logLevel = env["HUBSYNC_LOG_LEVEL"] ?? "warn";
    const outcome = await syncRun(deps, { config: configFile, name: syncName, logLevel });
    if (outcome.exitCode !== 0) {
      process.stderr.write(`\nThe demo's sync did not succeed (exit code ${outcome.exitCode}); see above.\n`);
      return outcome.exitCode;
    }

    // 3. The other way: the app's tables, in the same database, pushed into the same portal.
    const pushed = await runOutboundDemo({ root, dbPath, deps, emulator, baseUrl: server.url, token, seed, tiny: size === "tiny", logLevel, say, shown });
    if (pushed !== 0) return pushed;

    // 4. What landed, and how to look at it.
    describeDatabase(dbPath);
    return 0;
  } finally {
    await server.close();
  }
}

/** HubSpot lists to mirror: the seed has none. One DYNAMIC (customers), one MANUAL (ten contacts). */
async function createDemoLists(baseUrl: string, token: string): Promise<void> {
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await fetch(`${baseUrl}${path}`, init);
    if (!response.ok) throw new Error(`demo setup: ${method} ${path} answered ${response.status}: ${await response.text()}`);
    return response.json();
  };
  await call("POST", "/crm/v3/lists/", {
    name: "Customers",
    objectTypeId: "0-1",
    processingType: "DYNAMIC",
    filterBranch: {
      filterBranchType: "OR",
      filters: [],
      filterBranches: [
        {
          filterBranchType: "AND",
          filterBranches: [],
          filters: [{ filterType: "PROPERTY", property: "lifecyclestage", operation: { operationType: "ENUMERATION", operator: "IS_ANY_OF", values: ["customer"] } }],
        },
      ],
    },
  });
  const manual = z.object({ list: z.object({ listId: z.string() }) }).parse(await call("POST", "/crm/v3/lists/", { name: "Demo VIPs", objectTypeId: "0-1", processingType: "MANUAL" }));
  const contacts = z.object({ results: z.array(z.object({ id: z.string() })) }).parse(await call("GET", "/crm/v3/objects/contacts?limit=10"));
  await call("PUT", `/crm/v3/lists/${manual.list.listId}/memberships/add`, contacts.results.map((r) => r.id));
}

/** Every table the mirror has, with its rows, then queries to try and where to go next. */
function describeDatabase(dbPath: string): void {
  const db = new Database(dbPath, { readonly: true });
  let mirror: string[][];
  let app: string[][];
  let bookkeeping: string[][];
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'hubsync_migrations%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const rows = tables.map((name) => [name, formatCount((db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n)]);
    mirror = rows.filter(([name]) => !bookkeepingTables.has(name ?? "") && !appTables.has(name ?? ""));
    app = rows.filter(([name]) => appTables.has(name ?? ""));
    bookkeeping = rows.filter(([name]) => bookkeepingTables.has(name ?? ""));
  } finally {
    db.close();
  }
  const indent = (text: string): string => text.trimEnd().replace(/^/gm, "  ");
  say();
  say(`The mirror in ${shown(dbPath)}:`);
  say(indent(formatTable([{ heading: "table" }, { heading: "rows", align: "right" }], mirror)));
  say(`the app's tables the outbound syncs read: ${app.map(([name, n]) => `${name} (${n})`).join(", ")};`);
  say(`and hubsync's bookkeeping: ${bookkeeping.map(([name, n]) => `${name} (${n})`).join(", ")}.`);
  say();
  const file = shown(dbPath);
  say("Try it with SQLite's shell (`sqlite3`, which comes with macOS and most Linux distributions):");
  say();
  say(`  sqlite3 -header -column ${file} "SELECT email, firstname, lastname, lifecyclestage FROM hs_contacts WHERE deleted_at IS NULL LIMIT 5"`);
  say();
  say("  # deals with their primary company, through the mirrored (labelled) associations");
  say(`  sqlite3 -header -column ${file} "SELECT d.dealname, d.amount, d.dealstage, c.name AS company FROM hs_deals d JOIN hs_associations a ON a.from_type = 'deals' AND a.from_id = d.id AND a.to_type = 'companies' AND a.label = 'Primary' JOIN hs_companies c ON c.id = a.to_id LIMIT 5"`);
  say();
  say("  # how deals moved through the pipeline (property history)");
  say(`  sqlite3 -header -column ${file} "SELECT object_id AS deal, value AS stage, timestamp FROM hs_property_history WHERE property = 'dealstage' ORDER BY object_id, timestamp LIMIT 10"`);
  say();
  say("Then look at the runs: hubsync runs, hubsync logs <run> — with the same environment, e.g.");
  say(`  HUBSPOT_TOKEN=unused DATABASE_URL=sqlite:${dbPath} npm run hubsync -- --config ${shown(configFile)} runs`);
  say("and at what the outbound syncs wrote back — each row's key and the HubSpot record it became:");
  say(`  HUBSPOT_TOKEN=unused DATABASE_URL=sqlite:${dbPath} npm run hubsync -- --config ${shown(resolve(root, "examples/reverse-etl/hubsync.yaml"))} ids users-to-contacts`);
  say();
  say("Against your own portal: export HUBSPOT_TOKEN=pat-… (a private app's token), then");
  say(`  npm run hubsync -- --config ${shown(configFile)} check`);
  say(`  npm run hubsync -- --config ${shown(configFile)} sync run ${syncName}`);
}

/** Tables that hold hubsync's own state rather than HubSpot's data. */
const bookkeepingTables: ReadonlySet<string> = new Set([
  "sync_runs",
  "sync_cursors",
  "audit_log",
  "hs_object_types",
  "hs_object_columns",
  "outbound_rows",
  "outbound_associations",
  "outbound_lists",
  "outbound_orphans",
]);

/** The demo app's own tables, which the outbound examples read. */
const appTables: ReadonlySet<string> = new Set(["app_accounts", "app_users", "gift_transactions"]);

function isSize(value: string): value is DemoSize {
  return (sizes as readonly string[]).includes(value);
}

/** Paths as a person would type them from where they are. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") || rel === "" ? path : `./${rel}`;
}

process.exitCode = await main();
