import { isStandardObjectType } from "../../config/index.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import type { HubSpotClient, HubSpotSchema } from "../../hubspot/index.ts";

/** An object type as the engine uses it: what HubSpot is asked for, and what the store keys it by. */
export interface ResolvedType {
  /** For API paths: the standard name, or a custom object's `2-…` id (which every endpoint accepts). */
  apiType: string;
  /** For the store (tables, associations, history): the standard name, or the custom object's name. */
  storeType: string;
  custom: boolean;
}

/**
 * Resolves object names as streams and `associations:` write them — standard names, and a
 * custom object's name, `p_…` / `p<portal>_…` name or `2-…` id — reading the portal's custom
 * object schemas at most once per run, and only when a custom name comes up.
 */
export class TypeCatalog {
  readonly #client: HubSpotClient;
  readonly #signal: AbortSignal | undefined;
  #schemas: Promise<HubSpotSchema[]> | undefined;

  constructor(client: HubSpotClient, signal: AbortSignal | undefined) {
    this.#client = client;
    this.#signal = signal;
  }

  schemas(): Promise<HubSpotSchema[]> {
    this.#schemas ??= this.#client.schemas(this.#signal === undefined ? {} : { signal: this.#signal }).then((all) => all.filter((s) => !s.archived));
    return this.#schemas;
  }

  async resolve(name: string): Promise<ResolvedType> {
    if (isStandardObjectType(name)) return { apiType: name, storeType: name, custom: false };
    const schema = findSchema(await this.schemas(), name);
    if (schema === undefined) {
      throw new HubsyncError("HUBSPOT_NOT_FOUND", `The portal has no custom object named ${name}.`, {
        subject: name,
        fix: "Check the name under streams/associations: a custom object is named by its name (gift), fully qualified name (p_gift) or id (2-123).",
      });
    }
    return typeOfSchema(schema);
  }
}

export function typeOfSchema(schema: HubSpotSchema): ResolvedType {
  return { apiType: schema.objectTypeId, storeType: schema.name, custom: true };
}

function findSchema(schemas: readonly HubSpotSchema[], name: string): HubSpotSchema | undefined {
  const wanted = name.toLowerCase();
  return schemas.find((s) => {
    const fqn = s.fullyQualifiedName.toLowerCase();
    const plain = s.name.toLowerCase();
    return s.objectTypeId === name || plain === wanted || fqn === wanted || wanted === `p_${plain}` || fqn.replace(/^p\d+_/, "p_") === wanted;
  });
}
