import { Command } from "commander";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { createHubSpotClientFactory } from "../../sync/index.ts";
import { checkConnection, type ConnectionCheck } from "../check/check-connection.ts";
import { checkOutbound } from "../check/check-outbound.ts";
import type { OutboundCheck } from "../check/outbound-finding.ts";
import { renderConnectionCheck, renderFailure, renderOk, renderOutboundCheck } from "../check/render-check.ts";
import type { CliDeps } from "../cli-deps.ts";
import { action, globalOptions, type CommandContext } from "../command-context.ts";
import { cliConfig } from "../context/cli-config.ts";
import { describeStore } from "../context/describe-store.ts";
import { storeTarget, withStore } from "../context/open-cli-store.ts";
import { oauthTokenHooks } from "../context/persisted-oauth-tokens.ts";
import type { StoredOAuthTokens } from "../../store/index.ts";
import { errorJson, type ErrorJson } from "../error-json.ts";
import { exitCodeFor, exitCodes } from "../exit-code.ts";

export interface CheckOptions {
  config?: string;
  logLevel?: string;
  json?: boolean;
}

/**
 * Validates the config, opens (and migrates) the store, and for each connection reaches
 * HubSpot, reads the token's scopes and compares them, and the portal's custom objects, with
 * what the syncs need; then checks each outbound sync's source and HubSpot target. Exits
 * non-zero with the code of the first kind of problem found; warnings do not fail.
 */
export async function runCheck(deps: CliDeps, options: CheckOptions): Promise<number> {
  const out = (text: string): void => {
    if (options.json !== true) deps.stdout.write(text);
  };
  const logger = deps.logger(options.logLevel);
  const loaded = await cliConfig(deps, options.config);
  if (!loaded.ok) {
    if (options.json === true) deps.stdout.write(`${JSON.stringify({ ok: false, config: { ok: false, error: errorJson(loaded.error) } })}\n`);
    else out(renderFailure("config", loaded.error));
    return exitCodeFor(loaded.error.code);
  }
  const { path, config } = loaded.value;
  const streams = config.inbound.reduce((n, sync) => n + sync.streams.length, 0);
  const outboundSyncs = config.outbound.length === 0 ? "" : `, ${plural(config.outbound.length, "outbound sync")}`;
  out(renderOk(`config ${path}: ${plural(config.connections.length, "connection")}, ${plural(config.inbound.length, "inbound sync")} (${plural(streams, "stream")})${outboundSyncs}`));

  let exitCode: number = exitCodes.ok;
  const fail = (code: number): void => {
    if (exitCode === exitCodes.ok) exitCode = code;
  };

  let storeError: ErrorJson | undefined;
  try {
    await withStore(config.store, deps.clock, logger, async () => undefined);
    out(renderOk(`store ${describeStore(config.store)}: opened, schema up to date`));
  } catch (error) {
    if (!(error instanceof HubsyncError)) throw error;
    storeError = errorJson(error);
    out(renderFailure(`store ${describeStore(config.store)}`, error));
    fail(exitCodeFor(error.code));
  }

  // Reaching HubSpot may refresh an OAuth token; a rotated refresh token must be kept for the next run.
  const savedTokens = storeError === undefined ? await withStore(config.store, deps.clock, logger, (store) => store.loadOAuthTokens()) : new Map<string, StoredOAuthTokens>();
  const refreshedTokens = new Map<string, StoredOAuthTokens>();
  const tokenHooks = oauthTokenHooks(savedTokens, (key, tokens) => void refreshedTokens.set(key, tokens));
  const clientFor = createHubSpotClientFactory({ fetch: deps.fetch, clock: deps.clock, logger, ...tokenHooks });
  const checks: ConnectionCheck[] = [];
  for (const connection of config.connections) {
    const check = await checkConnection(clientFor(connection), config, connection);
    checks.push(check);
    out(renderConnectionCheck(check, connection));
    if (check.error !== undefined) fail(exitCodeFor(check.error.code));
    else if (check.missingScopes.length > 0) fail(exitCodeFor("HUBSPOT_MISSING_SCOPES"));
    else if (check.missingObjectTypes.length > 0) fail(exitCodeFor("HUBSPOT_NOT_FOUND"));
    else if (check.objectTypesUnchecked !== undefined) fail(exitCodeFor("HUBSPOT_MISSING_SCOPES"));
  }
  if (config.connections.length === 0) out("  (no connections configured: nothing to reach)\n");

  const outbound: OutboundCheck[] = [];
  for (const sync of config.outbound) {
    const connection = config.connections.find((c) => c.name === sync.connection);
    const reached = checks.find((c) => c.connection === sync.connection)?.error === undefined;
    const check = await checkOutbound(connection !== undefined && reached ? clientFor(connection) : undefined, sync, storeTarget(config.store));
    outbound.push(check);
    out(renderOutboundCheck(check));
    const failed = check.findings.find((f) => f.level === "fail");
    if (failed !== undefined) fail(exitCodeFor(failed.code ?? "HUBSPOT_NOT_FOUND"));
  }

  if (refreshedTokens.size > 0 && storeError === undefined) {
    await withStore(config.store, deps.clock, logger, async (store) => {
      for (const [key, tokens] of refreshedTokens) await store.saveOAuthTokens(key, tokens);
    });
  }

  if (options.json === true) {
    deps.stdout.write(
      `${JSON.stringify({
        ok: exitCode === exitCodes.ok,
        config: { ok: true, path, connections: config.connections.length, syncs: config.inbound.length, streams, outboundSyncs: config.outbound.length },
        store: { ok: storeError === undefined, store: describeStore(config.store), ...(storeError === undefined ? {} : { error: storeError }) },
        connections: checks.map(connectionJson),
        outbound: outbound.map((check) => ({ ...check, ok: !check.findings.some((f) => f.level === "fail") })),
      })}\n`,
    );
  } else {
    const warnings = outbound.reduce((n, check) => n + check.findings.filter((f) => f.level === "warn").length, 0);
    const warned = warnings === 0 ? "" : ` (${warnings} warning${warnings === 1 ? "" : "s"}: worth reading above)`;
    out(exitCode === exitCodes.ok ? `\nAll checks passed${warned}.\n` : "\nSome checks failed: see the fixes above.\n");
  }
  return exitCode;
}

