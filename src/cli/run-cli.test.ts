import assert from "node:assert/strict";
import { after, test } from "node:test";
import { exitCodes } from "./exit-code.ts";
import { runCli } from "./run-cli.ts";
import { cliKit, mirrorConfig } from "./test-support/cli-test-kit.ts";

// The command line in-process: commander's parsing, global options in either position, help,
// and the exit code of each outcome — without a child process per case.
const kit = await cliKit();
after(() => kit.cleanup());
kit.emulator.control.seed({ counts: { owners: 1, companies: 2, contacts: 5, deals: 0, tickets: 0, products: 0, engagements: 0, gifts: 0 } });
const config = await kit.writeConfig(mirrorConfig("contacts:\nowners:"));

async function cli(args: string[], env = {}) {
  const { deps, stdout, stderr } = kit.deps(env);
  const code = await runCli(args, deps);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

test("--help teaches: the commands, a getting-started path and the exit codes; each command has examples", async () => {
  const help = await cli(["--help"]);
  assert.equal(help.code, exitCodes.ok);
  assert.match(help.stdout, /Commands:\n {2}init .*\n {2}check .*\n.*sync /s);
  assert.match(help.stdout, /Getting started:\n {2}hubsync init/);
  assert.match(help.stdout, /Exit codes:\n {2}0 ok · 1 finished with failures · 64 /);
  for (const command of [["init"], ["check"], ["sync", "run"], ["status"], ["runs"], ["logs"]]) {
    const sub = await cli([...command, "--help"]);
    assert.equal(sub.code, exitCodes.ok, command.join(" "));
    assert.match(sub.stdout, new RegExp(`Examples:\\n {2}hubsync .*${command[0]}`), command.join(" "));
  }
});

test("a wrong command line exits 64 with commander's message", async () => {
  const unknown = await cli(["frobnicate"]);
  assert.equal(unknown.code, exitCodes.usage);
  assert.match(unknown.stderr, /unknown command 'frobnicate'/);
  const badOption = await cli(["runs", "--limit", "0"]);
  assert.equal(badOption.code, exitCodes.usage);
  assert.match(badOption.stderr, /expected a whole number from 1 to 10000/);
  const badLevel = await cli(["logs", "abc", "--level", "loud"]);
  assert.equal(badLevel.code, exitCodes.usage);
  assert.match(badLevel.stderr, /Allowed choices are debug, info, warn, error/);
});

test("--config works before or after the command; HUBSYNC_CONFIG when absent", async () => {
  assert.equal((await cli(["--config", config, "sync", "run", "crm"])).code, exitCodes.ok);
  const after_ = await cli(["runs", "crm", "--config", config]);
  assert.equal(after_.code, exitCodes.ok, after_.stderr);
  assert.match(after_.stdout, /\n\S{8}\s+crm\s+succeeded\s/);
  const fromEnv = await cli(["status", "crm", "--json"], { HUBSYNC_CONFIG: config });
  assert.equal(fromEnv.code, exitCodes.ok, fromEnv.stderr);
  assert.equal((JSON.parse(fromEnv.stdout) as { sync: string }).sync, "crm");
});

test("exit codes: missing config 66, invalid config 78, unknown sync 64, sync and --all together 64, success 0", async () => {
  assert.equal((await cli(["--config", `${kit.dir}/none.yaml`, "check"])).code, exitCodes.noInput);
  const invalid = await kit.writeConfig("version: 2\n", "v2.yaml");
  const bad = await cli(["--config", invalid, "runs"]);
  assert.equal(bad.code, exitCodes.config);
  assert.match(bad.stderr, /error: The configuration is invalid \(CONFIG_INVALID\)\n.*\n.*version/);
  assert.equal((await cli(["--config", config, "sync", "run", "nope"])).code, exitCodes.usage);
  const both = await cli(["--config", config, "sync", "run", "crm", "--all"]);
  assert.equal(both.code, exitCodes.usage);
  assert.match(both.stderr, /name one sync or pass --all, not both/);
  const none = await cli(["--config", config, "sync", "run"]);
  assert.equal(none.code, exitCodes.usage);
  assert.match(none.stderr, /fix: Name one \(crm\) or pass --all\./);
  assert.equal((await cli(["--config", config, "sync", "run", "--all", "--stream", "owners"])).code, exitCodes.ok);
  const dryInbound = await cli(["--config", config, "sync", "run", "crm", "--dry-run"]);
  assert.equal(dryInbound.code, exitCodes.usage);
  assert.match(dryInbound.stderr, /--dry-run plans outbound syncs; "crm" is an inbound sync\nfix: Drop --dry-run/);
  const dryAll = await cli(["--config", config, "sync", "run", "--all", "--dry-run"]);
  assert.equal(dryAll.code, exitCodes.ok);
  assert.equal(dryAll.stderr, "--dry-run: 1 inbound sync skipped (a dry run plans outbound syncs only).\n");
  assert.equal(dryAll.stdout, "");
});
