import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";
import { seedSizes } from "./seed-counts.ts";

test("the small size (what `--seed demo` starts with) seeds every kind of record, tickets and gifts included", async () => {
  const { emulator, call } = emulatorApi({ realNow: () => Date.UTC(2025, 0, 15) });
  const report = emulator.control.seed({ size: "small" });
  const sizes = seedSizes.small;
  assert.deepEqual(report.counts, sizes);
  const portal = emulator.parts.state.defaultPortal;
  const live = (name: string): number => portal.store(portal.resolveType(name)).liveCount;
  assert.equal(live("contacts"), sizes.contacts);
  assert.equal(live("companies"), sizes.companies);
  assert.equal(live("deals"), sizes.deals);
  assert.equal(live("tickets"), sizes.tickets);
  assert.equal(live("products"), sizes.products);
  assert.equal(live("gift"), sizes.gifts);
  const engagements = ["notes", "calls", "emails", "meetings", "tasks"].reduce((sum, name) => sum + live(name), 0);
  assert.equal(engagements, sizes.engagements);
  assert.equal(portal.owners.list().length, sizes.owners + 1, "the seeded owners join the one every portal has");

  const tickets = await call("GET", "/crm/v3/objects/tickets?limit=1&associations=contacts");
  assert.equal(tickets.status, 200);
  assert.notEqual(tickets.body.results[0].properties.subject, null);
  assert.equal(tickets.body.results[0].associations.contacts.results.length, 1);
});
