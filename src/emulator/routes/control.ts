import type { Hono } from "hono";
import { clockBody, indexLagBody, portalBody, rateLimitsBody, seedBody, tierBody, tokenBody } from "../control/control-bodies.ts";
import { EmulatorControl } from "../control/emulator-control.ts";
import { parseInput } from "../control/parse-input.ts";
import type { EmulatorEnv } from "../env.ts";
import { faultRuleSchema } from "../faults/fault-rule.ts";
import { ApiError } from "../http/api-error.ts";
import { readJson } from "../http/json-body.ts";
import type { EmulatorParts } from "../parts.ts";

/**
 * The control plane over HTTP at `/__emulator/*`: JSON in, JSON out, no auth (the emulator is
 * a local test tool). Registered before the fault injector, so faults never strike it, and
 * skipped by request statistics. Bad bodies get a 400 naming the field.
 */
export function controlRoutes(app: Hono<EmulatorEnv>, parts: EmulatorParts): void {
  // Stateless over the parts: this instance and `emulator.control` see and change the same things.
  const control = new EmulatorControl(parts);
  const base = "/__emulator";

  app.get(`${base}/health`, (c) => c.json({ status: "ok" }));
  app.get(`${base}/info`, (c) => c.json(control.info()));

  app.post(`${base}/reset`, (c) => {
    control.reset();
    return c.json({ reset: true, portals: [...parts.state.portals.keys()] });
  });

  app.post(`${base}/seed`, async (c) => {
    const { portalId, ...options } = parseInput(seedBody, (await readJson(c)) ?? {});
    const report = control.seed(portalId === undefined ? options : { ...options, portalId });
    return c.json(report);
  });

  app.get(`${base}/clock`, (c) => c.json(control.clock.view()));
  app.post(`${base}/clock`, async (c) => {
    const body = parseInput(clockBody, await readJson(c));
    // Freeze first, so a body that freezes and moves time lands exactly where it asked.
    if (body.frozen !== undefined) control.clock.freeze(body.frozen);
    if (body.set !== undefined) control.clock.set(body.set);
    if (body.advanceMs !== undefined) control.clock.advance(body.advanceMs);
    return c.json(control.clock.view());
  });

  app.get(`${base}/faults`, (c) => c.json({ results: control.faults.list(), injected: control.faults.counts() }));
  app.post(`${base}/faults`, async (c) => {
    const id = control.faults.add(parseInput(faultRuleSchema, await readJson(c)));
    const rule = control.faults.list().find((r) => r.id === id);
    return c.json(rule, 201);
  });
  app.delete(`${base}/faults`, (c) => {
    const removed = control.faults.list().length;
    control.faults.clear();
    return c.json({ removed });
  });
  app.delete(`${base}/faults/:id`, (c) => {
    const id = c.req.param("id");
    if (!control.faults.remove(id)) throw new ApiError(404, "OBJECT_NOT_FOUND", `No fault rule ${id}.`);
    return c.json({ removed: 1 });
  });

  app.get(`${base}/stats`, (c) => c.json(control.stats.snapshot()));
  // Answers the counts it wipes, so a benchmark reads and restarts counting in one call.
  app.delete(`${base}/stats`, (c) => {
    const snapshot = control.stats.snapshot();
    control.stats.reset();
    return c.json(snapshot);
  });

  app.post(`${base}/index-lag`, async (c) => {
    const { indexLagMs } = parseInput(indexLagBody, await readJson(c));
    control.setIndexLag(indexLagMs);
    return c.json({ indexLagMs });
  });
  app.post(`${base}/search/flush`, (c) => {
    control.flushSearch();
    return c.json({ flushed: true });
  });

  app.post(`${base}/portals`, async (c) => {
    const { tier } = parseInput(portalBody, (await readJson(c)) ?? {});
    return c.json(control.createPortal(tier === undefined ? {} : { tier }), 201);
  });
  app.post(`${base}/portals/:portalId/tier`, async (c) => {
    const { tier } = parseInput(tierBody, await readJson(c));
    const portalId = Number(c.req.param("portalId"));
    control.setTier(portalId, tier);
    return c.json({ portalId, tier });
  });
  app.post(`${base}/tokens`, async (c) => {
    const { portalId, scopes } = parseInput(tokenBody, await readJson(c));
    return c.json(control.issueToken(portalId === undefined ? { scopes } : { portalId, scopes }), 201);
  });

  app.post(`${base}/rate-limits`, async (c) => {
    const { enabled } = parseInput(rateLimitsBody, await readJson(c));
    control.setRateLimits(enabled);
    return c.json({ rateLimits: enabled });
  });

  app.post(`${base}/webhooks/deliver`, async (c) => c.json(await control.deliverWebhooks()));
}
