import { Command } from "commander";
import { runInboundSync, runOutboundSync, runScheduler, type RunSync } from "../../sync/index.ts";
import type { CliDeps } from "../cli-deps.ts";
import { action, globalOptions, type CommandContext } from "../command-context.ts";
import { cliConfig } from "../context/cli-config.ts";
import { withRunSession } from "../context/run-session.ts";
import { exitCodes } from "../exit-code.ts";
import { renderOutboundSummary } from "../render/outbound-summary.ts";
import { renderRunSummary } from "../render/run-summary.ts";
import { failWith } from "./fail-with.ts";

export interface ScheduleOptions {
  config?: string;
  logLevel?: string;
}

const utc = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * Runs the config's syncs on their schedules until Ctrl+C: one process, one run at a time.
 * Each run's summary goes to stdout, the next due time to stderr. Ctrl+C stops the current run
 * after its page or batch (the next run resumes) and then the scheduler; it exits 130.
 */
export async function runSchedule(deps: CliDeps, options: ScheduleOptions): Promise<number> {
  const loaded = await cliConfig(deps, options.config);
  if (!loaded.ok) return failWith(deps, {}, loaded.error);
  const { config } = loaded.value;
  const all = [...config.inbound, ...config.outbound];
  const scheduled = all.filter((s) => s.schedule.kind === "cron");
  const manual = all.filter((s) => s.schedule.kind === "manual").map((s) => s.name);
  if (scheduled.length === 0) {
    deps.stderr.write(`Nothing to schedule: ${all.length === 0 ? "the config defines no syncs" : "every sync is manual"}. Run them with \`hubsync sync run\`.\n`);
    return exitCodes.ok;
  }
  deps.stderr.write(
    `Scheduling ${scheduled.map((s) => `${s.name} (${s.schedule.kind === "cron" ? s.schedule.text : "manual"})`).join(", ")}` +
      `${manual.length === 0 ? "" : `; manual, not scheduled: ${manual.join(", ")}`}. Times are UTC. Ctrl+C stops.\n`,
  );

  return withRunSession(deps, config, options, async (session) => {
    const runSync: RunSync = async (direction, name) => {
      deps.stderr.write(`${utc(deps.clock.now())}  running ${name}\n`);
      if (direction === "inbound") {
        const result = await runInboundSync(session.engine, config, name, { signal: session.signal });
        if (!result.ok) throw result.error;
        deps.stdout.write(`${renderRunSummary(result.value)}\n`);
      } else {
        const result = await runOutboundSync(session.engine, config, name, { signal: session.signal });
        if (!result.ok) throw result.error;
        deps.stdout.write(`${renderOutboundSummary(result.value)}\n`);
      }
    };
    let shown = "";
    await runScheduler({
      config,
      deps: { store: session.engine.store, logger: session.logger },
      clock: deps.clock,
      signal: session.signal,
      runSync,
      onNext: ({ name, at }) => {
        const line = `next: ${name} at ${utc(at)}`;
        if (line !== shown) deps.stderr.write(`${line}\n`);
        shown = line;
      },
    });
    return session.signal.aborted ? exitCodes.interrupted : exitCodes.ok;
  });
}

export function scheduleCommand(ctx: CommandContext): Command {
  return new Command("schedule")
    .summary("run syncs on their schedules, until Ctrl+C")
    .description(
      "Runs every sync whose `schedule` is not manual at its times (hourly, daily or a\n" +
        "cron expression, in UTC), one run at a time, in this one process, until stopped.\n" +
        "A sync's next time counts from its last finished run (`hubsync runs`): a time\n" +
        "missed while nothing ran is caught up once at start. A sync already running\n" +
        "elsewhere is skipped until its next time (SYNC_ALREADY_RUNNING); a failed run\n" +
        "is logged and the scheduler carries on. A summary follows each run.\n" +
        "Ctrl+C stops the current run after its page or batch (the next run resumes),\n" +
        "then the scheduler. Run one `hubsync schedule` per database: scheduling across\n" +
        "several machines is not built yet.",
    )
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  hubsync schedule                            # until Ctrl+C\n" +
        "  hubsync schedule --log-level debug 2>>hubsync.log  # logs to a file",
    )
    .action(action(ctx, async (_options: Record<string, never>, command: Command) => runSchedule(ctx.deps, globalOptions(command))));
}
