import type { SeededCompany } from "./seed-companies.ts";
import type { SeedContext } from "./seed-context.ts";
import { sortedPastTimes } from "./sorted-times.ts";

export interface SeededContact {
  id: string;
  email: string;
  companyId: string | undefined;
}

const leadStatuses = ["NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL", "UNQUALIFIED", "ATTEMPTED_TO_CONTACT", "CONNECTED"];
/** The path a contact walks through the funnel; history records each step. */
const funnel = ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer"];
const personalDomains = ["gmail.com", "outlook.com", "yahoo.com", "proton.me"];

/**
 * Contacts with unique primary emails, most at a company (primary association), some
 * near-duplicates of another contact (same person, personal address), some with secondary
 * emails, and a quarter with a lifecycle-stage history.
 */
export function seedContacts(ctx: SeedContext, count: number, companies: SeededCompany[], ownerIds: string[]): SeededContact[] {
  const { faker, portal } = ctx;
  const contactType = portal.resolveType("contacts");
  const companyType = portal.resolveType("companies");
  const store = portal.store(contactType);
  const times = sortedPastTimes(ctx, count);
  const contacts: SeededContact[] = [];
  let previous: { firstname: string; lastname: string; company: SeededCompany | undefined } | undefined;

  for (let i = 0; i < count; i++) {
    const duplicateOfPrevious = previous !== undefined && ctx.chance(0.01);
    const firstname = duplicateOfPrevious && previous ? previous.firstname : faker.person.firstName();
    const lastname = duplicateOfPrevious && previous ? previous.lastname : faker.person.lastName();
    const company = duplicateOfPrevious && previous ? previous.company : companies.length > 0 && ctx.chance(0.85) ? ctx.pick(companies) : undefined;
    const local = `${firstname}.${lastname}`.toLowerCase().replace(/[^a-z.]/g, "");
    const domain = duplicateOfPrevious || company === undefined ? ctx.pick(personalDomains) : company.domain;
    const email = `${local}.${i}@${domain}`;
    const at = times[i] ?? ctx.anchor;
    const stageIndex = Math.floor(ctx.chance(0.5) ? 1 : faker.number.int({ min: 0, max: funnel.length - 1 }));
    const properties: Record<string, string> = {
      email,
      firstname,
      lastname,
      phone: faker.phone.number({ style: "international" }),
      jobtitle: faker.person.jobTitle(),
      city: faker.location.city(),
      country: faker.location.country(),
      lifecyclestage: funnel[stageIndex] ?? "lead",
      hs_lead_status: ctx.pick(leadStatuses),
      hubspot_owner_id: ctx.pick(ownerIds),
    };
    if (company !== undefined) properties["company"] = company.name;
    if (ctx.chance(0.02)) properties["hs_additional_emails"] = `${local}.${i}.alt@${ctx.pick(personalDomains)}`;
    const record = store.create(properties, ctx.importSource, at);

    if (ctx.chance(0.25) && stageIndex + 1 < funnel.length) {
      let when = at;
      for (const stage of funnel.slice(stageIndex + 1, stageIndex + 3)) {
        when = ctx.timeAfter(when);
        store.update(record, { lifecyclestage: stage }, { sourceType: "CRM_UI", updatedByUserId: 1 }, when);
      }
    }
    if (company !== undefined) {
      portal.associations.associate(contactType, record.id, companyType, company.id, [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 1 }], ctx.importSource, at);
    }
    contacts.push({ id: record.id, email, companyId: company?.id });
    previous = { firstname, lastname, company };
  }
  return contacts;
}
