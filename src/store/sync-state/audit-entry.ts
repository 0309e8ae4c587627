import type { Selectable } from "kysely";
import { hubSpotId, runId, type HubSpotId, type RunId } from "../../core/ids.ts";
import { readCount, readJson, readRequiredTimestamp } from "../sql/read-value.ts";
import type { DbAuditEntry } from "../store-schema.ts";

export const auditLevels = ["debug", "info", "warn", "error"] as const;
export type AuditLevel = (typeof auditLevels)[number];

export interface AuditEntryInput {
  runId?: RunId | null;
  level: AuditLevel;
  stream?: string | null;
  recordId?: string | null;
  /** What happened, as a short verb phrase ("upserted", "coercion_failed", "swept"). */
  action: string;
  /** What a person reads on the status page. */
  message: string;
  details?: unknown;
}

export interface AuditEntry {
  id: number;
  runId: RunId | null;
  at: string;
  level: AuditLevel;
  stream: string | null;
  recordId: HubSpotId | null;
  action: string;
  message: string;
  details: unknown;
}

export function auditEntryFromRow(row: Selectable<DbAuditEntry>): AuditEntry {
  const level = auditLevels.find((l) => l === row.level);
  if (level === undefined) throw new TypeError(`audit_log ${row.id} has unknown level ${row.level}`);
  return {
    id: readCount(row.id),
    runId: row.run_id === null ? null : runId(row.run_id),
    at: readRequiredTimestamp(row.at),
    level,
    stream: row.stream,
    recordId: row.record_id === null ? null : hubSpotId(row.record_id),
    action: row.action,
    message: row.message,
    details: row.details_json === null ? null : readJson(row.details_json),
  };
}
