import assert from "node:assert/strict";
import { test } from "node:test";
import { createEmulator, type Emulator } from "../../emulator/index.ts";
import { createHubSpotClient, type FetchLike } from "../../hubspot/index.ts";
import type { AssociationPlan, OutboundTarget } from "./outbound-target.ts";
import type { PendingRow } from "./pending-row.ts";
import { TargetResolver } from "./resolve-targets.ts";
import { TargetPrefetch } from "./target-prefetch.ts";

const companies = { apiType: "companies", storeType: "companies", custom: false };
const contacts = { apiType: "contacts", storeType: "contacts", custom: false };

const byDomain: AssociationPlan = {
  index: 0,
  key: "companies:company_domain",
  config: { toObjectType: "companies", column: "company_domain", by: "domain", shape: "auto", removeMissing: false, removeDefaultWhenLastLabelRemoved: false },
  toType: companies,
  lookup: "search",
  resolve: "unique",
};

/** An emulator holding acme.com and globex.com, a resolver on it, and the searches it sends. */
function kit(): { emulator: Emulator; resolver: TargetResolver; searches: () => number } {
  const emulator = createEmulator({ rateLimits: false, indexLagMs: 0 });
  const portal = emulator.parts.state.defaultPortal;
  const store = portal.store(portal.resolveType("companies"));
  for (const domain of ["acme.com", "globex.com"]) store.create({ name: domain, domain }, { sourceType: "IMPORT" }, emulator.control.clock.now());
  emulator.control.flushSearch();
  let searches = 0;
  const fetch: FetchLike = (input, init) => {
    if (String(input instanceof Request ? input.url : input).endsWith("/search")) searches += 1;
    return emulator.fetch(input, init);
  };
  const info = emulator.info();
  const client = createHubSpotClient({ baseUrl: info.baseUrl, auth: { kind: "private-app", token: info.token }, fetch, limits: { retry: { attempts: 1 } } });
  return { emulator, resolver: new TargetResolver(client, undefined), searches: () => searches };
}

test("a value asked for twice at once is looked up once, and both callers get the answer", async () => {
  const { resolver, searches } = kit();
  const [first, second] = await Promise.all([resolver.resolve(byDomain, ["acme.com", "nowhere.test"]), resolver.resolve(byDomain, ["ACME.com ", "acme.com"])]);
  assert.equal(searches(), 1);
  assert.equal(first.get("acme.com")?.kind, "found");
  assert.equal(first.get("nowhere.test")?.kind, "missing");
  assert.deepEqual(second.get("ACME.com "), first.get("acme.com"));
  assert.deepEqual(second.get("acme.com"), first.get("acme.com"));
  await resolver.resolve(byDomain, ["acme.com"]);
  assert.equal(searches(), 1, "answers are remembered");
});

test("a prefetch that fails crashes nothing: the value is looked up again when needed, and an error there surfaces", async () => {
  const { emulator, resolver, searches } = kit();
  const unhandled: unknown[] = [];
  const note = (reason: unknown): void => void unhandled.push(reason);
  process.on("unhandledRejection", note);
  try {
    const fault = emulator.control.faults.add({ kind: "500", match: { pathRegex: "/search$" } });
    resolver.prefetch(byDomain, ["acme.com"]);
    // Asked for while the failing prefetch is under way: waits for it, then looks again itself.
    await assert.rejects(resolver.resolve(byDomain, ["acme.com"]), "the look-up's own failure surfaces");
    await resolver.idle();
    emulator.control.faults.remove(fault);
    const answer = await resolver.resolve(byDomain, ["acme.com"]);
    assert.equal(answer.get("acme.com")?.kind, "found");
    assert.equal(searches(), 3, "the failed prefetch, the failed look-up, the good one");
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(unhandled, []);
  } finally {
    process.off("unhandledRejection", note);
  }
});

test("the records phase prefetches other types' targets in whole look-ups, not its own type's", async () => {
  const { resolver, searches } = kit();
  const sameType: AssociationPlan = { ...byDomain, index: 1, key: "contacts:manager", config: { ...byDomain.config, toObjectType: "contacts", column: "manager", by: "jobtitle" }, toType: contacts };
  const target = { type: contacts, associations: [byDomain, sameType] } as unknown as OutboundTarget;
  const prefetch = new TargetPrefetch(resolver, target, 3);
  const row = (key: string, domain: string): PendingRow => ({ rowKey: key, fromId: undefined, stored: undefined, targets: { [byDomain.key]: [{ key: domain, label: null }], [sameType.key]: [{ key: "boss", label: null }] } });
  prefetch.add([row("1", "acme.com"), row("2", "globex.com")]);
  await resolver.idle();
  assert.equal(searches(), 0, "two new values wait for a third");
  prefetch.add([row("3", "acme.com"), row("4", "initech.com")]);
  await resolver.idle();
  assert.equal(searches(), 1);
  assert.equal(resolver.has(byDomain, "globex.com"), true);
  assert.equal(resolver.has(sameType, "boss"), false, "a target of the sync's own type may be created by the run: resolved after the records phase");
  prefetch.add([row("5", "umbrella.com")]);
  prefetch.flush();
  await resolver.idle();
  assert.equal(searches(), 2);
  await resolver.resolve(byDomain, ["acme.com", "globex.com", "initech.com", "umbrella.com"]);
  assert.equal(searches(), 2, "the associations phase finds them answered");
});
