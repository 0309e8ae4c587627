export type PropertyType = "string" | "number" | "date" | "datetime" | "enumeration" | "bool" | "phone_number";

export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
  description?: string;
}

/** A property definition as HubSpot's properties API returns it. */
export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  options: PropertyOption[];
  displayOrder: number;
  hasUniqueValue: boolean;
  calculated: boolean;
  externalOptions: boolean;
  hidden: boolean;
  formField: boolean;
  hubspotDefined: boolean;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  /** Set when the property is archived (DELETE); HubSpot's Property model carries it. */
  archivedAt?: string;
  modificationMetadata: { archivable: boolean; readOnlyDefinition: boolean; readOnlyValue: boolean };
}

export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

const fieldTypeFor: Record<PropertyType, string> = {
  string: "text",
  number: "number",
  date: "date",
  datetime: "date",
  enumeration: "select",
  bool: "booleancheckbox",
  phone_number: "phonenumber",
};

export interface PropertySpec {
  name: string;
  label?: string;
  type?: PropertyType;
  fieldType?: string;
  groupName?: string;
  description?: string;
  options?: Array<string | { label: string; value: string }>;
  hasUniqueValue?: boolean;
  readOnly?: boolean;
  hubspotDefined?: boolean;
}

const titleCase = (name: string): string =>
  name.replace(/^hs_/, "").split("_").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");

/** Builds a full definition from the few facts that differ between properties. */
export function defineProperty(spec: PropertySpec, at: string): PropertyDefinition {
  const type = spec.type ?? "string";
  const readOnly = spec.readOnly ?? false;
  const hubspotDefined = spec.hubspotDefined ?? true;
  return {
    name: spec.name,
    label: spec.label ?? titleCase(spec.name),
    type,
    fieldType: spec.fieldType ?? (type === "bool" ? "booleancheckbox" : fieldTypeFor[type]),
    groupName: spec.groupName ?? "information",
    description: spec.description ?? "",
    options: (spec.options ?? (type === "bool" ? ["true", "false"] : [])).map((o, i) =>
      typeof o === "string"
        ? { label: titleCase(o), value: o, displayOrder: i, hidden: false }
        : { ...o, displayOrder: i, hidden: false },
    ),
    displayOrder: -1,
    hasUniqueValue: spec.hasUniqueValue ?? false,
    calculated: false,
    externalOptions: false,
    hidden: false,
    formField: !readOnly,
    hubspotDefined,
    createdAt: at,
    updatedAt: at,
    archived: false,
    modificationMetadata: { archivable: !hubspotDefined, readOnlyDefinition: hubspotDefined, readOnlyValue: readOnly },
  };
}
