import type { OutboundSyncConfig } from "../../config/index.ts";
import { mapRow, parseAssociationValues, rowHash, type AssociationValue } from "../../mapping/index.ts";
import type { SourceRow } from "../../sources/index.ts";
import type { OutboundTarget } from "./outbound-target.ts";

/** A source row as it would be sent: properties, association targets, content hashes. */
export interface PlannedRow {
  key: string;
  line?: number;
  /** HubSpot properties, coerced; includes the match property's value when matching by one. */
  properties: Record<string, string>;
  /** The value that finds the row's record (a record id, an email…); undefined when empty. */
  matchValue: string | undefined;
  /** Association key → the targets the row names (derived associations: always empty). */
  targets: Record<string, AssociationValue[]>;
  /** Properties and targets: equal to the stored hash means nothing to send. */
  hash: string;
  /** Properties only: equal to the stored one means the record itself needs no call. */
  propertiesHash: string;
}

/** Hashed with create mode's rows (never a property name): switching to update or upsert sends them again. */
const createModeMarker = "\u0000mode";

/** Why a row cannot be sent, in the user's terms. */
export interface RowProblem {
  field?: string;
  column?: string;
  reason: string;
  /** `row "42", property "amount" (column "mrr"): "12abc" is not a number` */
  message: string;
}

export type RowPlan = { ok: true; row: PlannedRow } | { ok: false; key: string; line?: number; problems: RowProblem[] };

/** The labels HubSpot has per target type (`apiType` → labels), read before a page is planned. */
export type KnownLabels = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Maps one source row: the field map with coercion, the match value, each association's
 * targets (the association's label given to values that name none) and the hashes. Every
 * problem of the row is reported at once; a row with any is not sent (a part of a row could
 * remove the rest of its associations).
 */
export function planRow(row: SourceRow, sync: OutboundSyncConfig, target: OutboundTarget, labels: KnownLabels, unread?: Set<string>): RowPlan {
  const problems: RowProblem[] = [];
  const mapped = mapRow(row.values, sync.fields, { rowKey: row.key, properties: target.properties, numberFormat: sync.numberFormat });
  for (const error of mapped.errors) problems.push({ field: error.field, ...(error.column === undefined ? {} : { column: error.column }), reason: error.reason, message: error.message });
  const properties = { ...mapped.properties };

  let matchValue: string | undefined;
  const match = target.match;
  if (match.kind !== "none") {
    const mappedValue = match.kind === "id" ? undefined : properties[match.property];
    const raw = row.values[match.column];
    if (mappedValue !== undefined && mappedValue !== "") matchValue = mappedValue;
    else if (typeof raw === "string" || typeof raw === "number" || typeof raw === "bigint") matchValue = String(raw).trim() === "" ? undefined : String(raw).trim();
    else if (raw !== null && raw !== undefined) {
      problems.push({ column: match.column, reason: "is not text or a number", message: `row "${row.key}", match column "${match.column}": ${JSON.stringify(raw)} is not text or a number` });
    }
    if (match.kind === "id" && matchValue !== undefined && !/^\d+$/.test(matchValue)) {
      problems.push({ column: match.column, reason: "is not a record id", message: `row "${row.key}", match column "${match.column}": ${JSON.stringify(matchValue)} is not a HubSpot record id (digits)` });
    }
    if (match.kind !== "id" && matchValue !== undefined && properties[match.property] === undefined) properties[match.property] = matchValue;
  }

  const targets: Record<string, AssociationValue[]> = {};
  for (const plan of target.associations) {
    if (plan.derived !== undefined) {
      targets[plan.key] = [];
      continue;
    }
    const { column, label } = plan.config;
    const parsed = parseAssociationValues(Object.hasOwn(row.values, column) ? row.values[column] : null, { rowKey: row.key, column });
    if (!parsed.ok) {
      for (const error of parsed.error) problems.push({ column, reason: error.reason, message: error.message });
      continue;
    }
    const known = labels.get(plan.toType.apiType);
    const values: AssociationValue[] = [];
    for (const value of parsed.value) {
      const withLabel = value.label === null && label !== undefined ? { key: value.key, label } : value;
      if (withLabel.label !== null && known === undefined) unread?.add(plan.toType.apiType);
      if (withLabel.label !== null && known !== undefined && !known.has(withLabel.label)) {
        problems.push({
          column,
          reason: `names the association label "${withLabel.label}", which does not exist from ${target.type.storeType} to ${plan.toType.storeType} in HubSpot`,
          message: `row "${row.key}", column "${column}": the association label "${withLabel.label}" does not exist from ${target.type.storeType} to ${plan.toType.storeType} in HubSpot (labels there: ${[...known].join(", ") || "none"})`,
        });
        continue;
      }
      if (plan.lookup === "id" && !/^\d+$/.test(withLabel.key)) {
        problems.push({ column, reason: `${JSON.stringify(withLabel.key)} is not a record id`, message: `row "${row.key}", column "${column}": ${JSON.stringify(withLabel.key)} is not a HubSpot record id (set by: to the property the values are)` });
        continue;
      }
      values.push(withLabel);
    }
    targets[plan.key] = values;
  }
  if (problems.length > 0) return { ok: false, key: row.key, ...(row.line === undefined ? {} : { line: row.line }), problems };
  // Create mode leaves existing records as they are: what it stored says nothing of what update or upsert would send.
  const hashed = sync.mode === "create" ? { ...properties, [createModeMarker]: "create" } : properties;
  const planned: PlannedRow = {
    key: row.key,
    properties,
    matchValue,
    targets,
    hash: rowHash({ properties: hashed, associations: targets }),
    propertiesHash: rowHash({ properties: hashed }),
  };
  if (row.line !== undefined) planned.line = row.line;
  return { ok: true, row: planned };
}

/**
 * Plans a page of rows. Labels are read from HubSpot only for target types whose values in
 * the page name one (once per type and run; the catalog caches them), then checked.
 */
export async function planPage(rows: readonly SourceRow[], sync: OutboundSyncConfig, target: OutboundTarget, labels: Map<string, ReadonlySet<string>>): Promise<RowPlan[]> {
  const unread = new Set<string>();
  const plans = rows.map((row) => planRow(row, sync, target, labels, unread));
  if (unread.size === 0 || target.missingObject) return plans;
  for (const type of unread) {
    const known = await target.labels.labels(type);
    labels.set(type, new Set(known.flatMap((l) => (l.label === null ? [] : [l.label]))));
  }
  return rows.map((row) => planRow(row, sync, target, labels));
}
