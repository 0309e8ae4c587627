import type { SeedContext } from "./seed-context.ts";
import { sortedPastTimes } from "./sorted-times.ts";

export interface SeededCompany {
  id: string;
  name: string;
  domain: string;
}

const industries = ["COMPUTER_SOFTWARE", "FINANCIAL_SERVICES", "HOSPITAL_HEALTH_CARE", "RETAIL", "MARKETING_AND_ADVERTISING", "EDUCATION_MANAGEMENT", "CONSTRUCTION", "LOGISTICS_AND_SUPPLY_CHAIN"];
const stages = ["lead", "opportunity", "customer", "customer", "evangelist"];

export function seedCompanies(ctx: SeedContext, count: number, ownerIds: string[]): SeededCompany[] {
  const { faker, portal } = ctx;
  const store = portal.store(portal.resolveType("companies"));
  const times = sortedPastTimes(ctx, count);
  const companies: SeededCompany[] = [];
  for (let i = 0; i < count; i++) {
    const name = faker.company.name();
    // The index keeps domains unique even when faker repeats a company name.
    const domain = `${faker.internet.domainWord()}-${i}.${ctx.pick(["com", "io", "co", "net"])}`;
    const at = times[i] ?? ctx.anchor;
    const record = store.create(
      {
        name,
        domain,
        website: `https://www.${domain}`,
        industry: ctx.pick(industries),
        city: faker.location.city(),
        country: faker.location.country(),
        numberofemployees: String(faker.number.int({ min: 2, max: 5000 })),
        annualrevenue: String(faker.number.int({ min: 50, max: 50_000 }) * 1000),
        lifecyclestage: ctx.pick(stages),
        hubspot_owner_id: ctx.pick(ownerIds),
      },
      ctx.importSource,
      at,
    );
    companies.push({ id: record.id, name, domain });
  }
  return companies;
}
