import { ConfigInvalidError, formatKeyPath } from "../config/index.ts";
import type { HubsyncError } from "../core/hubsync-error.ts";
import { errorWords } from "./error-words.ts";

/** An error for `--json` output: code, message, fix, and each config problem with its key path. */
export interface ErrorJson {
  code: string;
  message: string;
  fix: string;
  subject?: string;
  issues?: { path: string; message: string; line?: number; column?: number }[];
}

export function errorJson(error: HubsyncError): ErrorJson {
  return {
    code: error.code,
    message: error.message,
    fix: error.details.fix ?? errorWords(error.code).fix,
    ...(error.details.subject === undefined ? {} : { subject: error.details.subject }),
    ...(error instanceof ConfigInvalidError
      ? {
          issues: error.issues.map((issue) => ({
            path: formatKeyPath(issue.path),
            message: issue.message,
            ...(issue.line === undefined ? {} : { line: issue.line }),
            ...(issue.column === undefined ? {} : { column: issue.column }),
          })),
        }
      : {}),
  };
}
