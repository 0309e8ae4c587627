import type { ObjectType } from "../state/object-type.ts";

/** The properties a free-text `query` looks in, per HubSpot's "default searchable properties". */
const byType: Record<string, string[]> = {
  contacts: ["firstname", "lastname", "email", "hs_additional_emails", "phone", "mobilephone", "company", "fax"],
  companies: ["name", "domain", "website", "phone", "hs_additional_domains"],
  deals: ["dealname", "pipeline", "dealstage", "description", "dealtype"],
  tickets: ["subject", "content", "hs_pipeline_stage", "hs_ticket_category", "hs_ticket_id"],
  products: ["name", "description", "hs_sku"],
  line_items: ["name", "description", "hs_sku"],
  quotes: ["hs_title", "hs_sender_email"],
  calls: ["hs_call_title", "hs_call_body"],
  emails: ["hs_email_subject", "hs_email_text"],
  meetings: ["hs_meeting_title", "hs_meeting_body"],
  notes: ["hs_note_body"],
  tasks: ["hs_task_subject", "hs_task_body"],
};

/** Names to search; those the portal does not define are skipped by the caller. */
export function searchablePropertyNames(type: ObjectType): string[] {
  if (type.custom) return type.primaryDisplayProperty === undefined ? [] : [type.primaryDisplayProperty];
  return byType[type.name] ?? [];
}
