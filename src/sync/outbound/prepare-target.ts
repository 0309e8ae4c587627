import { isStandardObjectType, recordIdProperty, type CustomObjectSchemaConfig, type OutboundSyncConfig } from "../../config/index.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import type { HubSpotClient, HubSpotProperty } from "../../hubspot/index.ts";
import { checkFieldMap } from "../../mapping/index.ts";
import { TypeCatalog, typeOfSchema, type ResolvedType } from "../inbound/type-catalog.ts";
import { associationKey } from "./association-key.ts";
import { ensureCustomObject } from "./ensure-custom-object.ts";
import { LabelCatalog } from "./label-catalog.ts";
import { standardTypeId } from "./object-type-ids.ts";
import type { AssociationPlan, LookupKind, MatchPlan, OutboundTarget } from "./outbound-target.ts";

/** Something the user should know before rows are written (a slow match, a property about to be created). */
export interface TargetNote {
  action: string;
  message: string;
  fix?: string;
}

export interface PreparedTarget {
  target: OutboundTarget;
  schemaCreated: boolean;
  propertiesCreated: string[];
  notes: TargetNote[];
}

export interface PrepareOptions {
  client: HubSpotClient;
  sync: OutboundSyncConfig;
  dryRun: boolean;
  signal: AbortSignal | undefined;
}

/** The group hubsync creates properties in when asked to (`createMissingProperties`). */
export const hubsyncPropertyGroup = { name: "hubsync", label: "hubsync" } as const;

/**
 * The "schema" phase: the declared custom object created when missing, the object's
 * properties read fresh (and mapped ones HubSpot lacks created, when asked), the field map
 * checked against them, how rows find their records, and each association's target type,
 * lookup and labels — every label checked to exist before anything is written. A dry run
 * creates nothing and says what it would create.
 */
export async function prepareTarget(options: PrepareOptions): Promise<PreparedTarget> {
  const { client, sync, dryRun, signal } = options;
  const read = signal === undefined ? {} : { signal };
  const notes: TargetNote[] = [];
  let type: ResolvedType;
  let schemaCreated = false;
  const propertiesCreated: string[] = [];
  let missingObject = false;
  if (sync.customObject !== undefined) {
    const ensured = await ensureCustomObject(client, sync.customObject, { dryRun, signal });
    schemaCreated = ensured.schemaCreated;
    propertiesCreated.push(...ensured.propertiesCreated);
    if (ensured.schema === undefined) {
      missingObject = true;
      type = { apiType: sync.objectType, storeType: sync.customObject.name, custom: true };
      notes.push({ action: "would_create_schema", message: `would create the custom object ${sync.customObject.name} with ${sync.customObject.properties.length} properties` });
    } else {
      type = typeOfSchema(ensured.schema);
      if (schemaCreated) notes.push({ action: "schema_created", message: `created the custom object ${sync.customObject.name} (${type.apiType})` });
    }
    if (ensured.propertiesCreated.length > 0) {
      notes.push({ action: dryRun ? "would_create_properties" : "properties_created", message: `${dryRun ? "would create" : "created"} properties ${ensured.propertiesCreated.join(", ")} of ${sync.customObject.name}` });
    }
  } else {
    type = await new TypeCatalog(client, signal).resolve(sync.objectType);
  }
  const catalog = new TypeCatalog(client, signal);

  const properties = new Map<string, HubSpotProperty>();
  const definitions = missingObject && sync.customObject !== undefined ? declaredProperties(sync.customObject) : await client.properties(type.apiType, read);
  for (const definition of definitions) if (!definition.archived) properties.set(definition.name, definition);
  await completeProperties(options, type, properties, propertiesCreated, notes);

  const issues = checkFieldMap(sync.fields, properties);
  if (issues.length > 0) {
    throw new HubsyncError("CONFIG_INVALID", `Outbound sync ${sync.name} cannot write ${sync.objectType}: ${issues.map((issue) => issue.message).join("; ")}.`, {
      subject: issues.map((issue) => issue.field).join(", "),
      fix: "Correct fields: in hubsync.yaml (internal property names, as `hubsync properties refresh` lists them), or set createMissingProperties: true.",
    });
  }

  const match = matchPlan(sync, type, properties, notes);
  const labels = new LabelCatalog(client, type.apiType, signal);
  const associations = await associationPlans(options, type, catalog, missingObject);
  if (!missingObject) await checkLabels(sync, type, associations, labels);
  const objectTypeId = type.custom ? type.apiType : (standardTypeId(type.apiType) ?? type.apiType);
  return { target: { type, objectTypeId, properties, match, associations, labels, missingObject }, schemaCreated, propertiesCreated, notes };
}

