/** HubSpot's object type ids of the standard objects (lists and schemas name types by id). */
const standardTypeIds: Readonly<Record<string, string>> = {
  contacts: "0-1",
  companies: "0-2",
  deals: "0-3",
  tickets: "0-5",
  products: "0-7",
  line_items: "0-8",
  quotes: "0-14",
  notes: "0-46",
  meetings: "0-47",
  calls: "0-48",
  emails: "0-49",
  tasks: "0-27",
};

/** The `0-…` id of a standard object, or undefined for a custom one (whose `2-…` id its schema gives). */
export function standardTypeId(objectType: string): string | undefined {
  return standardTypeIds[objectType];
}
