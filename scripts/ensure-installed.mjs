// Runs before `npm test` and `npm run demo` so that each is one command on a fresh clone:
// installs dependencies when node_modules is missing or older than the manifest.
// Plain JavaScript on purpose: it runs on whatever Node the machine has, before node@22 exists.
import { execSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const marker = "node_modules/.package-lock.json";
const manifests = ["package.json", "package-lock.json"].filter((f) => existsSync(f));
const stale = !existsSync(marker) || !existsSync("node_modules/.bin/node") ||
  manifests.some((f) => statSync(f).mtimeMs > statSync(marker).mtimeMs);

if (stale) {
  console.error("hubsync: installing dependencies (first run, or package.json changed)…");
  execSync("npm install --no-audit --no-fund", { stdio: "inherit" });
}
