/**
 * Bench data for the inbound benchmarks: contacts with a primary company on most of them and a
 * deal on some, written straight into an emulator portal's stores (not over HTTP), seeded so
 * every run mirrors the same portal.
 */
import type { Emulator } from "../../src/emulator/index.ts";
import { seededRandom, type Random } from "../../src/emulator/random.ts";

export interface InboundPortalCounts {
  contacts: number;
  companies: number;
  deals: number;
  contactCompanyPairs: number;
  contactDealPairs: number;
}

const DAY_MS = 86_400_000;
const STAGES = ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist", "other"];
const LEAD_STATUSES = ["NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL", "UNQUALIFIED", "ATTEMPTED_TO_CONTACT", "CONNECTED"];
const FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Radia", "Tim", "Frances", "John", "Leslie", "Niklaus", "Shafi", "Whitfield"];
const LAST = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Perlman", "Berners-Lee", "Allen", "Backus", "Lamport", "Wirth", "Goldwasser", "Diffie"];
const TITLES = ["Engineer", "Head of Sales", "CFO", "Marketing Manager", "Founder", "Analyst", "Account Executive", "Designer"];
const CITIES = ["Berlin", "Boston", "Dublin", "Lyon", "Austin", "Porto", "Kyoto", "Toronto"];

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/**
 * `contacts` contacts (about ten properties each, created in order over the last three years),
 * one company per five contacts and one deal per four; 90 % of contacts get a primary company,
 * 40 % a deal. With `associations: false` only the contacts are written.
 */
export function loadInboundPortal(emulator: Emulator, contacts: number, options: { associations?: boolean; seed?: number } = {}): InboundPortalCounts {
  const withAssociations = options.associations ?? true;
  const portal = emulator.parts.state.defaultPortal;
  const contactType = portal.resolveType("contacts");
  const companyType = portal.resolveType("companies");
  const dealType = portal.resolveType("deals");
  const random = seededRandom(options.seed ?? 42);
  const source = { sourceType: "IMPORT" };
  const end = emulator.control.clock.now() - DAY_MS;
  const start = end - 3 * 365 * DAY_MS;

  const companyIds: string[] = [];
  const dealIds: string[] = [];
  const counts: InboundPortalCounts = { contacts, companies: 0, deals: 0, contactCompanyPairs: 0, contactDealPairs: 0 };
  if (withAssociations) {
    const companies = portal.store(companyType);
    for (let i = 0; i < Math.ceil(contacts / 5); i++) {
      companyIds.push(companies.create({ name: `Company ${i}`, domain: `company${i}.example.com`, industry: "COMPUTER_SOFTWARE" }, source, start).id);
    }
    const deals = portal.store(dealType);
    for (let i = 0; i < Math.ceil(contacts / 4); i++) {
      dealIds.push(deals.create({ dealname: `Deal ${i}`, amount: String(1000 + i), dealstage: "appointmentscheduled", pipeline: "default" }, source, start).id);
    }
    counts.companies = companyIds.length;
    counts.deals = dealIds.length;
  }

  const store = portal.store(contactType);
  const step = (end - start) / contacts;
  for (let i = 0; i < contacts; i++) {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const at = Math.round(start + i * step + random() * step);
    const properties: Record<string, string> = {
      firstname: first,
      lastname: last,
      email: `${first}.${last}.${i}@example.com`.toLowerCase(),
      phone: `+1 555 ${String(Math.floor(random() * 10_000_000)).padStart(7, "0")}`,
      jobtitle: pick(random, TITLES),
      city: pick(random, CITIES),
      lifecyclestage: pick(random, STAGES),
      hs_lead_status: pick(random, LEAD_STATUSES),
      createdate: new Date(at).toISOString(),
    };
    const record = store.create(properties, source, at);
    if (!withAssociations) continue;
    if (random() < 0.9) {
      portal.associations.associate(contactType, record.id, companyType, pick(random, companyIds), [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 1 }], source, at);
      counts.contactCompanyPairs += 1;
    }
    if (random() < 0.4) {
      portal.associations.associateDefault(contactType, record.id, dealType, pick(random, dealIds), source, at);
      counts.contactDealPairs += 1;
    }
  }
  // Everything written is old; make it visible to search now rather than after the index lag.
  emulator.control.flushSearch();
  return counts;
}
