/** How many of each thing a seeded portal gets. */
export interface SeedCounts {
  owners: number;
  companies: number;
  contacts: number;
  deals: number;
  tickets: number;
  products: number;
  engagements: number;
  gifts: number;
}

export type SeedSize = "small" | "medium" | "large";

/** `large` is the "100,000 contacts seed in seconds" size. */
export const seedSizes: Record<SeedSize, SeedCounts> = {
  small: { owners: 5, companies: 50, contacts: 250, deals: 80, tickets: 40, products: 12, engagements: 200, gifts: 60 },
  medium: { owners: 20, companies: 2_000, contacts: 10_000, deals: 3_000, tickets: 1_500, products: 50, engagements: 5_000, gifts: 1_000 },
  large: { owners: 50, companies: 20_000, contacts: 100_000, deals: 30_000, tickets: 15_000, products: 200, engagements: 50_000, gifts: 10_000 },
};
