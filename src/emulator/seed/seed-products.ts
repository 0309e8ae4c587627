import type { SeedContext } from "./seed-context.ts";
import type { SeededDeal } from "./seed-deals.ts";

/** A product catalogue, and line items built from it on about a third of the deals. */
export function seedProductsAndLineItems(ctx: SeedContext, count: number, deals: SeededDeal[]): void {
  const { faker, portal } = ctx;
  const productStore = portal.store(portal.resolveType("products"));
  const lineItemType = portal.resolveType("line_items");
  const lineItemStore = portal.store(lineItemType);
  const dealType = portal.resolveType("deals");
  const products: Array<{ id: string; name: string; price: number }> = [];
  for (let i = 0; i < count; i++) {
    const name = faker.commerce.productName();
    const price = faker.number.int({ min: 10, max: 5_000 });
    const record = productStore.create(
      { name, price: String(price), description: faker.commerce.productDescription(), hs_sku: `SKU-${1000 + i}` },
      ctx.importSource,
      ctx.pastTime(900),
    );
    products.push({ id: record.id, name, price });
  }
  if (products.length === 0) return;
  for (const deal of deals) {
    if (!ctx.chance(0.33)) continue;
    const product = ctx.pick(products);
    const quantity = faker.number.int({ min: 1, max: 20 });
    const at = ctx.pastTime(365);
    const item = lineItemStore.create(
      { name: product.name, price: String(product.price), quantity: String(quantity), amount: String(product.price * quantity), hs_product_id: product.id },
      ctx.importSource,
      at,
    );
    portal.associations.associate(lineItemType, item.id, dealType, deal.id, [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 20 }], ctx.importSource, at);
  }
}
