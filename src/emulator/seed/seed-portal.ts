import type { Portal } from "../state/portal.ts";
import { seedCompanies } from "./seed-companies.ts";
import { seedContacts } from "./seed-contacts.ts";
import { seedContext } from "./seed-context.ts";
import { seedSizes, type SeedCounts, type SeedSize } from "./seed-counts.ts";
import { seedDeals } from "./seed-deals.ts";
import { seedEngagements } from "./seed-engagements.ts";
import { seedGifts } from "./seed-gifts.ts";
import { seedOwners } from "./seed-owners.ts";
import { seedProductsAndLineItems } from "./seed-products.ts";
import { seedTickets } from "./seed-tickets.ts";

export interface SeedOptions {
  /** Faker's seed: the same seed gives the same records, values and relations. */
  seed?: number;
  size?: SeedSize;
  /** Explicit counts, overriding the size's. */
  counts?: Partial<SeedCounts>;
  /** Seeded data is dated up to this instant (default: the emulator's now). */
  anchor?: number;
}

export interface SeedReport {
  counts: SeedCounts;
  ms: number;
}

/**
 * Fills a portal with realistic, deterministic demo data, straight into its stores (not over
 * HTTP) so that 100,000 contacts take seconds.
 */
export function seedPortal(portal: Portal, options: SeedOptions = {}): SeedReport {
  const started = performance.now();
  const counts: SeedCounts = { ...seedSizes[options.size ?? "small"], ...options.counts };
  const ctx = seedContext(portal, options.seed ?? 1, options.anchor ?? portal.state.clock.now());
  const ownerIds = seedOwners(ctx, counts.owners);
  const companies = seedCompanies(ctx, counts.companies, ownerIds);
  const contacts = seedContacts(ctx, counts.contacts, companies, ownerIds);
  const deals = seedDeals(ctx, counts.deals, companies, contacts, ownerIds);
  seedTickets(ctx, counts.tickets, contacts, ownerIds);
  seedProductsAndLineItems(ctx, counts.products, deals);
  seedEngagements(ctx, counts.engagements, contacts, deals);
  if (counts.gifts > 0) seedGifts(ctx, counts.gifts, contacts, deals);
  return { counts, ms: Math.round(performance.now() - started) };
}
