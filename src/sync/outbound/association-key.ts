import type { OutboundAssociationConfig } from "../../config/index.ts";

/**
 * The name under which a sync remembers what one of its associations wrote and which rows
 * are orphaned by it. Built from what the association is (not its position), so reordering
 * the list in hubsync.yaml keeps the memory: `companies.company_domain.domain`, or for a
 * derived one `deals<contacts.recipient_email.email`.
 */
export function associationKey(association: OutboundAssociationConfig, all: readonly OutboundAssociationConfig[]): string {
  if (association.through !== undefined) {
    const through = all[association.through.association];
    const base = through === undefined ? String(association.through.association) : associationKey(through, all);
    return `${association.toObjectType}<${base}${association.through.only === "open" ? ".open" : ""}${association.label === undefined ? "" : `.${association.label}`}`;
  }
  return `${association.toObjectType}.${association.column}.${association.by}${association.label === undefined ? "" : `.${association.label}`}`;
}
