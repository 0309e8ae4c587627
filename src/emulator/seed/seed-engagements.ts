import type { SeededContact } from "./seed-contacts.ts";
import type { SeedContext } from "./seed-context.ts";
import type { SeededDeal } from "./seed-deals.ts";

type Kind = "notes" | "calls" | "emails" | "meetings" | "tasks";

/** Default type ids from an engagement to a contact and to a deal (hubspot-api-notes §8). */
const toContact: Record<Kind, number> = { notes: 202, calls: 194, emails: 198, meetings: 200, tasks: 204 };
const toDeal: Record<Kind, number> = { notes: 214, calls: 206, emails: 210, meetings: 212, tasks: 216 };

function engagementProperties(ctx: SeedContext, kind: Kind, at: number): Record<string, string> {
  const { faker } = ctx;
  const hs_timestamp = new Date(at).toISOString();
  switch (kind) {
    case "notes":
      return { hs_timestamp, hs_note_body: faker.lorem.sentences(2) };
    case "calls":
      return { hs_timestamp, hs_call_title: `Call with ${faker.person.firstName()}`, hs_call_body: faker.lorem.sentence(), hs_call_duration: String(faker.number.int({ min: 30_000, max: 1_800_000 })), hs_call_direction: ctx.pick(["INBOUND", "OUTBOUND"]), hs_call_status: "COMPLETED" };
    case "emails":
      return { hs_timestamp, hs_email_subject: faker.company.catchPhrase(), hs_email_text: faker.lorem.paragraph(), hs_email_direction: "EMAIL", hs_email_status: "SENT" };
    case "meetings":
      return { hs_timestamp, hs_meeting_title: `${faker.company.buzzNoun()} review`, hs_meeting_body: faker.lorem.sentence(), hs_meeting_start_time: hs_timestamp, hs_meeting_end_time: new Date(at + 30 * 60_000).toISOString(), hs_meeting_outcome: ctx.pick(["SCHEDULED", "COMPLETED", "NO_SHOW"]) };
    case "tasks": {
      const subject = `Follow up: ${faker.company.buzzPhrase()}`;
      return { hs_timestamp, hs_task_subject: subject, hs_task_body: faker.lorem.sentence(), hs_task_status: ctx.pick(["NOT_STARTED", "IN_PROGRESS", "COMPLETED"]), hs_task_priority: ctx.pick(["LOW", "MEDIUM", "HIGH"]), hs_task_type: ctx.pick(["CALL", "EMAIL", "TODO"]) };
    }
  }
}

/** Notes, calls, emails, meetings and tasks on contacts, some also on the contact's deal. */
export function seedEngagements(ctx: SeedContext, count: number, contacts: SeededContact[], deals: SeededDeal[]): void {
  const { portal } = ctx;
  if (contacts.length === 0) return;
  const contactType = portal.resolveType("contacts");
  const dealType = portal.resolveType("deals");
  const kinds: Kind[] = ["notes", "calls", "emails", "meetings", "tasks"];
  for (let i = 0; i < count; i++) {
    const kind = ctx.pick(kinds);
    const type = portal.resolveType(kind);
    const at = ctx.pastTime(365);
    const record = portal.store(type).create(engagementProperties(ctx, kind, at), ctx.importSource, at);
    portal.associations.associate(type, record.id, contactType, ctx.pick(contacts).id, [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: toContact[kind] }], ctx.importSource, at);
    if (deals.length > 0 && ctx.chance(0.3)) {
      portal.associations.associate(type, record.id, dealType, ctx.pick(deals).id, [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: toDeal[kind] }], ctx.importSource, at);
    }
  }
}
