import type { HubsyncError } from "../../core/hubsync-error.ts";
import type { CliDeps } from "../cli-deps.ts";
import { errorJson } from "../error-json.ts";
import { exitCodeFor } from "../exit-code.ts";
import { reportError } from "../report-error.ts";

/** An error before or instead of a result: words on stderr, or a JSON line on stdout with --json. */
export function failWith(deps: CliDeps, options: { json?: boolean }, error: HubsyncError, sync?: string): number {
  if (options.json === true) {
    deps.stdout.write(`${JSON.stringify({ ...(sync === undefined ? {} : { sync }), status: "failed", error: errorJson(error) })}\n`);
    return exitCodeFor(error.code);
  }
  return reportError(deps.stderr, error);
}
