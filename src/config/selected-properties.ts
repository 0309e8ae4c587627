import { alwaysSyncedFor } from "./always-synced-properties.ts";
import type { PropertySelection } from "./hubsync-config.ts";

/**
 * The properties a stream reads: `"all"`, or the listed ones with the object's always-synced
 * properties added (listed order first, duplicates dropped).
 */
export function selectedProperties(objectType: string, properties: PropertySelection): PropertySelection {
  if (properties === "all") return "all";
  return [...new Set([...properties, ...alwaysSyncedFor(objectType)])];
}
