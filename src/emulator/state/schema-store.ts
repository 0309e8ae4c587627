import { ApiError, badRequest, notFound } from "../http/api-error.ts";
import { isObject } from "../http/json-body.ts";
import { optionalBoolean, optionalObject, optionalString } from "../schemas/body-fields.ts";
import type { AssociationDefinition, CustomSchema } from "../schemas/custom-schema.ts";
import { fieldError, missingFields } from "../schemas/field-error.ts";
import { namesAmong, parseLabels, parseSchemaCreate } from "../schemas/schema-input.ts";
import { objectSchemaView, objectTypeDefinitionView, type ObjectSchemaView, type ObjectTypeDefinitionView } from "../schemas/schema-view.ts";
import { customObjectType, type ObjectType } from "./object-type.ts";
import type { Portal } from "./portal.ts";

/**
 * Custom-object schemas of one portal. `create` is the one way a custom type comes to exist,
 * over HTTP or from the seed: it registers the type, its properties, its unique indexes and
 * the association types of its `associatedObjects`.
 */
export class SchemaStore {
  readonly portal: Portal;
  readonly #schemas = new Map<string, CustomSchema>();
  /** Association definitions between a custom type and any other, in creation order. */
  #associations: AssociationDefinition[] = [];
  /**
   * Custom type ids count up per portal from 2-1000001: shaped like HubSpot's (which are
   * larger and global), never reused after a purge, as HubSpot never reuses them.
   */
  #lastNumber = 1_000_000;

  constructor(portal: Portal) {
    this.portal = portal;
  }

