import type { ApiError } from "../http/api-error.ts";
import type { StoredRecord } from "../state/stored-record.ts";
import type { CreationAssociation } from "./creation-associations.ts";

/** A validated write, ready to be applied: nothing is written until every check has passed. */
export type WritePlan =
  | { kind: "create"; values: Record<string, string>; associations: CreationAssociation[] }
  | { kind: "update"; record: StoredRecord; changes: Record<string, string> };

export type PreparedWrite = { ok: true; plan: WritePlan } | { ok: false; error: ApiError };
