import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, test } from "node:test";
import { exitCodes } from "../exit-code.ts";
import { cliKit } from "../test-support/cli-test-kit.ts";
import { runCheck } from "./check.ts";
import { runInit } from "./init.ts";

const kit = await cliKit();
after(() => kit.cleanup());

test("init writes the starter config, and check accepts it against a portal", async () => {
  const path = join(kit.dir, "starter.yaml");
  const { deps, stdout } = kit.deps();
  assert.equal(await runInit(deps, { config: path }), exitCodes.ok);
  assert.match(stdout.text(), /Wrote .*starter\.yaml/);
  assert.match(await readFile(path, "utf8"), /token: \$\{HUBSPOT_TOKEN\}/);

  const checked = kit.deps();
  const code = await runCheck(checked.deps, { config: path });
  assert.equal(code, exitCodes.ok, checked.stdout.text() + checked.stderr.text());
  assert.match(checked.stdout.text(), /All checks passed/);
  assert.match(checked.stdout.text(), /store SQLite .*hubsync\.db: opened/);
});

test("init refuses to replace an existing file unless --force", async () => {
  const path = join(kit.dir, "existing.yaml");
  const first = kit.deps();
  assert.equal(await runInit(first.deps, { config: path }), exitCodes.ok);
  const second = kit.deps();
  assert.equal(await runInit(second.deps, { config: path, store: "sqlite:./other.db" }), exitCodes.cantCreate);
  assert.match(second.stderr.text(), /already exists.*\n.*--force/);
  assert.doesNotMatch(await readFile(path, "utf8"), /other\.db/);

  const forced = kit.deps();
  assert.equal(await runInit(forced.deps, { config: path, store: "sqlite:./other.db", force: true }), exitCodes.ok);
  assert.match(await readFile(path, "utf8"), /store: "sqlite:\.\/other\.db"/);
});

test("init takes the path from HUBSYNC_CONFIG and rejects a store URL it cannot read", async () => {
  const path = join(kit.dir, "from-env.yaml");
  const bad = kit.deps({ HUBSYNC_CONFIG: path });
  assert.equal(await runInit(bad.deps, { store: "mysql://db/crm" }), exitCodes.usage);
  assert.match(bad.stderr.text(), /--store "mysql:\/\/db\/crm": expected sqlite:/);

  const good = kit.deps({ HUBSYNC_CONFIG: path });
  assert.equal(await runInit(good.deps, { store: "${DATABASE_URL}" }), exitCodes.ok);
  assert.match(await readFile(path, "utf8"), /store: "\$\{DATABASE_URL\}"/);
});
