/** What the emulator knows about one object type, built-in or custom. */
export interface ObjectType {
  /** `0-1` for contacts, `2-<n>` for custom objects. */
  objectTypeId: string;
  /** API path name: `contacts`, `line_items`; a custom object's schema name. */
  name: string;
  /** Singular name used in association type names and webhook subscription types. */
  singular: string;
  /** Other names that address the type in a path (`contact`, `p_gift`, `p123_gift`). */
  aliases: string[];
  modifiedDateProperty: "lastmodifieddate" | "hs_lastmodifieddate";
  /** Properties returned when a read names none. */
  defaultReadProperties: string[];
  /** OAuth scopes, any one of which allows reading / writing records of the type. */
  readScopes: string[];
  writeScopes: string[];
  /** Scopes for reading / writing the type's property definitions. */
  schemaReadScopes: string[];
  schemaWriteScopes: string[];
  custom: boolean;
  /** Name of the property records are shown by (custom objects declare it). */
  primaryDisplayProperty?: string;
}

const base = ["createdate", "hs_lastmodifieddate", "hs_object_id"];

function builtIn(
  objectTypeId: string,
  name: string,
  singular: string,
  scopeStem: string,
  defaultReadProperties: string[],
  extraAliases: string[] = [],
): ObjectType {
  return {
    objectTypeId,
    name,
    singular,
    aliases: [objectTypeId, singular, ...extraAliases],
    modifiedDateProperty: name === "contacts" ? "lastmodifieddate" : "hs_lastmodifieddate",
    defaultReadProperties,
    readScopes: [`crm.objects.${scopeStem}.read`],
    writeScopes: [`crm.objects.${scopeStem}.write`],
    schemaReadScopes: [`crm.schemas.${scopeStem}.read`],
    schemaWriteScopes: [`crm.schemas.${scopeStem}.write`],
    custom: false,
  };
}

/** Engagements have no scopes of their own: HubSpot gates them by the contacts scopes. */
function engagement(objectTypeId: string, name: string, singular: string, extra: string[]): ObjectType {
  return builtIn(objectTypeId, name, singular, "contacts", [...base, "hs_timestamp", ...extra]);
}

/** HubSpot's standard object types, in the order the docs list them. */
export function builtInObjectTypes(): ObjectType[] {
  return [
    builtIn("0-1", "contacts", "contact", "contacts", ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"]),
    builtIn("0-2", "companies", "company", "companies", ["createdate", "domain", "hs_lastmodifieddate", "hs_object_id", "name"]),
    builtIn("0-3", "deals", "deal", "deals", ["amount", "closedate", "createdate", "dealname", "dealstage", "hs_lastmodifieddate", "hs_object_id", "pipeline"]),
    builtIn("0-5", "tickets", "ticket", "tickets", ["content", "createdate", "hs_lastmodifieddate", "hs_object_id", "hs_pipeline", "hs_pipeline_stage", "hs_ticket_category", "hs_ticket_priority", "subject"]),
    builtIn("0-7", "products", "product", "products", [...base, "name", "price", "description"]),
    builtIn("0-8", "line_items", "line_item", "line_items", [...base, "name", "price", "quantity", "amount"], ["line_item", "lineitem", "lineitems"]),
    builtIn("0-14", "quotes", "quote", "quotes", [...base, "hs_title", "hs_expiration_date"]),
    engagement("0-48", "calls", "call", ["hs_call_title", "hs_call_body"]),
    engagement("0-49", "emails", "email", ["hs_email_subject", "hs_email_text"]),
    engagement("0-47", "meetings", "meeting", ["hs_meeting_title", "hs_meeting_body"]),
    engagement("0-46", "notes", "note", ["hs_note_body"]),
    engagement("0-27", "tasks", "task", ["hs_task_subject", "hs_task_body", "hs_task_status"]),
  ];
}

/** The type a custom-object schema defines. */
export function customObjectType(portalId: number, objectTypeId: string, name: string, primaryDisplayProperty: string): ObjectType {
  return {
    objectTypeId,
    name,
    singular: name,
    aliases: [objectTypeId, `p_${name}`, `p${portalId}_${name}`],
    modifiedDateProperty: "hs_lastmodifieddate",
    defaultReadProperties: [...base, primaryDisplayProperty],
    readScopes: ["crm.objects.custom.read"],
    writeScopes: ["crm.objects.custom.write"],
    schemaReadScopes: ["crm.schemas.custom.read"],
    schemaWriteScopes: ["crm.schemas.custom.write"],
    custom: true,
    primaryDisplayProperty,
  };
}
