import { defaultStoreUrl } from "./parse-store-url.ts";

export interface StarterConfigOptions {
  /** The `store:` to write (default `sqlite:./hubsync.db`); validated when hubsync reads the file. */
  store?: string;
}

/**
 * The commented hubsync.yaml `hubsync init` writes: a private-app connection whose token comes
 * from HUBSPOT_TOKEN, an hourly mirror of the CRM into the store, and a commented-out outbound
 * sync to start from. Valid as written once HUBSPOT_TOKEN is set.
 */
export function starterConfig(options: StarterConfigOptions = {}): string {
  const store = JSON.stringify(options.store ?? defaultStoreUrl);
  return `# hubsync configuration. Every key is described in docs/configuration.md.
# Any string value may use \${ENV_VAR} (or \${ENV_VAR:-fallback}); keep secrets in the environment.
version: 1

# Where the mirror is written: sqlite:<file> (relative to this file), sqlite::memory:,
# or a PostgreSQL URL such as \${DATABASE_URL} holding postgres://user:password@host:5432/db.
store: ${store}

# The HubSpot portals hubsync talks to, by name.
connections:
  hubspot:
    # A private app's access token (HubSpot → Settings → Integrations → Private apps).
    auth:
      type: private_app
      token: \${HUBSPOT_TOKEN}
    # Or an OAuth app's refresh token (hubsync refreshes access tokens itself):
    # auth:
    #   type: oauth
    #   clientId: \${HUBSPOT_CLIENT_ID}
    #   clientSecret: \${HUBSPOT_CLIENT_SECRET}
    #   refreshToken: \${HUBSPOT_REFRESH_TOKEN}
    # starter | professional | enterprise: sizes the request budget hubsync starts from.
    tier: professional
    # To develop offline against the local emulator (\`hubsync emulator\`):
    # baseUrl: http://127.0.0.1:4010

# HubSpot → database mirrors, by name.
inbound:
  crm:
    connection: hubspot
    # hourly, daily, manual (only on demand) or a cron expression such as "*/15 * * * *".
    schedule: hourly
    streams:
      # Each object stream takes: strategy (full_refresh | incremental | client_incremental),
      # properties (all, or a list; ids, dates and key fields are always added), history,
      # associations, archived (sweep deleted records), filters and pageSize.
      contacts:
        associations: [companies, deals]
        # Only some records? Filters are ANDed, e.g.:
        # filters:
        #   - { property: lifecyclestage, operator: eq, value: customer }
      companies:
      deals:
        associations: [companies]
        history: [dealstage]
      tickets:
      products:
      line_items:
      quotes:
      calls:
      emails:
      meetings:
      notes:
      tasks:
      owners:
      pipelines:
      lists:
      # Every custom object in the portal, with all its properties.
      custom_objects: all

# Database → HubSpot syncs, by name (docs/configuration.md#outbound). For example, to push
# the rows of a table in the store's database into contacts, matched by email:
# outbound:
#   customers:
#     connection: hubspot
#     source: { table: customers }
#     key: id
#     object: contacts
#     mode: upsert
#     match: { property: email, column: email }
#     fields:
#       email: email
#       firstname: first_name
#       lastname: last_name
`;
}
