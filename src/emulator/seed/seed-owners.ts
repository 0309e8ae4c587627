import type { SeedContext } from "./seed-context.ts";

/** Owners besides the one every portal has; returns every owner id, for `hubspot_owner_id`. */
export function seedOwners(ctx: SeedContext, count: number): string[] {
  const { faker, portal } = ctx;
  for (let i = 0; i < count; i++) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    portal.owners.create({ email: `${firstName}.${lastName}.${i}@example-sales.com`.toLowerCase(), firstName, lastName });
  }
  return portal.owners.list().map((owner) => owner.id);
}
