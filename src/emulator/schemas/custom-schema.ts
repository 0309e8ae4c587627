import type { ObjectType } from "../state/object-type.ts";

/** HubSpot's AssociationDefinition: one association type a schema declares. */
export interface AssociationDefinition {
  /** The association type id (the unlabelled default for the pair), as a string. */
  id: string;
  fromObjectTypeId: string;
  toObjectTypeId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface SchemaLabels {
  singular: string;
  plural: string;
}

/** A custom-object schema as the emulator keeps it; name and primary display live on `type`. */
export interface CustomSchema {
  /** The number in `objectTypeId` (`2-<id>`), as HubSpot's `id` field carries it. */
  id: string;
  type: ObjectType;
  labels: SchemaLabels;
  description?: string;
  requiredProperties: string[];
  searchableProperties: string[];
  secondaryDisplayProperties: string[];
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}
