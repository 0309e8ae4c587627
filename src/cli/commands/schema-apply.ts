import { Command } from "commander";
import { applyOutboundSchema } from "../../sync/index.ts";
import type { CliDeps } from "../cli-deps.ts";
import { action, globalOptions, type CommandContext } from "../command-context.ts";
import { withOutboundSync } from "../context/with-outbound-sync.ts";
import { exitCodes } from "../exit-code.ts";
import { failWith } from "./fail-with.ts";

export interface SchemaApplyOptions {
  config?: string;
  logLevel?: string;
  /** The outbound sync whose object to prepare. */
  name: string;
  json?: boolean;
}

/**
 * Creates what an outbound sync writes into, before it runs: the custom object declared under
 * `customObject` (schema, properties, association types) when the portal lacks it, and the
 * mapped properties the object lacks when `createMissingProperties` is on. Safe to repeat.
 */
export async function runSchemaApply(deps: CliDeps, options: SchemaApplyOptions): Promise<number> {
  return withOutboundSync(deps, options, async ({ config, sync, session: { engine } }) => {
    const applied = await applyOutboundSchema(engine, config, sync.name);
    if (!applied.ok) return failWith(deps, options, applied.error, sync.name);
    const { schemaCreated, propertiesCreated } = applied.value;
    if (options.json === true) {
      deps.stdout.write(`${JSON.stringify({ sync: sync.name, objectType: sync.objectType, schemaCreated, propertiesCreated })}\n`);
      return exitCodes.ok;
    }
    const object = sync.objectType;
    const lines = [
      sync.customObject === undefined
        ? `${object}: no customObject declared, so no schema to create`
        : schemaCreated
          ? `${object}: created the custom object "${sync.customObject.labels.plural}" from customObject`
          : `${object}: the custom object exists already`,
      propertiesCreated.length === 0 ? `${object}: no property missing` : `${object}: created ${propertiesCreated.length} propert${propertiesCreated.length === 1 ? "y" : "ies"}: ${propertiesCreated.join(", ")}`,
    ];
    deps.stdout.write(`${lines.join("\n")}\n`);
    return exitCodes.ok;
  });
}

export function schemaCommand(ctx: CommandContext): Command {
  const apply = new Command("apply")
    .summary("create an outbound sync's custom object and missing properties in HubSpot")
    .description(
      "Prepares the portal for an outbound sync, before its first run (which does the same by itself):\n" +
        "  • creates the custom object declared under customObject: — schema, properties, the unique\n" +
        "    property, association types — when the portal does not have it yet;\n" +
        "  • creates the mapped properties the object lacks when createMissingProperties: true.\n" +
        "Nothing that exists is changed, so it is safe to run again.",
    )
    .argument("<sync>", "the outbound sync, as named under outbound: in the config")
    .option("--json", "print what was created as one JSON object", false)
    .addHelpText("after", "\nExamples:\n  hubsync schema apply gifts\n  hubsync schema apply gifts --json | jq .propertiesCreated")
    .action(
      action(ctx, async (name: string, options: { json: boolean }, command: Command) => runSchemaApply(ctx.deps, { ...globalOptions(command), name, json: options.json })),
    );
  return new Command("schema").summary("custom object schemas (see `hubsync schema apply --help`)").description("Manages the HubSpot objects outbound syncs write into.").addCommand(apply);
}
