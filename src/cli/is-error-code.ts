import { errorCodes, type ErrorCode } from "../core/error-code.ts";

/** Whether a code that arrived as text (a run summary's, a stored run's) is one hubsync knows. */
export function isErrorCode(code: string): code is ErrorCode {
  return (errorCodes as readonly string[]).includes(code);
}
