import type { SyncSpec } from "./outbound-harness.ts";

// Use case 3's sync: a gifting app's transactions as a custom object (the shape of
// examples/app-records-custom-object/hubsync.yaml), and builders for its source rows.

export const OBJECT = "gift_transaction";

export const customObject = {
  name: OBJECT,
  labels: { singular: "Gift", plural: "Gifts" },
  primaryDisplayProperty: "gift_name",
  uniqueProperty: "transaction_id",
  associatedObjects: ["contacts", "deals"],
  properties: [
    { name: "transaction_id", label: "Transaction ID" },
    { name: "gift_name", label: "Gift" },
    { name: "gift_type", label: "Type", type: "enumeration", options: ["physical", "digital", "experience"] },
    { name: "amount", label: "Amount", type: "number" },
    { name: "sender_email", label: "Sender email" },
    { name: "recipient_email", label: "Recipient email" },
    { name: "status", label: "Status", type: "enumeration", options: ["sent", "delivered", "opened", "redeemed", "expired"] },
    { name: "status_changed_at", label: "Status changed", type: "datetime" },
  ],
};

export const giftsSync: SyncSpec = {
  // Each customer organisation sees only its own gifts.
  source: { query: "select * from gift_transactions where organisation_id = 'acme'" },
  key: "transaction_id",
  object: OBJECT,
  mode: "upsert",
  match: { property: "transaction_id", column: "transaction_id" },
  fields: {
    transaction_id: "transaction_id",
    gift_name: "name",
    gift_type: "gift_type",
    amount: "amount",
    sender_email: "sender_email",
    recipient_email: { column: "recipient_email", transforms: ["trim", "lowercase"] },
    status: "status",
    status_changed_at: { column: "status_changed_at", transforms: [{ type: "date_format", input: "iso" }] },
  },
  associations: [
    // Two contacts may share an address (one holds it as a secondary email): the most recently active wins.
    { to: "contacts", column: "recipient_email", by: "email", resolve: "most_recently_active" },
    // That contact's deals still open, read from HubSpot; a deal that closes loses its gifts.
    { to: "deals", through: "recipient_email", only: "open", removeMissing: true },
  ],
  customObject,
};

export const gift = (n: number, recipient: string, organisation = "acme") => ({
  organisation_id: organisation,
  transaction_id: `tx-${n}`,
  name: `Gift ${n}`,
  gift_type: n % 2 === 0 ? "physical" : "Digital",
  amount: 25 + n,
  sender_email: "sender@giftapp.test",
  recipient_email: recipient,
  status: "sent",
  status_changed_at: "2025-03-01T10:00:00Z",
});

/** The app's table, in the store's database. */
export const giftColumns = {
  organisation_id: "text",
  transaction_id: "text primary key",
  name: "text",
  gift_type: "text",
  amount: "integer",
  sender_email: "text",
  recipient_email: "text",
  status: "text",
  status_changed_at: "text",
};
