import { Command, Option } from "commander";
import type { EmulatorInfo } from "../../emulator/index.ts";
import { integerBetween } from "../parse-integer.ts";

interface EmulatorCommandOptions {
  port: number;
  host: string;
  seed: "empty" | "demo";
  size: "small" | "medium" | "large";
  token?: string;
  tier: "starter" | "professional" | "enterprise";
  oauthAutoApprove: boolean;
  json: boolean;
  contacts?: number;
  companies?: number;
  deals?: number;
  dataSeed: number;
  indexLag: number;
  rateLimits: boolean;
}

const count = integerBetween(0, 5_000_000);

export function emulatorCommand(): Command {
  return new Command("emulator")
    .summary("run a local HubSpot (the bundled emulator)")
    .description(
      "Runs a local HubSpot that speaks HubSpot's public API: CRM objects, search, associations, properties,\n" +
        "schemas, owners, pipelines, lists, OAuth, rate limits and webhooks. Point any HubSpot client at the\n" +
        "printed base URL with the printed token; the official SDK works unchanged (basePath).",
    )
    .option("--port <port>", "port to listen on (0 picks a free one)", integerBetween(0, 65535), 4010)
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .addOption(new Option("--seed <data>", "start empty or with demo data").choices(["empty", "demo"]).default("empty"))
    .addOption(new Option("--size <size>", "how much demo data (small ≈ 250 contacts, medium 10k, large 100k)").choices(["small", "medium", "large"]).default("small"))
    .option("--contacts <n>", "demo data: number of contacts (overrides --size)", count)
    .option("--companies <n>", "demo data: number of companies (overrides --size)", count)
    .option("--deals <n>", "demo data: number of deals (overrides --size)", count)
    .option("--data-seed <n>", "random seed of the demo data: the same seed gives the same portal", integerBetween(0, 2 ** 31), 1)
    .option("--token <token>", "use this private-app token instead of a generated one")
    .addOption(new Option("--tier <tier>", "the portal's subscription tier, which sets its rate limits").choices(["starter", "professional", "enterprise"]).default("professional"))
    .option("--oauth-auto-approve", "skip the OAuth consent page: /oauth/authorize redirects at once", false)
    .option("--index-lag <ms>", "how long a write takes to become visible to search", integerBetween(0, 600_000), 50)
    .option("--no-rate-limits", "turn rate limiting off")
    .option("--json", "print the connection facts as one JSON line on stdout (for scripts)", false)
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  hubsync emulator --seed demo                 # a small demo portal on http://127.0.0.1:4010\n" +
        "  hubsync emulator --seed demo --size large    # 100,000 contacts\n" +
        "  hubsync emulator --port 0 --json             # for scripts: first stdout line is JSON\n" +
        "\nThen, with the printed token:\n" +
        "  curl -H 'Authorization: Bearer <token>' http://127.0.0.1:4010/crm/v3/objects/contacts?limit=5\n" +
        "Control plane (reset, seed, clock, faults, stats): http://127.0.0.1:4010/__emulator/info",
    )
    .action(async (options: EmulatorCommandOptions) => {
      await runEmulator(options);
    });
}

async function runEmulator(options: EmulatorCommandOptions): Promise<void> {
  // Loaded here, not at the top: every other command would otherwise pay for the emulator and faker.
  const { createEmulator } = await import("../../emulator/index.ts");
  const { seedPortal } = await import("../../emulator/seed/seed-portal.ts");
  const { startEmulatorServer } = await import("../../emulator/server.ts");
  const emulator = createEmulator({
    ...(options.token === undefined ? {} : { token: options.token }),
    tier: options.tier,
    oauthAutoApprove: options.oauthAutoApprove,
    indexLagMs: options.indexLag,
    rateLimits: options.rateLimits,
    seed: options.dataSeed,
  });
  let seeded = "";
  if (options.seed === "demo") {
    const counts = {
      ...(options.contacts === undefined ? {} : { contacts: options.contacts }),
      ...(options.companies === undefined ? {} : { companies: options.companies }),
      ...(options.deals === undefined ? {} : { deals: options.deals }),
    };
    const report = seedPortal(emulator.parts.state.defaultPortal, { seed: options.dataSeed, size: options.size, counts });
    seeded = `${report.counts.contacts} contacts, ${report.counts.companies} companies, ${report.counts.deals} deals, ${report.counts.tickets} tickets, ${report.counts.engagements} engagements, ${report.counts.gifts} gifts (custom object) in ${report.ms} ms`;
  }
  const server = await startEmulatorServer(emulator, options.port, options.host);
  emulator.parts.webhooks.start(1000);
  const info = emulator.info();
  if (options.json) process.stdout.write(`${JSON.stringify(info)}\n`);
  else process.stdout.write(describe(info, seeded, options.tier));

  const stop = (): void => {
    emulator.parts.webhooks.stop();
    void server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

function describe(info: EmulatorInfo, seeded: string, tier: string): string {
  return [
    `HubSpot emulator listening on ${info.baseUrl}`,
    ``,
    `  portal (hub) id     ${info.portalId}  (${tier} tier)`,
    `  private-app token   ${info.token}`,
    `  OAuth client id     ${info.clientId}`,
    `  OAuth client secret ${info.clientSecret}`,
    `  app id              ${info.appId}`,
    `  developer API key   ${info.developerApiKey}`,
    `  data                ${seeded === "" ? "empty portal (default pipelines, one owner, default properties)" : seeded}`,
    ``,
    `Try:  curl -H 'Authorization: Bearer ${info.token}' '${info.baseUrl}/crm/v3/objects/contacts?limit=3'`,
    `SDK:  new Client({ accessToken: '${info.token}', basePath: '${info.baseUrl}' })`,
    `Control plane: ${info.baseUrl}/__emulator/info   Stop with Ctrl+C.`,
    ``,
  ].join("\n");
}
