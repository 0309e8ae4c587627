import type { RunStatus } from "../store/index.ts";
import { exitCodeFor, exitCodes } from "./exit-code.ts";
import { isErrorCode } from "./is-error-code.ts";

/**
 * A finished run's exit code, for inbound and outbound alike: succeeded → 0; cancelled → 130;
 * failed → the code of what stopped it (1 when unknown).
 */
export function runExitCode(run: { status: RunStatus; error?: { code: string } }): number {
  switch (run.status) {
    case "succeeded":
      return exitCodes.ok;
    case "cancelled":
      return exitCodes.interrupted;
    case "failed": {
      const code = run.error?.code;
      return code !== undefined && isErrorCode(code) ? exitCodeFor(code) : exitCodes.failed;
    }
    case "queued":
    case "running":
      return exitCodes.failed;
    default: {
      const _exhaustive: never = run.status;
      return _exhaustive;
    }
  }
}