function connectionJson(check: ConnectionCheck): Record<string, unknown> {
  return {
    name: check.connection,
    baseUrl: check.baseUrl,
    ok: check.error === undefined && check.missingScopes.length === 0 && check.missingObjectTypes.length === 0 && check.objectTypesUnchecked === undefined,
    ...(check.token === undefined ? {} : { portalId: check.token.hubId, tokenKind: check.token.kind, scopes: check.token.scopes }),
    scopesNeeded: check.needed.map((need) => need.scope),
    missingScopes: check.missingScopes,
    missingObjectTypes: check.missingObjectTypes,
    ...(check.objectTypesUnchecked === undefined ? {} : { objectTypesUnchecked: check.objectTypesUnchecked }),
    ...(check.error === undefined ? {} : { error: errorJson(check.error) }),
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function checkCommand(ctx: CommandContext): Command {
  return new Command("check")
    .summary("validate the config, the database and each HubSpot connection")
    .description(
      "Checks everything a sync needs before it runs:\n" +
        "  • the config: every problem, with its key path, line and fix;\n" +
        "  • the store: opens it and brings its tables up to date;\n" +
        "  • each connection: reaches HubSpot, reads the token's portal and scopes, lists the scopes the\n" +
        "    configured syncs need that the token lacks (and where to add them) — read scopes for inbound\n" +
        "    streams; write, schema and list scopes for outbound syncs — and the custom object types the\n" +
        "    streams name that the portal does not have;\n" +
        "  • each outbound sync: its source opens and has the columns the config names; HubSpot has the\n" +
        "    object (or customObject declares it), a match property with unique values (a warning, with a\n" +
        "    fix, otherwise), the mapped properties (or createMissingProperties), association targets and\n" +
        "    labels. Nothing is written.\n" +
        "Exits 0 when all is well, non-zero otherwise (see `hubsync --help` for the exit codes).",
    )
    .option("--json", "print the findings as one JSON object on stdout", false)
    .addHelpText("after", "\nExamples:\n  hubsync check\n  hubsync --config conf/prod.yaml check --json | jq .connections")
    .action(action(ctx, async (options: { json: boolean }, command: Command) => runCheck(ctx.deps, { ...globalOptions(command), json: options.json })));
}
