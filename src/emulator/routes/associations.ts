import type { Hono } from "hono";
import { batchAssociationRoutes } from "../associations/batch-routes.ts";
import { associationLabelRoutes } from "../associations/label-routes.ts";
import { recordAssociationRoutes } from "../associations/record-routes.ts";
import type { EmulatorEnv } from "../env.ts";
import type { EmulatorParts } from "../parts.ts";

/** Associations v4: one record's pairs, batch reads and writes, and the labels of each object pair. */
export function associationsRoutes(app: Hono<EmulatorEnv>, _parts: EmulatorParts): void {
  recordAssociationRoutes(app);
  batchAssociationRoutes(app);
  associationLabelRoutes(app);
}
