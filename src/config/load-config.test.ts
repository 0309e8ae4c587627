import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, before, describe, it } from "node:test";
import { configPath } from "./config-path.ts";
import { loadConfig } from "./load-config.ts";

describe("loadConfig", () => {
  let dir = "";
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "hubsync-config-"));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads the file and resolves a relative SQLite store against the file's folder", async () => {
    const path = join(dir, "hubsync.yaml");
    await writeFile(path, "version: 1\nstore: sqlite:./data/mirror.db\n");
    const result = await loadConfig(relative(process.cwd(), path), {});
    if (!result.ok) assert.fail(result.error.message);
    assert.deepEqual(result.value.store, { kind: "sqlite", path: join(dir, "data", "mirror.db") });
  });

  it("CONFIG_NOT_FOUND tells the user how to create one", async () => {
    const result = await loadConfig(join(dir, "missing.yaml"), {});
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.code, "CONFIG_NOT_FOUND");
    assert.equal(result.error.message, `no config file at ${join(dir, "missing.yaml")}`);
    assert.match(result.error.details.fix ?? "", /hubsync init/);
  });

  it("CONFIG_NOT_FOUND for a path that is not a readable file", async () => {
    const result = await loadConfig(dir, {});
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.code, "CONFIG_NOT_FOUND");
    assert.match(result.error.message, /cannot read the config file .* \(EISDIR\)/);
  });

  it("CONFIG_INVALID names the file and positions in it", async () => {
    const path = join(dir, "bad.yaml");
    await writeFile(path, "version: 1\nstore: mirror.csv\n");
    const result = await loadConfig(path, {});
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.code, "CONFIG_INVALID");
    assert.equal(result.error.details.subject, path);
    assert.match(result.error.message, new RegExp(`store: expected .*; got "mirror\\.csv" \\(${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:2:1\\)`));
  });
});

describe("configPath", () => {
  it("prefers the explicit path, then HUBSYNC_CONFIG, then ./hubsync.yaml", () => {
    assert.equal(configPath("a.yaml", { HUBSYNC_CONFIG: "b.yaml" }), "a.yaml");
    assert.equal(configPath(undefined, { HUBSYNC_CONFIG: "b.yaml" }), "b.yaml");
    assert.equal(configPath(undefined, { HUBSYNC_CONFIG: "" }), "hubsync.yaml");
    assert.equal(configPath(undefined, {}), "hubsync.yaml");
  });
});
