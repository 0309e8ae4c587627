/** The sync engine's face: inbound (HubSpot → store) today. */
export * from "./inbound/index.ts";
