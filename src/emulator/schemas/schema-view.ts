import type { PropertyDefinition } from "../state/property-definition.ts";
import type { AssociationDefinition, CustomSchema, SchemaLabels } from "./custom-schema.ts";

/** HubSpot's ObjectTypeDefinition: a schema without its properties and associations (the PATCH answer). */
export interface ObjectTypeDefinitionView {
  id: string;
  objectTypeId: string;
  fullyQualifiedName: string;
  name: string;
  labels: SchemaLabels;
  description?: string;
  primaryDisplayProperty: string;
  secondaryDisplayProperties: string[];
  requiredProperties: string[];
  searchableProperties: string[];
  portalId: number;
  metaType: "PORTAL_SPECIFIC";
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** HubSpot's ObjectSchema: the definition plus its properties and association definitions. */
export interface ObjectSchemaView extends Omit<ObjectTypeDefinitionView, "portalId"> {
  properties: PropertyDefinition[];
  associations: AssociationDefinition[];
}

export function objectTypeDefinitionView(schema: CustomSchema, portalId: number): ObjectTypeDefinitionView {
  const { type } = schema;
  const view: ObjectTypeDefinitionView = {
    id: schema.id,
    objectTypeId: type.objectTypeId,
    fullyQualifiedName: `p${portalId}_${type.name}`,
    name: type.name,
    labels: { ...schema.labels },
    primaryDisplayProperty: type.primaryDisplayProperty ?? "hs_object_id",
    secondaryDisplayProperties: [...schema.secondaryDisplayProperties],
    requiredProperties: [...schema.requiredProperties],
    searchableProperties: [...schema.searchableProperties],
    portalId,
    metaType: "PORTAL_SPECIFIC",
    archived: schema.archived,
    createdAt: schema.createdAt,
    updatedAt: schema.updatedAt,
  };
  if (schema.description !== undefined) view.description = schema.description;
  return view;
}

export function objectSchemaView(
  schema: CustomSchema,
  portalId: number,
  properties: PropertyDefinition[],
  associations: AssociationDefinition[],
): ObjectSchemaView {
  const { portalId: _portalId, ...definition } = objectTypeDefinitionView(schema, portalId);
  return { ...definition, properties, associations };
}
