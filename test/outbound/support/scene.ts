import type { Emulator } from "../../../src/emulator/index.ts";
import { callApiOk } from "../../inbound/support/emulator-data.ts";

// Setting the scene in HubSpot through its public API (properties and labels are definitions a
// portal admin makes; records in bulk go through emulator-data's createRecords).

export interface PropertySpec {
  name: string;
  type?: "string" | "number" | "date" | "datetime" | "enumeration" | "bool";
  fieldType?: string;
  hasUniqueValue?: boolean;
  options?: string[];
}

const fieldTypeOf = (type: string): string => ({ string: "text", number: "number", date: "date", datetime: "date", enumeration: "select", bool: "booleancheckbox" })[type] ?? "text";

/** Creates a property as a portal admin would (`hasUniqueValue` only at creation, as in HubSpot). */
export async function createProperty(emulator: Emulator, objectType: string, spec: PropertySpec): Promise<void> {
  const type = spec.type ?? "string";
  await callApiOk(emulator, "POST", `/crm/v3/properties/${objectType}`, {
    name: spec.name,
    label: spec.name,
    type,
    fieldType: spec.fieldType ?? fieldTypeOf(type),
    groupName: `${objectType === "contacts" ? "contact" : objectType === "companies" ? "company" : objectType}information`,
    ...(spec.hasUniqueValue === undefined ? {} : { hasUniqueValue: spec.hasUniqueValue }),
    ...(spec.options === undefined ? {} : { options: spec.options.map((value, i) => ({ label: value, value, displayOrder: i })) }),
  });
}

/** Creates an association label between two object types; returns its type id (from → to). */
export async function createLabel(emulator: Emulator, fromType: string, toType: string, label: string): Promise<number> {
  const name = label.toLowerCase().replace(/[^a-z0-9]+/g, "_");
  const answer = await callApiOk<{ results: Array<{ typeId: number; label: string | null; category: string }> }>(
    emulator,
    "POST",
    `/crm/v4/associations/${fromType}/${toType}/labels`,
    { label, name },
  );
  const found = answer.results.find((r) => r.label === label);
  if (found === undefined) throw new Error(`label ${label} not in ${JSON.stringify(answer)}`);
  return found.typeId;
}

/** `n` people rows: `k0001`…, person{i}@example.com. */
export function peopleRows(n: number, from = 0): Array<{ id: string; email: string; first_name: string; last_name: string }> {
  return Array.from({ length: n }, (_, j) => {
    const i = from + j;
    return { id: rowKey(i), email: `person${i}@example.com`, first_name: `First${i}`, last_name: `Last${i}` };
  });
}

/** A row key no other key contains (`k0007`), so audit messages can be searched for it. */
export const rowKey = (i: number): string => `k${String(i).padStart(5, "0")}`;

/** The columns of people rows in a table. */
export const peopleColumns = { id: "text primary key", email: "text", first_name: "text", last_name: "text" };
