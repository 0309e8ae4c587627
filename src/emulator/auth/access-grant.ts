/** What a bearer token entitles its holder to. */
export interface AccessGrant {
  token: string;
  kind: "private_app" | "oauth";
  portalId: number;
  scopes: ReadonlySet<string>;
  /** The app the token belongs to (the private app, or the public OAuth app). */
  appId: number;
  /** Absent for private-app tokens, which do not expire. */
  expiresAt?: number;
  userEmail?: string;
  userId?: number;
}

/** Every scope the emulator enforces; a default private-app token holds them all. */
export const allScopes: readonly string[] = [
  "oauth",
  ...["contacts", "companies", "deals", "tickets", "products", "line_items", "quotes", "custom", "owners"].flatMap((o) => [
    `crm.objects.${o}.read`,
    `crm.objects.${o}.write`,
  ]),
  ...["contacts", "companies", "deals", "tickets", "products", "line_items", "quotes", "custom"].flatMap((o) => [
    `crm.schemas.${o}.read`,
    `crm.schemas.${o}.write`,
  ]),
  "crm.lists.read",
  "crm.lists.write",
  "crm.import",
  "crm.export",
];
