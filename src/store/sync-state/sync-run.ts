import type { Selectable } from "kysely";
import { z } from "zod";
import { runId, syncId, type RunId, type SyncId } from "../../core/ids.ts";
import { readJson, readRequiredTimestamp, readTimestamp } from "../sql/read-value.ts";
import type { DbSyncRun } from "../store-schema.ts";
import { isRunStatus, type RunStatus } from "./run-status.ts";

/** Counters a run keeps, by name (for example "contacts.upserted"). */
export type RunCounts = Record<string, number>;

/** One failure a run reports (a record that could not be written, a stream that failed). */
export interface RunError {
  message: string;
  code?: string;
  stream?: string;
  recordId?: string;
}

export interface SyncRun {
  id: RunId;
  sync: SyncId;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  counts: RunCounts;
  apiCalls: number;
  errors: RunError[];
  errorMessage: string | null;
}

const countsSchema = z.record(z.string(), z.number());
const errorsSchema = z.array(
  z.object({ message: z.string(), code: z.string().optional(), stream: z.string().optional(), recordId: z.string().optional() }),
);

export function runFromRow(row: Selectable<DbSyncRun>): SyncRun {
  if (!isRunStatus(row.status)) throw new TypeError(`sync_runs ${row.id} has unknown status ${row.status}`);
  return {
    id: runId(row.id),
    sync: syncId(row.sync),
    status: row.status,
    startedAt: readRequiredTimestamp(row.started_at),
    finishedAt: readTimestamp(row.finished_at),
    counts: countsSchema.parse(readJson(row.counts_json)),
    apiCalls: Number(row.api_calls),
    errors: errorsSchema.parse(readJson(row.errors_json)).map(withoutUndefined),
    errorMessage: row.error_message,
  };
}

// zod's optional keys come back as `key: undefined`, which exactOptionalPropertyTypes rejects.
function withoutUndefined(e: { message: string; code?: string | undefined; stream?: string | undefined; recordId?: string | undefined }): RunError {
  return {
    message: e.message,
    ...(e.code === undefined ? {} : { code: e.code }),
    ...(e.stream === undefined ? {} : { stream: e.stream }),
    ...(e.recordId === undefined ? {} : { recordId: e.recordId }),
  };
}
