import type { SeededContact } from "./seed-contacts.ts";
import type { SeedContext } from "./seed-context.ts";
import type { SeededDeal } from "./seed-deals.ts";

/** The custom object of use case 3: gift transactions, with a unique transaction id. */
export const giftSchema = {
  name: "gift",
  labels: { singular: "Gift", plural: "Gifts" },
  primaryDisplayProperty: "gift_name",
  secondaryDisplayProperties: ["status"],
  requiredProperties: ["gift_name", "transaction_id"],
  searchableProperties: ["gift_name", "transaction_id", "recipient_email"],
  associatedObjects: ["CONTACT", "DEAL"],
  properties: [
    { name: "gift_name", label: "Gift name", type: "string", fieldType: "text" },
    { name: "transaction_id", label: "Transaction ID", type: "string", fieldType: "text", hasUniqueValue: true },
    { name: "gift_type", label: "Type", type: "enumeration", fieldType: "select", options: ["physical", "digital", "experience"].map((value, displayOrder) => ({ label: value, value, displayOrder })) },
    { name: "amount", label: "Amount", type: "number", fieldType: "number" },
    { name: "sender_name", label: "Sender name", type: "string", fieldType: "text" },
    { name: "sender_email", label: "Sender email", type: "string", fieldType: "text" },
    { name: "recipient_name", label: "Recipient name", type: "string", fieldType: "text" },
    { name: "recipient_email", label: "Recipient email", type: "string", fieldType: "text" },
    { name: "message", label: "Message", type: "string", fieldType: "textarea" },
    { name: "status", label: "Status", type: "enumeration", fieldType: "select", options: ["sent", "delivered", "opened", "redeemed"].map((value, displayOrder) => ({ label: value, value, displayOrder })) },
    { name: "tracking_url", label: "Tracking URL", type: "string", fieldType: "text" },
  ],
};

const statusPath = ["sent", "delivered", "opened", "redeemed"];

/** Creates the gift schema and gift records tied to their recipient contact and one of its deals. */
export function seedGifts(ctx: SeedContext, count: number, contacts: SeededContact[], deals: SeededDeal[]): void {
  const { faker, portal } = ctx;
  const schema = portal.schemas.create(giftSchema);
  const giftType = portal.resolveType(schema.objectTypeId);
  const store = portal.store(giftType);
  const contactType = portal.resolveType("contacts");
  const dealType = portal.resolveType("deals");
  const toContact = portal.associations.defaultTypeId(giftType, contactType);
  const toDeal = portal.associations.defaultTypeId(giftType, dealType);
  const dealsByContact = new Map(deals.filter((d) => d.contactId !== undefined).map((d) => [d.contactId, d.id]));
  for (let i = 0; i < count; i++) {
    const recipient = contacts.length > 0 ? ctx.pick(contacts) : undefined;
    const at = ctx.pastTime(365);
    const finalStatus = faker.number.int({ min: 0, max: statusPath.length - 1 });
    const record = store.create(
      {
        gift_name: `${faker.commerce.productAdjective()} ${faker.commerce.product()}`,
        transaction_id: `txn_${String(100000 + i)}`,
        gift_type: ctx.pick(["physical", "digital", "experience"]),
        amount: String(faker.number.int({ min: 15, max: 300 })),
        sender_name: faker.person.fullName(),
        sender_email: faker.internet.email({ provider: "example-sender.com" }).toLowerCase(),
        recipient_name: faker.person.fullName(),
        recipient_email: recipient?.email ?? faker.internet.email({ provider: "example-nobody.com" }).toLowerCase(),
        message: faker.lorem.sentence(),
        status: "sent",
        tracking_url: `https://track.example.com/${100000 + i}`,
      },
      ctx.importSource,
      at,
    );
    let when = at;
    for (const status of statusPath.slice(1, finalStatus + 1)) {
      when = ctx.timeAfter(when);
      store.update(record, { status }, { sourceType: "INTEGRATION", sourceId: "gift-app" }, when);
    }
    if (recipient === undefined) continue;
    portal.associations.associate(giftType, record.id, contactType, recipient.id, [{ associationCategory: "USER_DEFINED", associationTypeId: toContact }], ctx.importSource, at);
    const dealId = dealsByContact.get(recipient.id);
    if (dealId !== undefined) {
      portal.associations.associate(giftType, record.id, dealType, dealId, [{ associationCategory: "USER_DEFINED", associationTypeId: toDeal }], ctx.importSource, at);
    }
  }
}
