import type { AssociationTypeDef } from "./association-type.ts";

/** Singular names of the built-in types that have fixed association ids (v3 type strings use them). */
const singular: Readonly<Record<string, string>> = {
  "0-1": "contact",
  "0-2": "company",
  "0-3": "deal",
  "0-5": "ticket",
  "0-8": "line_item",
  "0-14": "quote",
  "0-46": "note",
  "0-48": "call",
  "0-49": "email",
  "0-47": "meeting",
  "0-27": "task",
};

const CONTACT = "0-1";
const COMPANY = "0-2";
const DEAL = "0-3";
const TICKET = "0-5";
const LINE_ITEM = "0-8";
const QUOTE = "0-14";

/** [from, to, default id, reverse default id, primary id?, reverse primary id?] — hubspot-api-notes §8. */
type PairRow = readonly [string, string, number, number, number?, number?];

const pairs: readonly PairRow[] = [
  [CONTACT, COMPANY, 279, 280, 1, 2],
  [DEAL, CONTACT, 3, 4],
  [DEAL, COMPANY, 341, 342, 5, 6],
  [TICKET, CONTACT, 16, 15],
  [TICKET, COMPANY, 339, 340, 26, 25],
  [DEAL, TICKET, 27, 28],
  [DEAL, LINE_ITEM, 19, 20],
  [DEAL, QUOTE, 63, 64],
  [QUOTE, LINE_ITEM, 67, 68],
  [CONTACT, CONTACT, 449, 449],
  [COMPANY, COMPANY, 450, 450],
  [DEAL, DEAL, 451, 451],
  [TICKET, TICKET, 452, 452],
  // Engagements → contact, company, deal, ticket; the reverse id is one less.
  ...(
    [
      ["0-46", [202, 190, 214, 228]],
      ["0-48", [194, 182, 206, 220]],
      ["0-49", [198, 186, 210, 224]],
      ["0-47", [200, 188, 212, 226]],
      ["0-27", [204, 192, 216, 230]],
    ] as const
  ).flatMap(([engagement, ids]) => [CONTACT, COMPANY, DEAL, TICKET].map((to, i): PairRow => [engagement, to, ids[i] ?? 0, (ids[i] ?? 0) - 1])),
];

function def(fromTypeId: string, toTypeId: string, typeId: number, inverseTypeId: number, fields: Partial<AssociationTypeDef> & { name: string }): AssociationTypeDef {
  return { typeId, fromTypeId, toTypeId, inverseTypeId, category: "HUBSPOT_DEFINED", label: null, isDefault: false, uniquePerFrom: false, ...fields };
}

/**
 * HubSpot's fixed association types, both directions. A pair with a primary names its
 * unlabelled default `…_unlabeled` and its primary plainly (`contact_to_company`), as v3 does;
 * the primary is unique on the side that points at the company.
 */
export function hubspotDefaultTypes(): AssociationTypeDef[] {
  const defs: AssociationTypeDef[] = [];
  for (const [from, to, id, reverseId, primaryId, reversePrimaryId] of pairs) {
    const forward = `${singular[from]}_to_${singular[to]}`;
    const backward = `${singular[to]}_to_${singular[from]}`;
    const suffix = primaryId === undefined ? "" : "_unlabeled";
    defs.push(def(from, to, id, reverseId, { name: forward + suffix, isDefault: true }));
    if (reverseId !== id) defs.push(def(to, from, reverseId, id, { name: backward + suffix, isDefault: true }));
    if (primaryId !== undefined && reversePrimaryId !== undefined) {
      defs.push(def(from, to, primaryId, reversePrimaryId, { name: forward, label: "Primary", uniquePerFrom: true }));
      defs.push(def(to, from, reversePrimaryId, primaryId, { name: backward, label: "Primary" }));
    }
  }
  // Company hierarchy: a label names the role of the record pointed at.
  defs.push(def(COMPANY, COMPANY, 13, 14, { name: "parent_to_child_company", label: "Child Company" }));
  defs.push(def(COMPANY, COMPANY, 14, 13, { name: "child_to_parent_company", label: "Parent Company", uniquePerFrom: true }));
  return defs;
}