  /** Validates a `POST /crm/v3/schemas` body and registers everything it defines; 400/409 as HubSpot. */
  create(body: unknown): ObjectSchemaView {
    const at = this.portal.state.clock.iso();
    const draft = parseSchemaCreate(body, {
      portalId: this.portal.id,
      resolveType: (name) => this.portal.types.resolve(name),
      nameTaken: (name) => this.portal.types.resolve(name) !== undefined || this.find(name, true) !== undefined,
      maxUniqueProperties: this.portal.state.options.limits.uniquePropertiesPerObject,
      at,
    });
    this.#lastNumber += 1;
    const id = String(this.#lastNumber);
    const type = customObjectType(this.portal.id, `2-${id}`, draft.name, draft.primaryDisplayProperty);
    this.portal.types.add(type);
    const registry = this.portal.properties(type);
    for (const definition of draft.properties) registry.put(definition);
    const store = this.portal.store(type);
    for (const definition of draft.properties) if (definition.hasUniqueValue) store.addUniqueProperty(definition.name);

    const schema: CustomSchema = {
      id,
      type,
      labels: draft.labels,
      requiredProperties: draft.requiredProperties,
      searchableProperties: draft.searchableProperties,
      secondaryDisplayProperties: draft.secondaryDisplayProperties,
      archived: false,
      createdAt: at,
      updatedAt: at,
    };
    if (draft.description !== undefined) schema.description = draft.description;
    this.#schemas.set(type.objectTypeId, schema);
    for (const other of draft.associatedTypes) this.#define(type, other, undefined, at);
    return this.view(schema);
  }

  /** A schema by any name HubSpot accepts: `2-x`, `name`, `p_name`, `p<portal>_name`. */
  find(name: string, archived = false): CustomSchema | undefined {
    const wanted = name.toLowerCase();
    for (const schema of this.#schemas.values()) {
      if (schema.archived !== archived) continue;
      const { type } = schema;
      if ([type.name, ...type.aliases].some((alias) => alias.toLowerCase() === wanted)) return schema;
    }
    return undefined;
  }

  /** `find`, or HubSpot's 404. */
  get(name: string, archived = false): CustomSchema {
    const schema = this.find(name, archived);
    if (schema === undefined) throw notFound(`Unable to find object type ${name}${archived ? " among archived schemas" : ""}.`);
    return schema;
  }

  list(archived = false): CustomSchema[] {
    return [...this.#schemas.values()].filter((schema) => schema.archived === archived);
  }

  /** Properties a record of `type` must have on create: its schema's `requiredProperties`. */
  requiredProperties(type: ObjectType): string[] {
    const schema = this.#schemas.get(type.objectTypeId);
    return schema === undefined || schema.archived ? [] : [...schema.requiredProperties];
  }

  view(schema: CustomSchema): ObjectSchemaView {
    const properties = this.portal.properties(schema.type).live();
    return objectSchemaView(schema, this.portal.id, properties, this.associationsOf(schema.type));
  }

  definitionView(schema: CustomSchema): ObjectTypeDefinitionView {
    return objectTypeDefinitionView(schema, this.portal.id);
  }

  associationsOf(type: ObjectType): AssociationDefinition[] {
    const id = type.objectTypeId;
    return this.#associations.filter((a) => a.fromObjectTypeId === id || a.toObjectTypeId === id);
  }

  /** Applies HubSpot's ObjectTypeDefinitionPatch; every name it lists must be a live property. */
  update(schema: CustomSchema, body: Record<string, unknown>): CustomSchema {
    const registry = this.portal.properties(schema.type);
    const known = (name: string): boolean => registry.get(name) !== undefined;
    const labels = optionalObject(body, "labels");
    const nextLabels = labels === undefined ? schema.labels : parseLabels(labels, schema.labels);
    const required = body["requiredProperties"] === undefined ? schema.requiredProperties : namesAmong(body, "requiredProperties", known);
    const searchable = body["searchableProperties"] === undefined ? schema.searchableProperties : namesAmong(body, "searchableProperties", known);
    const secondary = body["secondaryDisplayProperties"] === undefined ? schema.secondaryDisplayProperties : namesAmong(body, "secondaryDisplayProperties", known);
    const primary = optionalString(body, "primaryDisplayProperty");
    if (primary !== undefined && !known(primary)) {
      throw fieldError("primaryDisplayProperty", `primaryDisplayProperty '${primary}' is not a property of ${schema.type.name}.`);
    }
    const description = optionalString(body, "description");
    const clearDescription = optionalBoolean(body, "clearDescription") ?? false;

    schema.labels = nextLabels;
    schema.requiredProperties = required;
    schema.searchableProperties = searchable;
    schema.secondaryDisplayProperties = secondary;
    if (primary !== undefined) setPrimaryDisplayProperty(schema.type, primary);
    if (clearDescription) delete schema.description;
    else if (description !== undefined) schema.description = description;
    schema.updatedAt = this.portal.state.clock.iso();
    return schema;
  }

  /**
   * Deletes a schema. HubSpot refuses while live records exist; a plain delete archives the
   * schema (its name stays taken), `purge` (`archived=true`) removes it and frees the name.
   */
  archive(schema: CustomSchema, purge: boolean): void {
    const live = this.portal.store(schema.type).liveCount;
    if (live > 0) {
      throw badRequest(`Object type ${schema.type.objectTypeId} (${schema.type.name}) still has ${live} records; delete them before deleting its schema.`, {
        errors: [{ message: `${live} records of ${schema.type.name} exist.`, code: "OBJECT_TYPE_HAS_RECORDS", in: "objectType" }],
      });
    }
    const at = this.portal.state.clock.iso();
    schema.archived = true;
    schema.updatedAt = at;
    this.portal.types.remove(schema.type);
    if (!purge) return;
    this.portal.dropType(schema.type);
    this.#schemas.delete(schema.type.objectTypeId);
    const id = schema.type.objectTypeId;
    this.#associations = this.#associations.filter((a) => a.fromObjectTypeId !== id && a.toObjectTypeId !== id);
  }

  /** `POST /schemas/{objectType}/associations`: one end must be the schema's own type. */
  addAssociation(schema: CustomSchema, body: unknown): AssociationDefinition {
    if (!isObject(body)) throw fieldError("body", "Invalid input JSON: AssociationDefinitionEgg must be a JSON object.", "INVALID_TYPE");
    const missing = ["fromObjectTypeId", "toObjectTypeId"].filter((field) => typeof body[field] !== "string" || body[field] === "");
    if (missing.length > 0) throw missingFields("AssociationDefinitionEgg", missing);
    const from = this.#endpoint(body, "fromObjectTypeId");
    const to = this.#endpoint(body, "toObjectTypeId");
    if (from !== schema.type && to !== schema.type) {
      throw fieldError("fromObjectTypeId", `An association defined on ${schema.type.name} must start or end at ${schema.type.objectTypeId}.`);
    }
    const taken = this.#associations.find((a) => a.fromObjectTypeId === from.objectTypeId && a.toObjectTypeId === to.objectTypeId);
    if (taken !== undefined) {
      throw new ApiError(409, "CONFLICT", `An association from ${from.objectTypeId} to ${to.objectTypeId} already exists (id ${taken.id}).`);
    }
    return this.#define(from, to, optionalString(body, "name"), this.portal.state.clock.iso());
  }

  /** `DELETE /schemas/{objectType}/associations/{id}`. */
  removeAssociation(schema: CustomSchema, associationId: string): void {
    const found = this.associationsOf(schema.type).find((a) => a.id === associationId);
    if (found === undefined) throw notFound(`No association ${associationId} is defined on ${schema.type.name}.`);
    this.#associations = this.#associations.filter((a) => a !== found);
    schema.updatedAt = this.portal.state.clock.iso();
  }

  #endpoint(body: Record<string, unknown>, field: string): ObjectType {
    const name = optionalString(body, field) ?? "";
    const type = this.portal.types.resolve(name);
    if (type === undefined) throw fieldError(field, `${field} '${name}' is not an object type in this portal.`);
    return type;
  }

  #define(from: ObjectType, to: ObjectType, name: string | undefined, at: string): AssociationDefinition {
    const typeId = this.portal.associations.defaultTypeId(from, to);
    const definition: AssociationDefinition = {
      id: String(typeId),
      fromObjectTypeId: from.objectTypeId,
      toObjectTypeId: to.objectTypeId,
      name: name ?? `${from.singular}_to_${to.singular}`.toLowerCase(),
      createdAt: at,
      updatedAt: at,
    };
    this.#associations.push(definition);
    return definition;
  }
}

const alwaysRead = new Set(["createdate", "hs_lastmodifieddate", "hs_object_id"]);

/** Records read without a property list show the primary display property; keep that in step. */
function setPrimaryDisplayProperty(type: ObjectType, name: string): void {
  const previous = type.primaryDisplayProperty;
  type.primaryDisplayProperty = name;
  const kept = type.defaultReadProperties.filter((p) => p !== previous || alwaysRead.has(p));
  type.defaultReadProperties = kept.includes(name) ? kept : [...kept, name];
}
