import { Command } from "commander";
import type { OutboundSyncConfig } from "../../config/index.ts";
import { refreshProperties, type PropertiesReport } from "../../sync/index.ts";
import type { CliDeps } from "../cli-deps.ts";
import { action, globalOptions, type CommandContext } from "../command-context.ts";
import { withOutboundSync } from "../context/with-outbound-sync.ts";
import { exitCodes } from "../exit-code.ts";
import { formatTable } from "../render/format-table.ts";
import { failWith } from "./fail-with.ts";

export interface PropertiesRefreshOptions {
  config?: string;
  logLevel?: string;
  /** The outbound sync whose target object to read. */
  name: string;
  json?: boolean;
}

/**
 * Reads the target object's property definitions from HubSpot again — after a property was
 * added or changed there — and checks the sync's field map and match against them: what can
 * be mapped, and what a run would stop on. Exits 1 when the field map has a problem.
 */
export async function runPropertiesRefresh(deps: CliDeps, options: PropertiesRefreshOptions): Promise<number> {
  return withOutboundSync(deps, options, async ({ config, sync, session: { engine } }) => {
    const refreshed = await refreshProperties(engine, config, sync.name);
    if (!refreshed.ok) return failWith(deps, options, refreshed.error, sync.name);
    const report = refreshed.value;
    const problems = blockingIssues(report, sync);
    if (options.json === true) deps.stdout.write(`${JSON.stringify({ ...report, ok: problems.length === 0 })}\n`);
    else deps.stdout.write(renderProperties(report, sync));
    return problems.length === 0 ? exitCodes.ok : exitCodes.failed;
  });
}

/** Issues a run would stop on: a missing property is none when the sync creates missing ones. */
function blockingIssues(report: PropertiesReport, sync: OutboundSyncConfig): PropertiesReport["issues"] {
  const known = new Set(report.properties.map((p) => p.name));
  return report.issues.filter((issue) => !(sync.createMissingProperties && !known.has(issue.field)));
}

/** The properties (mapped ones first, with their column), then the match and the field map's problems. */
export function renderProperties(report: PropertiesReport, sync: OutboundSyncConfig): string {
  const mappedFrom = new Map(Object.entries(sync.fields).map(([field, mapping]) => [field, mapping.column ?? "(transforms)"]));
  const rows = [...report.properties]
    .sort((a, b) => Number(mappedFrom.has(b.name)) - Number(mappedFrom.has(a.name)) || a.name.localeCompare(b.name))
    .map((p) => [p.name, p.type, p.label, [p.hasUniqueValue ? "unique" : "", p.calculated || p.modificationMetadata?.readOnlyValue === true ? "read-only" : ""].filter((s) => s !== "").join(", "), mappedFrom.get(p.name) ?? ""]);
  const lines = [
    `${sync.name} → ${report.objectType}: ${report.properties.length} properties in HubSpot, read just now`,
    "",
    formatTable([{ heading: "property" }, { heading: "type" }, { heading: "label" }, { heading: "flags" }, { heading: "mapped from" }], rows).trimEnd(),
    "",
  ];
  if (report.match !== undefined) {
    lines.push(
      report.match.unique
        ? `match ${report.match.property}: identifies one record`
        : `match ${report.match.property}: not unique — each batch is matched by a search, and a value two records share is ambiguous (\`hubsync check\` suggests a fix)`,
    );
  }
  const known = new Set(report.properties.map((p) => p.name));
  const blocking = blockingIssues(report, sync);
  const toCreate = report.issues.filter((issue) => !blocking.includes(issue)).map((issue) => issue.field);
  if (toCreate.length > 0) lines.push(`to create on the next run (createMissingProperties): ${toCreate.join(", ")}`);
  if (blocking.length === 0) lines.push(`field map: all ${Object.keys(sync.fields).filter((f) => known.has(f)).length} mapped properties fit`);
  else {
    lines.push(`field map: ${blocking.length} problem${blocking.length === 1 ? "" : "s"} a run would stop on:`);
    for (const issue of blocking) lines.push(`  ${issue.message}`);
    lines.push("fix: correct fields: in hubsync.yaml (internal names, as listed above), create the property in HubSpot, or set createMissingProperties: true.");
  }
  return `${lines.join("\n")}\n`;
}

export function propertiesCommand(ctx: CommandContext): Command {
  const refresh = new Command("refresh")
    .summary("read an outbound sync's target properties from HubSpot again and check the field map")
    .description(
      "Reads the property definitions of an outbound sync's target object from HubSpot now — after a\n" +
        "property was created or changed there — and lists them (mapped ones first, with their column),\n" +
        "whether the match property identifies one record, and the field map's problems a run would\n" +
        "stop on. Every run reads them afresh too. Writes nothing; exits 1 when the field map has a problem.",
    )
    .argument("<sync>", "the outbound sync, as named under outbound: in the config")
    .option("--json", "print the report (every property, the issues) as one JSON object", false)
    .addHelpText("after", "\nExamples:\n  hubsync properties refresh users-to-contacts\n  hubsync properties refresh users-to-contacts --json | jq '.properties[].name'")
    .action(
      action(ctx, async (name: string, options: { json: boolean }, command: Command) => runPropertiesRefresh(ctx.deps, { ...globalOptions(command), name, json: options.json })),
    );
  return new Command("properties").summary("HubSpot properties of outbound targets (see `hubsync properties refresh --help`)").description("Reads the properties outbound syncs write.").addCommand(refresh);
}