/** Mapped properties HubSpot lacks, created as text properties (or, in a dry run, pretended) when the sync asks. */
async function completeProperties(options: PrepareOptions, type: ResolvedType, properties: Map<string, HubSpotProperty>, created: string[], notes: TargetNote[]): Promise<void> {
  const { client, sync, dryRun, signal } = options;
  const wanted = [...Object.keys(sync.fields), ...(sync.match !== undefined && sync.match.property !== recordIdProperty ? [sync.match.property] : [])];
  const missing = [...new Set(wanted)].filter((name) => !properties.has(name) && !name.startsWith("hs_"));
  if (missing.length === 0 || !sync.createMissingProperties) return;
  const read = signal === undefined ? {} : { signal };
  if (!dryRun) await client.createPropertyGroup(type.apiType, hubsyncPropertyGroup, read);
  for (const name of missing) {
    const definition = { name, label: name, type: "string" as const, fieldType: "text", groupName: hubsyncPropertyGroup.name };
    if (dryRun) properties.set(name, { ...definition, description: "", options: [], hasUniqueValue: false, calculated: false, hubspotDefined: false, archived: false });
    else properties.set(name, (await client.createProperty(type.apiType, definition, read)).value);
    created.push(name);
  }
  notes.push({ action: dryRun ? "would_create_properties" : "properties_created", message: `${dryRun ? "would create" : "created"} text properties ${missing.join(", ")} of ${sync.objectType}` });
}

/** A declared custom object's properties as HubSpot will define them (dry runs, before it exists). */
function declaredProperties(declared: CustomObjectSchemaConfig): HubSpotProperty[] {
  return declared.properties.map((property) => ({
    name: property.name,
    label: property.label,
    type: property.type,
    fieldType: property.fieldType,
    groupName: "",
    description: "",
    options: property.options.map((option) => ({ ...option })),
    hasUniqueValue: property.hasUniqueValue,
    calculated: false,
    hubspotDefined: false,
    archived: false,
  }));
}

/** Whether a property's values identify one record: a contact's email, or `hasUniqueValue`. */
export function isUniqueKey(objectType: string, property: HubSpotProperty | undefined, name: string): boolean {
  if (name === recordIdProperty) return true;
  if (objectType === "contacts" && name === "email") return true;
  return property?.hasUniqueValue === true;
}

function matchPlan(sync: OutboundSyncConfig, type: ResolvedType, properties: ReadonlyMap<string, HubSpotProperty>, notes: TargetNote[]): MatchPlan {
  const match = sync.match;
  if (match === undefined) return { kind: "none" };
  if (match.property === recordIdProperty) return { kind: "id", column: match.column };
  const definition = properties.get(match.property);
  if (definition === undefined && !(type.apiType === "contacts" && match.property === "email")) {
    throw new HubsyncError("CONFIG_INVALID", `Outbound sync ${sync.name} matches on ${match.property}, which ${sync.objectType} does not have in HubSpot.`, {
      subject: match.property,
      fix: "Match on email (contacts), a property with unique values, or hs_object_id; or create the property first.",
    });
  }
  if (isUniqueKey(type.apiType, definition, match.property)) return { kind: "unique", property: match.property, column: match.column };
  notes.push({
    action: "match_not_unique",
    message: `${sync.objectType}.${match.property} does not have unique values in HubSpot: each run searches for the rows' records (slow: HubSpot allows 5 searches a second; unsafe: two records may hold one value, and a record written moments ago is not found yet)`,
    fix: `Create a property with unique values (for example external_id, with "Require unique values" / hasUniqueValue: true), fill it from the source, and match on it.`,
  });
  return { kind: "search", property: match.property, column: match.column };
}

