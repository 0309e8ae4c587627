import { z } from "zod";
import { propertyTypes } from "../mapping/property-definition.ts";
import { objectNameSchema, propertyNameSchema } from "./property-name-schema.ts";

const optionSchema = z
  .union([z.string().min(1), z.strictObject({ label: z.string().min(1), value: z.string().min(1) })], {
    error: "expected an option value, or a map with label and value; got {got}",
  })
  .describe("An allowed value: `value` (its label is the value), or { label, value }.");

export const customPropertySchema = z
  .strictObject({
    name: propertyNameSchema.describe("The property's internal name."),
    label: z.string().min(1).optional().describe("What HubSpot shows (default: the name)."),
    type: z.enum(propertyTypes).default("string").describe("HubSpot's property type."),
    fieldType: z
      .string()
      .min(1)
      .optional()
      .describe("HubSpot's form field type (default from type: text, number, date, select, booleancheckbox, phonenumber)."),
    options: z.array(optionSchema).min(1).optional().describe("The allowed values of an enumeration (bool: Yes / No by default)."),
  })
  .describe("A property of the custom object.");

/** `customObject:` — the schema hubsync creates in HubSpot when the object does not exist yet. */
export const customObjectSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "expected a name of letters, digits and _ that starts with a letter, such as gift_transaction; got {got}")
      .describe("The object's name; the sync's object is this name (or p_<name>)."),
    labels: z
      .strictObject({
        singular: z.string().min(1).describe("One record, e.g. Gift."),
        plural: z.string().min(1).describe("Several, e.g. Gifts."),
      })
      .describe("What HubSpot calls the object."),
    primaryDisplayProperty: propertyNameSchema.describe("The property HubSpot shows as a record's name; one of properties."),
    properties: z.array(customPropertySchema).min(1).describe("The object's properties."),
    uniqueProperty: propertyNameSchema.describe("The property that identifies a record (created with hasUniqueValue); one of properties."),
    associatedObjects: z.array(objectNameSchema).default([]).describe("Object types its records can be associated with (contacts, deals, …)."),
  })
  .meta({ id: "CustomObjectSchema", description: "A custom object's schema, declared so hubsync can create it." });
