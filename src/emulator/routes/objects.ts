import type { Hono } from "hono";
import type { EmulatorEnv } from "../env.ts";
import { archiveRecord } from "../objects/archive-record.ts";
import { batchArchive } from "../objects/batch-archive.ts";
import { batchCreate } from "../objects/batch-create.ts";
import { batchRead } from "../objects/batch-read.ts";
import { batchUpdate } from "../objects/batch-update.ts";
import { batchUpsert } from "../objects/batch-upsert.ts";
import { createRecord } from "../objects/create-record.ts";
import { getRecord } from "../objects/get-record.ts";
import { listRecords } from "../objects/list-records.ts";
import { mergeRecords } from "../objects/merge-records.ts";
import { updateRecord } from "../objects/update-record.ts";
import type { EmulatorParts } from "../parts.ts";

/**
 * CRM objects v3 for every type the portal knows (built-in or custom, by name, type id,
 * singular or fully qualified name). Fixed paths (`merge`, `batch/*`) are registered before
 * `/{id}` so they are never read as ids.
 */
export function objectsRoutes(app: Hono<EmulatorEnv>, _parts: EmulatorParts): void {
  const base = "/crm/v3/objects/:type";
  app.get(base, listRecords);
  app.post(base, createRecord);
  app.post(`${base}/merge`, mergeRecords);
  app.post(`${base}/batch/read`, batchRead);
  app.post(`${base}/batch/create`, batchCreate);
  app.post(`${base}/batch/update`, batchUpdate);
  app.post(`${base}/batch/upsert`, batchUpsert);
  app.post(`${base}/batch/archive`, batchArchive);
  app.get(`${base}/:id`, getRecord);
  app.patch(`${base}/:id`, updateRecord);
  app.delete(`${base}/:id`, archiveRecord);
}
