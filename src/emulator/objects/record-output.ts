import { recordView, type ReadSelection, type RecordView } from "../http/record-view.ts";
import type { StoredRecord } from "../state/stored-record.ts";
import type { ObjectContext } from "./object-context.ts";

/** A record in a v3 answer: the plain view plus what some answers add. */
export type RecordOutput = RecordView & {
  associations?: Record<string, { results: Array<{ id: string; type: string }> }>;
  objectWriteTraceId?: string;
  new?: boolean;
};

/** What a read asked for: properties (with history) and the association types to include. */
export interface ReadRequest {
  selection: ReadSelection;
  associations: string[];
}

/** A record as a read returns it; `associations` appears only for types it has associations with. */
export function readOutput(ctx: ObjectContext, record: StoredRecord, request: ReadRequest): RecordOutput {
  const output: RecordOutput = recordView(record, request.selection);
  if (request.associations.length > 0) {
    const view = ctx.portal.associations.v3View(ctx.type, record.id, request.associations);
    const present = Object.entries(view).filter(([, group]) => group.results.length > 0);
    if (present.length > 0) output.associations = Object.fromEntries(present);
  }
  return output;
}

/** A record as a write returns it: every property that holds a value, as HubSpot answers creates and updates. */
export function writeOutput(record: StoredRecord, traceId?: string): RecordOutput {
  const selection: ReadSelection = { properties: Object.keys(record.properties).sort(), withHistory: [] };
  const output: RecordOutput = recordView(record, selection);
  if (traceId !== undefined) output.objectWriteTraceId = traceId;
  return output;
}
