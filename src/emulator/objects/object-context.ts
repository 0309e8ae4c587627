import type { Context } from "hono";
import type { EmulatorEnv } from "../env.ts";
import type { ObjectStore } from "../state/object-store.ts";
import type { ObjectType } from "../state/object-type.ts";
import type { Portal } from "../state/portal.ts";
import type { PropertyRegistry } from "../state/property-registry.ts";
import type { WriteSource } from "../state/stored-record.ts";
import type { PropertyRules } from "./validate-properties.ts";
import { integrationSource } from "./write-source.ts";

/** Everything a records route needs about the type its path names, resolved once per request. */
export interface ObjectContext {
  portal: Portal;
  type: ObjectType;
  store: ObjectStore;
  registry: PropertyRegistry;
  rules: PropertyRules;
  source: WriteSource;
  /** The emulator's clock, read at each write. */
  now: () => number;
}

export function objectContext(c: Context<EmulatorEnv>): ObjectContext {
  const portal = c.get("portal");
  const type = portal.resolveType(c.req.param("type") ?? "");
  const registry = portal.properties(type);
  const clock = c.get("state").clock;
  return {
    portal,
    type,
    store: portal.store(type),
    registry,
    rules: { type, registry, portalId: portal.id, isOwner: (id) => portal.owners.get(id) !== undefined },
    source: integrationSource(c.get("grant")),
    now: () => clock.now(),
  };
}
