import { z } from "zod";
import { columnNameSchema } from "../mapping/transform-schema.ts";
import { fieldMapSchema } from "../mapping/field-map-schema.ts";
import { numberFormatSchema } from "../mapping/number-format.ts";
import { customObjectSchema } from "./custom-object-schema.ts";
import { nameSchema, scheduleSchema } from "./inbound-sync-schema.ts";
import { outboundSourceSchema } from "./outbound-source-schema.ts";
import { associationResolutions, associationShapes, derivedAssociationFilters, outboundModes, recordIdProperty } from "./outbound-targets.ts";
import { objectNameSchema, propertyNameSchema } from "./property-name-schema.ts";

const matchSchema = z
  .strictObject({
    property: propertyNameSchema.describe(
      "The HubSpot property that identifies a record: email (contacts), a property with unique values, or hs_object_id.",
    ),
    column: columnNameSchema.describe("The source column holding that property's value."),
  })
  .describe("How a row finds its HubSpot record.");

const associationSchema = z
  .strictObject({
    to: objectNameSchema.describe("The object type to associate with (the same type is allowed: contacts → contacts)."),
    column: columnNameSchema
      .optional()
      .describe("The source column naming the records to associate with (required unless the association goes `through` another)."),
    by: propertyNameSchema
      .default(recordIdProperty)
      .describe("What the column's values are: hs_object_id (the default), or a unique property of the target such as email or domain."),
    label: z.string().min(1).optional().describe("The association label to write (it must exist in HubSpot); default unlabelled."),
    shape: z
      .enum(associationShapes)
      .default("auto")
      .describe("How the column holds its values: auto (decided per value), list, csv (comma-separated text), value_label ([{value, label}]) or map ({key: label or null})."),
    resolve: z
      .enum(associationResolutions)
      .optional()
      .describe(
        "When a value names several records (a key without unique values, a contact's email also held as another's secondary email): unique (the default: the row's association fails, reported), most_recently_active (the one with the latest activity, then the latest modification) or all.",
      ),
    through: z
      .union([columnNameSchema, z.number().int().min(0)], { error: "expected the column (or the index) of another association; got {got}" })
      .optional()
      .describe(
        "Derive the targets instead of reading a column: the records of type `to` associated with the records another association of this sync (named by its column, or its index in the list) resolves to.",
      ),
    only: z
      .enum(derivedAssociationFilters)
      .optional()
      .describe("With through: open keeps only deals and tickets whose pipeline stage is not closed; all (the default) keeps every one."),
    removeMissing: z.boolean().default(false).describe("Remove associations this sync wrote whose pair is no longer in the source."),
    removeDefaultWhenLastLabelRemoved: z
      .boolean()
      .default(false)
      .describe("When the last label of a pair is removed, also remove the unlabelled association HubSpot keeps with it (needs removeMissing)."),
  })
  .meta({ id: "OutboundAssociation", description: "Associations written from one source column." });

const listSchema = z
  .union([z.boolean(), z.strictObject({ name: z.string().min(1).optional().describe("The list's name (default: the sync's name).") })], {
    error: "expected true, false or a map with name; got {got}",
  })
  .describe("Keep a static list whose members are exactly the source's rows: true (named after the sync) or { name }.");

/** One `outbound:` sync: rows of a table, query or file → HubSpot records. */
export const outboundSyncSchema = z
  .strictObject({
    connection: nameSchema.describe("The name of the connection (under `connections:`) to write to."),
    schedule: scheduleSchema,
    source: outboundSourceSchema,
    key: columnNameSchema.describe("The source column whose value identifies a row across runs (a primary key, an id)."),
    object: objectNameSchema.describe(
      "The HubSpot object written: contacts, companies, deals, tickets, notes, products, line_items, quotes, or a custom object.",
    ),
    mode: z
      .enum(outboundModes)
      .describe(
        "create: new rows only; update: existing records only; upsert: both; mirror: upsert, and archive the records this sync created whose rows left the source.",
      ),
    match: matchSchema.optional(),
    fields: fieldMapSchema.default({}),
    numberFormat: numberFormatSchema.optional(),
    createMissingProperties: z
      .boolean()
      .default(false)
      .describe("Create a mapped property HubSpot does not have (as a text property) instead of failing the run."),
    associations: z.array(associationSchema).default([]).describe("Associations written with each row."),
    list: listSchema.optional(),
    customObject: customObjectSchema.optional(),
    dryRun: z.boolean().default(false).describe("Plan only: report what would be created, updated and archived; write nothing."),
  })
  .describe("A database (or file) → HubSpot sync.");
