import { fixedObjectColumns, type ObjectColumn, type ObjectTable } from "./object-table.ts";
import { worstCaseWidth } from "./column-width.ts";
import { sanitizeIdentifier, uniqueIdentifier } from "./sanitize-identifier.ts";
import { valueKindOf } from "./value-kind.ts";

/** A HubSpot property as ensureObjectTable needs it: its internal name and HubSpot type. */
export interface ObjectPropertyInput {
  name: string;
  /** string | number | date | datetime | enumeration | bool | phone_number (others are kept as text). */
  type: string;
}

/** A property whose HubSpot type moved to another column kind; the column keeps its first type. */
export interface PropertyTypeChange {
  property: string;
  column: string;
  from: string;
  to: string;
}

export interface ColumnPlan {
  added: ObjectColumn[];
  /** Registered properties whose latest HubSpot type differs from what was recorded. */
  retyped: { property: string; latestHubspotType: string }[];
  typeChanges: PropertyTypeChange[];
  /** Properties beyond the column or row-width limit: their values live in properties_json only. */
  untyped: string[];
}

/** What ensureObjectTable must change: never drops or retypes a column, only adds. */
export async function planColumns(
  table: ObjectTable,
  properties: readonly ObjectPropertyInput[],
  physicalColumns: ReadonlySet<string>,
  maxTypedColumns: number,
  /** Worst-case bytes the typed columns may take in one row (PostgreSQL's ~8 KB row limit). */
  maxTypedRowBytes: number = Number.POSITIVE_INFINITY,
): Promise<ColumnPlan> {
  const byProperty = new Map(table.columns.map((c) => [c.property, c]));
  const taken = new Set<string>([...fixedObjectColumns, ...physicalColumns, ...table.columns.map((c) => c.column)]);
  const wanted = new Map(properties.map((p) => [p.name, p]));
  const plan: ColumnPlan = { added: [], retyped: [], typeChanges: [], untyped: [] };
  let typedCount = table.columns.length;
  let typedWidth = table.columns.reduce((sum, c) => sum + worstCaseWidth(c.kind), 0);
  for (const property of wanted.values()) {
    const existing = byProperty.get(property.name);
    if (existing !== undefined) {
      if (existing.latestHubspotType !== property.type) {
        plan.retyped.push({ property: property.name, latestHubspotType: property.type });
      }
      if (valueKindOf(property.type) !== existing.kind && existing.latestHubspotType !== property.type) {
        plan.typeChanges.push({ property: property.name, column: existing.column, from: existing.hubspotType, to: property.type });
      }
      continue;
    }
    const width = worstCaseWidth(valueKindOf(property.type));
    if (typedCount >= maxTypedColumns || typedWidth + width > maxTypedRowBytes) {
      plan.untyped.push(property.name);
      continue;
    }
    const column = await uniqueIdentifier(sanitizeIdentifier(property.name), property.name, (name) => taken.has(name));
    taken.add(column);
    typedCount += 1;
    typedWidth += width;
    plan.added.push({
      property: property.name,
      column,
      hubspotType: property.type,
      latestHubspotType: property.type,
      kind: valueKindOf(property.type),
    });
  }
  return plan;
}
