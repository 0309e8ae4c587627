declare const brand: unique symbol;
/** A string that must not be mixed with other kinds of id even though all are strings. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A HubSpot account (hub) id, kept as a string of digits. */
export type PortalId = Brand<string, "PortalId">;
/** A named connection to one portal in hubsync.yaml. */
export type ConnectionId = Brand<string, "ConnectionId">;
/** A HubSpot record id: a string of digits, never used in arithmetic. */
export type HubSpotId = Brand<string, "HubSpotId">;
/** A named sync in hubsync.yaml. */
export type SyncId = Brand<string, "SyncId">;
/** One execution of a sync. */
export type RunId = Brand<string, "RunId">;

export const portalId = (value: string | number): PortalId => String(value) as PortalId;
export const connectionId = (value: string): ConnectionId => value as ConnectionId;
export const hubSpotId = (value: string | number): HubSpotId => String(value) as HubSpotId;
export const syncId = (value: string): SyncId => value as SyncId;
export const runId = (value: string): RunId => value as RunId;
