import { isStandardObjectType, type ConnectionConfig, type HubsyncConfig } from "../../config/index.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import type { HubSpotClient, HubSpotSchema, TokenInfo } from "../../hubspot/index.ts";
import { missingScopes, scopesNeeded, type ScopeNeed } from "../../sync/index.ts";

/** A custom object type a stream names that the portal does not have. */
export interface MissingObjectType {
  objectType: string;
  neededBy: string[];
}

/** What `hubsync check` found for one connection. */
export interface ConnectionCheck {
  connection: string;
  baseUrl: string;
  token?: TokenInfo;
  needed: ScopeNeed[];
  missingScopes: ScopeNeed[];
  missingObjectTypes: MissingObjectType[];
  /** The portal's custom objects, to suggest the right name. */
  customObjects: string[];
  /** Why an object-type check could not run (no schema scope). */
  objectTypesUnchecked?: string;
  /** HubSpot could not be reached or refused the token. */
  error?: HubsyncError;
}

/** Reaches HubSpot with the connection's token; compares its scopes and the portal's objects with what the syncs need. */
export async function checkConnection(client: HubSpotClient, config: HubsyncConfig, connection: ConnectionConfig, signal?: AbortSignal): Promise<ConnectionCheck> {
  const needed = scopesNeeded(config, connection.name);
  const result: ConnectionCheck = { connection: connection.name, baseUrl: connection.baseUrl, needed, missingScopes: [], missingObjectTypes: [], customObjects: [] };
  try {
    const token = await client.tokenInfo(signal === undefined ? {} : { signal });
    result.token = token;
    result.missingScopes = missingScopes(needed, token.scopes);
    const customTypes = customTypesNeeded(config, connection);
    if (customTypes.size === 0) return result;
    if (!token.scopes.includes("crm.schemas.custom.read")) {
      result.objectTypesUnchecked = "the token lacks crm.schemas.custom.read, so the portal's custom objects cannot be listed";
      return result;
    }
    const schemas = await client.schemas(signal === undefined ? {} : { signal });
    result.customObjects = schemas.map((s) => `${s.name} (${s.objectTypeId})`);
    for (const [objectType, neededBy] of customTypes) {
      if (!schemas.some((schema) => names(schema, objectType))) result.missingObjectTypes.push({ objectType, neededBy });
    }
  } catch (error) {
    if (!(error instanceof HubsyncError)) throw error;
    result.error = error;
  }
  return result;
}

/** A custom object may be named by its name, `p_name`, `p<portal>_name` or `2-<n>`. */
function names(schema: HubSpotSchema, objectType: string): boolean {
  return [schema.name, `p_${schema.name}`, schema.fullyQualifiedName, schema.objectTypeId].includes(objectType);
}

/** Custom object types named by streams or as association targets, with who names them. */
function customTypesNeeded(config: HubsyncConfig, connection: ConnectionConfig): Map<string, string[]> {
  const types = new Map<string, string[]>();
  const add = (type: string, by: string): void => {
    if (isStandardObjectType(type)) return;
    const list = types.get(type) ?? [];
    if (!list.includes(by)) list.push(by);
    types.set(type, list);
  };
  for (const sync of config.inbound) {
    if (sync.connection !== connection.name) continue;
    for (const stream of sync.streams) {
      const by = `${sync.name}/${stream.name}`;
      if (stream.kind === "object" && stream.custom) add(stream.objectType, by);
      if (stream.kind === "object" || stream.kind === "custom_objects") for (const target of stream.associations) add(target, `${by} (associations)`);
    }
  }
  return types;
}
