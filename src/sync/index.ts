/** The sync engine's face: inbound (HubSpot → store) and outbound (rows → HubSpot). */
export * from "./inbound/index.ts";
export * from "./outbound/index.ts";
export * from "./scopes/index.ts";
export * from "./schedule/index.ts";
