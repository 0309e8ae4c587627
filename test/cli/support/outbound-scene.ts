import assert from "node:assert/strict";
import type { Emulator } from "../../../src/emulator/index.ts";

/** What the CLI tests ask the emulator directly (setup and checks), outside the engine. */
export interface SceneApi {
  /** Creates a record; returns its id. */
  create(type: string, properties: Record<string, string>): Promise<string>;
  post(path: string, body: unknown): Promise<any>;
  get(path: string): Promise<any>;
  /** Live records of a type. */
  count(type: string): Promise<number>;
}

export function emulatorApi(emulator: Emulator): SceneApi {
  const { baseUrl, token } = emulator.info();
  const call = async (method: string, path: string, body?: unknown): Promise<any> => {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await emulator.fetch(`${baseUrl}${path}`, init);
    const text = await response.text();
    assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
    return text === "" ? undefined : JSON.parse(text);
  };
  return {
    create: async (type, properties) => String((await call("POST", `/crm/v3/objects/${type}`, { properties })).id),
    post: (path, body) => call("POST", path, body),
    get: (path) => call("GET", path),
    count: async (type) => {
      let total = 0;
      let after: string | undefined;
      do {
        const page = await call("GET", `/crm/v3/objects/${type}?limit=100${after === undefined ? "" : `&after=${after}`}`);
        total += page.results.length;
        after = page.paging?.next?.after;
      } while (after !== undefined);
      return total;
    },
  };
}

/**
 * Requests that changed something in the emulator so far: every POST, PUT, PATCH or DELETE
 * that is not a read in disguise (search, batch read) nor a token call.
 */
export function writeRequests(emulator: Emulator): number {
  return Object.values(emulator.control.stats.snapshot().byRoute)
    .filter((route) => route.method !== "GET" && !/\/(search|batch\/read)$/.test(route.route) && !route.route.startsWith("/oauth/"))
    .reduce((n, route) => n + route.total, 0);
}
