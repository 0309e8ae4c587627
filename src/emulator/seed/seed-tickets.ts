import type { SeededContact } from "./seed-contacts.ts";
import type { SeedContext } from "./seed-context.ts";
import { sortedPastTimes } from "./sorted-times.ts";

/** Support tickets in the default ticket pipeline, each raised by a contact. */
export function seedTickets(ctx: SeedContext, count: number, contacts: SeededContact[], ownerIds: string[]): void {
  const { faker, portal } = ctx;
  const ticketType = portal.resolveType("tickets");
  const store = portal.store(ticketType);
  const stages = portal.pipelines.get("tickets", "0")?.stages.map((s) => s.id) ?? [];
  const times = sortedPastTimes(ctx, count, 365);
  for (let i = 0; i < count; i++) {
    const at = times[i] ?? ctx.anchor;
    const record = store.create(
      {
        subject: faker.hacker.phrase().slice(0, 80),
        content: faker.lorem.paragraph(),
        hs_pipeline: "0",
        hs_pipeline_stage: stages.length > 0 ? ctx.pick(stages) : "1",
        hs_ticket_priority: ctx.pick(["LOW", "MEDIUM", "HIGH", "URGENT"]),
        hubspot_owner_id: ctx.pick(ownerIds),
      },
      ctx.importSource,
      at,
    );
    if (contacts.length > 0) {
      portal.associations.associate(ticketType, record.id, portal.resolveType("contacts"), ctx.pick(contacts).id, [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 16 }], ctx.importSource, at);
    }
  }
}
