import type { StoredRecord } from "../state/stored-record.ts";
import { parseCreationAssociations } from "./creation-associations.ts";
import { findConflict } from "./find-conflict.ts";
import type { ObjectContext } from "./object-context.ts";
import { propertyValuesError } from "./property-problem.ts";
import { requiredProperties } from "./required-properties.ts";
import type { UniqueClaims } from "./unique-claims.ts";
import { validateProperties } from "./validate-properties.ts";
import type { PreparedWrite } from "./write-plan.ts";

/** Checks a create (values, required properties, uniqueness, association targets) without writing. */
export function prepareCreate(ctx: ObjectContext, rawProperties: unknown, rawAssociations: unknown, claims: UniqueClaims): PreparedWrite {
  const validated = validateProperties(ctx.rules, rawProperties);
  if (!validated.ok) return validated;
  // An empty value on a new record is no value at all: reads give null for it.
  const values = Object.fromEntries(Object.entries(validated.values).filter(([, v]) => v !== ""));
  const missing = requiredProperties(ctx.portal, ctx.type).filter((name) => values[name] === undefined);
  if (missing.length > 0) {
    const problems = missing.map((name) => ({ name, error: "REQUIRED_PROPERTY" as const, message: `Required property ${name} is missing.` }));
    return { ok: false, error: propertyValuesError(problems, ctx.portal.id) };
  }
  const conflict = findConflict(ctx.store, values, undefined, claims);
  if (conflict !== undefined) return { ok: false, error: conflict };
  const associations = parseCreationAssociations(ctx.portal, ctx.type, rawAssociations);
  if (!associations.ok) return associations;
  claimUnique(ctx, values, undefined, claims);
  return { ok: true, plan: { kind: "create", values, associations: associations.associations } };
}

/** Checks an update of `record` without writing; clearing a value the record never had is no change. */
export function prepareUpdate(ctx: ObjectContext, record: StoredRecord, rawProperties: unknown, claims: UniqueClaims): PreparedWrite {
  const validated = validateProperties(ctx.rules, rawProperties);
  if (!validated.ok) return validated;
  const changes = Object.fromEntries(Object.entries(validated.values).filter(([name, v]) => v !== "" || record.properties[name] !== undefined));
  const missing = requiredProperties(ctx.portal, ctx.type).filter((name) => changes[name] === "");
  if (missing.length > 0) {
    const problems = missing.map((name) => ({ name, error: "REQUIRED_PROPERTY" as const, message: `Required property ${name} cannot be cleared.` }));
    return { ok: false, error: propertyValuesError(problems, ctx.portal.id) };
  }
  const conflict = findConflict(ctx.store, changes, record, claims);
  if (conflict !== undefined) return { ok: false, error: conflict };
  claimUnique(ctx, changes, record.id, claims);
  return { ok: true, plan: { kind: "update", record, changes } };
}

function claimUnique(ctx: ObjectContext, values: Readonly<Record<string, string>>, recordId: string | undefined, claims: UniqueClaims): void {
  for (const property of ctx.store.uniqueProperties) {
    const value = values[property];
    if (value !== undefined && value !== "") claims.claim(property, value, recordId);
  }
}
