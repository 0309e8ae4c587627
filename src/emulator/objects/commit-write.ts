import type { StoredRecord } from "../state/stored-record.ts";
import type { ObjectContext } from "./object-context.ts";
import type { WritePlan } from "./write-plan.ts";

/** Applies a prepared write to the store (and a create's associations), stamped with the clock's now. */
export function commitWrite(ctx: ObjectContext, plan: WritePlan): StoredRecord {
  const at = ctx.now();
  if (plan.kind === "update") {
    ctx.store.update(plan.record, plan.changes, ctx.source, at);
    return plan.record;
  }
  const record = ctx.store.create(plan.values, ctx.source, at);
  for (const association of plan.associations) {
    ctx.portal.associations.associate(ctx.type, record.id, association.to, association.toId, association.types, ctx.source, at);
  }
  return record;
}
