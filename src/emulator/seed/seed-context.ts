import { base, en, Faker } from "@faker-js/faker";
import type { Portal } from "../state/portal.ts";
import type { WriteSource } from "../state/stored-record.ts";

const DAY_MS = 24 * 3600 * 1000;

/** What every seeding step shares: the portal, a seeded faker, and the time the data ends at. */
export interface SeedContext {
  portal: Portal;
  faker: Faker;
  /** Seeded data is dated up to this instant, spread over the two years before it. */
  anchor: number;
  importSource: WriteSource;
  /** A creation time `0..maxDaysAgo` days before the anchor. */
  pastTime: (maxDaysAgo?: number) => number;
  /** A time between `after` and the anchor. */
  timeAfter: (after: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (probability: number) => boolean;
}

export function seedContext(portal: Portal, seed: number, anchor: number): SeedContext {
  // `base` holds the locale-independent data some generators need (hacker.abbreviation, in faker 10).
  const faker = new Faker({ locale: [en, base] });
  faker.seed(seed);
  const random = (): number => faker.number.float({ min: 0, max: 1 });
  return {
    portal,
    faker,
    anchor,
    importSource: { sourceType: "IMPORT", sourceId: "seed" },
    pastTime: (maxDaysAgo = 730) => Math.floor(anchor - random() * maxDaysAgo * DAY_MS),
    timeAfter: (after) => Math.floor(after + random() * (anchor - after)),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(random() * items.length)];
      if (item === undefined) throw new Error("seed: pick from an empty list");
      return item;
    },
    chance: (probability) => random() < probability,
  };
}
