import { allScopes } from "./access-grant.ts";

/**
 * Scopes an app may request at /oauth/authorize. The emulator enforces `allScopes`; the rest
 * are real HubSpot scopes it accepts and grants but never checks, so an app that asks for,
 * say, `automation` installs here as it would on HubSpot. Anything else is a typo: 400.
 */
export const knownScopes: ReadonlySet<string> = new Set([
  ...allScopes,
  "automation",
  "business-intelligence",
  "content",
  "conversations.read",
  "conversations.write",
  "crm.objects.contacts.sensitive.read",
  "crm.objects.contacts.sensitive.write",
  "crm.objects.users.read",
  "crm.objects.users.write",
  "crm.objects.leads.read",
  "crm.objects.leads.write",
  "crm.objects.goals.read",
  "crm.objects.marketing_events.read",
  "crm.objects.marketing_events.write",
  "crm.schemas.deals.read",
  "e-commerce",
  "files",
  "forms",
  "forms-uploaded-files",
  "hubdb",
  "integration-sync",
  "settings.users.read",
  "settings.users.write",
  "settings.users.teams.read",
  "sales-email-read",
  "tickets",
  "timeline",
  "transactional-email",
]);
