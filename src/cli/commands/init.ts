import { writeFile } from "node:fs/promises";
import { Command } from "commander";
import { configPath, parseStoreUrl, starterConfig } from "../../config/index.ts";
import type { CliDeps } from "../cli-deps.ts";
import { action, globalOptions, type CommandContext } from "../command-context.ts";
import { exitCodes } from "../exit-code.ts";

export interface InitOptions {
  config?: string;
  force?: boolean;
  store?: string;
}

/** Writes the commented starter hubsync.yaml; refuses to replace an existing file unless forced. */
export async function runInit(deps: CliDeps, options: InitOptions): Promise<number> {
  const path = configPath(options.config, deps.env);
  // A ${VAR} reference is checked when hubsync reads the file, with the variable set.
  if (options.store !== undefined && !options.store.includes("${")) {
    const parsed = parseStoreUrl(options.store);
    if (!parsed.ok) {
      deps.stderr.write(`error: --store ${JSON.stringify(options.store)}: ${parsed.error}\n`);
      return exitCodes.usage;
    }
  }
  const text = starterConfig(options.store === undefined ? {} : { store: options.store });
  try {
    await writeFile(path, text, { flag: options.force === true ? "w" : "wx" });
  } catch (cause) {
    const code = cause instanceof Error && "code" in cause ? String(cause.code) : "";
    if (code === "EEXIST") {
      deps.stderr.write(`error: ${path} already exists; hubsync init leaves it as it is.\nfix: edit it, or run \`hubsync init --force\` to replace it with the starter.\n`);
      return exitCodes.cantCreate;
    }
    deps.stderr.write(`error: cannot write ${path}${code === "" ? "" : ` (${code})`}.\nfix: check that the folder exists and is writable, or choose another path with --config.\n`);
    return exitCodes.cantCreate;
  }
  deps.stdout.write(
    [
      `Wrote ${path}.`,
      ``,
      `Next:`,
      `  export HUBSPOT_TOKEN=pat-...   # a private app's access token (HubSpot → Settings → Integrations → Private apps)`,
      `  hubsync check                  # validates the file, the database and the token's scopes`,
      `  hubsync sync run crm           # mirrors HubSpot into ${options.store ?? "sqlite:./hubsync.db"}`,
      ``,
    ].join("\n"),
  );
  return exitCodes.ok;
}

export function initCommand(ctx: CommandContext): Command {
  return new Command("init")
    .summary("write a starter hubsync.yaml")
    .description("Writes a commented starter config to the config path (hubsync.yaml, or --config / HUBSYNC_CONFIG).\nIt mirrors every CRM object hourly into a SQLite file, with the token read from HUBSPOT_TOKEN.")
    .option("--force", "replace the file if it exists", false)
    .option("--store <url>", "where the mirror goes: sqlite:<file> or a postgres:// URL (or ${DATABASE_URL})")
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  hubsync init                                   # ./hubsync.yaml, mirror in ./hubsync.db\n" +
        "  hubsync init --store 'postgres://me@localhost:5432/crm'\n" +
        "  hubsync init --store '${DATABASE_URL}'         # read the URL from the environment at run time\n" +
        "  hubsync --config conf/prod.yaml init --force",
    )
    .action(
      action(ctx, async (options: { force: boolean; store?: string }, command: Command) =>
        runInit(ctx.deps, { ...globalOptions(command), force: options.force, ...(options.store === undefined ? {} : { store: options.store }) }),
      ),
    );
}