async function associationPlans(options: PrepareOptions, type: ResolvedType, catalog: TypeCatalog, missingObject: boolean): Promise<AssociationPlan[]> {
  const { client, sync, signal } = options;
  const targetProperties = new Map<string, Promise<HubSpotProperty[]>>();
  const plans: AssociationPlan[] = [];
  for (const [index, config] of sync.associations.entries()) {
    const sameObject = sync.customObject !== undefined && (config.toObjectType === sync.customObject.name || config.toObjectType === sync.objectType);
    const toType: ResolvedType = sameObject ? type : isStandardObjectType(config.toObjectType) ? { apiType: config.toObjectType, storeType: config.toObjectType, custom: false } : await catalog.resolve(config.toObjectType);
    const plan: AssociationPlan = { index, key: associationKey(config, sync.associations), config, toType, lookup: "id", resolve: config.resolve ?? "unique" };
    if (config.through !== undefined) {
      plan.derived = { through: config.through.association, only: config.through.only };
    } else if (config.by !== recordIdProperty) {
      plan.lookup = await lookupOf(client, config.by, toType, targetProperties, signal, missingObject && sameObject, sync.name);
    }
    plans.push(plan);
  }
  return plans;
}

async function lookupOf(
  client: HubSpotClient,
  by: string,
  toType: ResolvedType,
  cache: Map<string, Promise<HubSpotProperty[]>>,
  signal: AbortSignal | undefined,
  unknowable: boolean,
  sync: string,
): Promise<LookupKind> {
  if (toType.apiType === "contacts" && by === "email") return "unique";
  if (unknowable) return "unique";
  let properties = cache.get(toType.apiType);
  if (properties === undefined) {
    properties = client.properties(toType.apiType, signal === undefined ? {} : { signal });
    cache.set(toType.apiType, properties);
  }
  const definition = (await properties).find((property) => property.name === by && !property.archived);
  if (definition === undefined) {
    throw new HubsyncError("CONFIG_INVALID", `Outbound sync ${sync} associates ${toType.storeType} by ${by}, which ${toType.storeType} does not have in HubSpot.`, {
      subject: by,
      fix: `Set by: to hs_object_id or a property of ${toType.storeType} (email, domain, or a property with unique values).`,
    });
  }
  return isUniqueKey(toType.apiType, definition, by) ? "unique" : "search";
}

/** Every label the config names must exist in HubSpot before anything is written. */
async function checkLabels(sync: OutboundSyncConfig, type: ResolvedType, associations: readonly AssociationPlan[], labels: LabelCatalog): Promise<void> {
  for (const plan of associations) {
    const label = plan.config.label;
    if (label === undefined) continue;
    if ((await labels.typeOf(plan.toType.apiType, label)) !== undefined) continue;
    const known = (await labels.labels(plan.toType.apiType)).map((l) => l.label).filter((l): l is string => l !== null);
    throw new HubsyncError("CONFIG_INVALID", `The association label "${label}" does not exist from ${type.storeType} to ${plan.toType.storeType} in HubSpot (labels there: ${known.join(", ") || "none"}).`, {
      subject: label,
      fix: `Create the label in HubSpot (Settings → Objects → ${type.storeType} → Associations), or correct label: in association ${plan.index} of outbound sync ${sync.name}.`,
    });
  }
}
