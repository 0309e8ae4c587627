import type { SeededCompany } from "./seed-companies.ts";
import type { SeededContact } from "./seed-contacts.ts";
import type { SeedContext } from "./seed-context.ts";
import { sortedPastTimes } from "./sorted-times.ts";

export interface SeededDeal {
  id: string;
  contactId: string | undefined;
}

const DAY_MS = 24 * 3600 * 1000;
const frequencies = ["monthly", "quarterly", "annually"];

/** Deals across every stage of the default pipeline, tied to a company and its contacts; a third walked stages over time. */
export function seedDeals(ctx: SeedContext, count: number, companies: SeededCompany[], contacts: SeededContact[], ownerIds: string[]): SeededDeal[] {
  const { faker, portal } = ctx;
  const dealType = portal.resolveType("deals");
  const store = portal.store(dealType);
  const pipeline = portal.pipelines.get("deals", "default");
  const stages = pipeline?.stages.map((s) => s.id) ?? [];
  const times = sortedPastTimes(ctx, count);
  const deals: SeededDeal[] = [];
  for (let i = 0; i < count; i++) {
    const at = times[i] ?? ctx.anchor;
    const company = companies.length > 0 ? ctx.pick(companies) : undefined;
    const contact = contacts.length > 0 ? ctx.pick(contacts) : undefined;
    const stageIndex = faker.number.int({ min: 0, max: Math.max(0, stages.length - 1) });
    const properties: Record<string, string> = {
      dealname: `${company?.name ?? faker.company.name()} - ${faker.commerce.productName()}`,
      amount: String(faker.number.int({ min: 5, max: 2_000 }) * 100),
      closedate: new Date(at + faker.number.int({ min: 7, max: 120 }) * DAY_MS).toISOString(),
      pipeline: "default",
      dealstage: stages[Math.min(1, stageIndex)] ?? "appointmentscheduled",
      dealtype: ctx.pick(["newbusiness", "existingbusiness"]),
      hubspot_owner_id: ctx.pick(ownerIds),
    };
    if (ctx.chance(0.3)) properties["recurringbillingfrequency"] = ctx.pick(frequencies);
    const record = store.create(properties, ctx.importSource, at);
    let when = at;
    // A deal walks the open stages towards its final one; a lost deal was never won first.
    const walk = stages.slice(2, stageIndex + 1).filter((stage, k, all) => !(stage === "closedwon" && all[k + 1] === "closedlost"));
    for (const stage of walk) {
      when = ctx.timeAfter(when);
      store.update(record, { dealstage: stage }, { sourceType: "CRM_UI", updatedByUserId: 1 }, when);
    }
    if (company !== undefined) {
      portal.associations.associate(dealType, record.id, portal.resolveType("companies"), company.id, [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 5 }], ctx.importSource, at);
    }
    if (contact !== undefined) {
      portal.associations.associate(dealType, record.id, portal.resolveType("contacts"), contact.id, [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 3 }], ctx.importSource, at);
    }
    deals.push({ id: record.id, contactId: contact?.id });
  }
  return deals;
}
