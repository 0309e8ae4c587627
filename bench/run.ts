/**
 * `npm run bench [-- name...]`: runs every `bench/*.bench.ts` (or those whose file name
 * contains one of the names given) and prints one JSON line per result, so the output can be
 * piped straight into a file, `jq`, or a CI comparison.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Bench, BenchResult } from "./bench-result.ts";

const dir = new URL("./", import.meta.url);
const wanted = process.argv.slice(2);
const files = readdirSync(fileURLToPath(dir))
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.includes(name)))
  .sort();

if (files.length === 0) {
  console.error(`no bench/*.bench.ts matches ${wanted.join(", ")}`);
  process.exitCode = 1;
}

let failed = false;
for (const file of files) {
  const module = (await import(new URL(file, dir).href)) as { default?: Bench };
  if (typeof module.default !== "function") {
    console.error(`${file}: no default export to run`);
    failed = true;
    continue;
  }
  try {
    const results: AsyncIterable<BenchResult> | Iterable<BenchResult> = await module.default();
    for await (const result of results) console.log(JSON.stringify(result));
  } catch (error) {
    console.error(`${file} failed:`, error);
    failed = true;
  }
}
if (failed) process.exitCode = 1;
