import type { CustomObjectSchemaConfig, CustomPropertyConfig } from "../../config/index.ts";
import { isStandardObjectType } from "../../config/index.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import type { HubSpotClient, HubSpotSchema, PropertyDefinition } from "../../hubspot/index.ts";
import { TypeCatalog } from "../inbound/type-catalog.ts";
import { standardTypeId } from "./object-type-ids.ts";

/** What ensuring a declared custom object found or did. */
export interface EnsuredCustomObject {
  /** The schema as HubSpot has it now; undefined only when a dry run found none (nothing was created). */
  schema: HubSpotSchema | undefined;
  schemaCreated: boolean;
  /** Declared properties the existing object lacked, created now (or, in a dry run, that would be). */
  propertiesCreated: string[];
}

/**
 * The custom object a sync declares, created in HubSpot when missing (with its properties and
 * association types), and any declared property an existing object lacks added to it.
 * Idempotent: HubSpot answers a taken name with the existing definition.
 */
export async function ensureCustomObject(
  client: HubSpotClient,
  declared: CustomObjectSchemaConfig,
  options: { dryRun: boolean; signal?: AbortSignal | undefined },
): Promise<EnsuredCustomObject> {
  const read = options.signal === undefined ? {} : { signal: options.signal };
  const existing = await client.schema(declared.name, read);
  if (existing === undefined) {
    if (options.dryRun) return { schema: undefined, schemaCreated: true, propertiesCreated: [] };
    const written = await client.createSchema(
      {
        name: declared.name,
        labels: declared.labels,
        primaryDisplayProperty: declared.primaryDisplayProperty,
        requiredProperties: [],
        searchableProperties: [...new Set([declared.uniqueProperty, declared.primaryDisplayProperty])],
        properties: declared.properties.map((property) => propertyInput(property)),
        associatedObjects: await associatedTypeIds(client, declared.associatedObjects, options.signal),
      },
      read,
    );
    return { schema: written.value, schemaCreated: written.status === "created", propertiesCreated: [] };
  }
  const have = new Set(existing.properties.map((property) => property.name));
  const missing = declared.properties.filter((property) => !have.has(property.name));
  if (missing.length === 0 || options.dryRun) return { schema: existing, schemaCreated: false, propertiesCreated: missing.map((p) => p.name) };
  // HubSpot puts a custom object's own properties in one group; new ones join it.
  const groupName = existing.properties.find((property) => !property.hubspotDefined && property.groupName !== "")?.groupName ?? "information";
  const created: string[] = [];
  for (const property of missing) {
    const written = await client.createProperty(existing.objectTypeId, { ...propertyInput(property), groupName, fieldType: property.fieldType }, read);
    existing.properties.push(written.value);
    created.push(property.name);
  }
  return { schema: existing, schemaCreated: false, propertiesCreated: created };
}

function propertyInput(property: CustomPropertyConfig): Omit<PropertyDefinition, "groupName"> & { groupName?: string } {
  const input: Omit<PropertyDefinition, "groupName"> & { groupName?: string } = {
    name: property.name,
    label: property.label,
    type: property.type,
    fieldType: property.fieldType,
    hasUniqueValue: property.hasUniqueValue,
  };
  if (property.options.length > 0) input.options = property.options.map((option, displayOrder) => ({ ...option, displayOrder }));
  return input;
}

/** `associatedObjects` as HubSpot takes them: `0-1` for contacts, a custom object's `2-…` id. */
async function associatedTypeIds(client: HubSpotClient, names: readonly string[], signal: AbortSignal | undefined): Promise<string[]> {
  const catalog = new TypeCatalog(client, signal);
  const ids: string[] = [];
  for (const name of names) {
    const standard = isStandardObjectType(name) ? standardTypeId(name) : undefined;
    if (standard !== undefined) {
      ids.push(standard);
      continue;
    }
    const type = await catalog.resolve(name).catch((error: unknown) => {
      if (error instanceof HubsyncError && error.code === "HUBSPOT_NOT_FOUND") {
        throw new HubsyncError("CONFIG_INVALID", `customObject.associatedObjects names ${name}, which the portal does not have.`, { subject: name, fix: "Create that object first, or remove it from associatedObjects." });
      }
      throw error;
    });
    ids.push(type.apiType);
  }
  return ids;
}
