/**
 * The emulator's request statistics, grouped the way the inbound benchmarks judge them: record
 * reads (list pages, searches, batch reads), association reads, and metadata (properties,
 * schemas, labels, owners, pipelines, token info) counted apart.
 */
import type { Emulator, FetchLike } from "../../src/emulator/index.ts";

type RequestStatsSnapshot = ReturnType<Emulator["control"]["stats"]["snapshot"]>;

export interface ApiCalls {
  total: number;
  /** `GET /crm/v3/objects/{type}` pages (the archived sweep included). */
  list: number;
  /** `POST /crm/v3/objects/{type}/search`. */
  search: number;
  /** `POST /crm/v3/objects/{type}/batch/read`. */
  batchRead: number;
  /** v4 association batch reads (1,000 ids a call) and single-record reads (one record a call). */
  associationRead: number;
  /** Everything else: properties, schemas, association labels, owners, pipelines, token info. */
  metadata: number;
  /** Answers with status 429. */
  rateLimited: number;
  /** `"<METHOD> <route>" → calls`, for the record. */
  byRoute: Record<string, number>;
}

function kindOf(method: string, route: string): Exclude<keyof ApiCalls, "total" | "rateLimited" | "byRoute"> {
  // Route patterns name their parameters differently (`:type`, `:objectType`): match the shape.
  if (method === "GET" && /^\/crm\/v3\/objects\/:[^/]+$/.test(route)) return "list";
  if (method === "POST" && /^\/crm\/v3\/objects\/:[^/]+\/search$/.test(route)) return "search";
  if (method === "POST" && /^\/crm\/v3\/objects\/:[^/]+\/batch\/read$/.test(route)) return "batchRead";
  if (method === "POST" && /^\/crm\/v4\/associations\/[^/]+\/[^/]+\/batch\/read$/.test(route)) return "associationRead";
  if (method === "GET" && /^\/crm\/v4\/objects\/[^/]+\/[^/]+\/associations\/[^/]+$/.test(route)) return "associationRead";
  return "metadata";
}

/** The calls the emulator answered since its statistics were last reset. */
export function apiCalls(emulator: Emulator): ApiCalls {
  return groupCalls(emulator.control.stats.snapshot());
}

export function groupCalls(snapshot: RequestStatsSnapshot): ApiCalls {
  const calls: ApiCalls = { total: snapshot.total, list: 0, search: 0, batchRead: 0, associationRead: 0, metadata: 0, rateLimited: snapshot.rateLimited, byRoute: {} };
  for (const [key, route] of Object.entries(snapshot.byRoute)) {
    calls[kindOf(route.method, route.route)] += route.total;
    calls.byRoute[key] = route.total;
  }
  return calls;
}

/** Record and association reads: what the floor of a mirror is made of. */
export const dataCalls = (calls: ApiCalls): number => calls.list + calls.search + calls.batchRead + calls.associationRead;

/** Requests as sent, keyed `"<METHOD> <path>"` with the real object types in the path (no query). */
export interface SentCalls {
  fetch: FetchLike;
  counts: Map<string, number>;
  /** `POST /crm/v3/objects/{type}/search` calls per object type. */
  searchesByType(): Record<string, number>;
  reset(): void;
}

/** Wraps a fetch to count what goes through it: per-stream figures the route statistics cannot give. */
export function countingFetch(fetch: FetchLike): SentCalls {
  const counts = new Map<string, number>();
  const keyOf = (input: string | URL | Request, init?: RequestInit): string => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    return `${method} ${url.pathname}`;
  };
  return {
    counts,
    fetch: (input, init) => {
      const key = keyOf(input, init);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return fetch(input, init);
    },
    searchesByType: () => {
      const byType: Record<string, number> = {};
      for (const [key, count] of counts) {
        const match = /^POST \/crm\/v3\/objects\/([^/]+)\/search\/?$/.exec(key);
        if (match?.[1] !== undefined) byType[match[1]] = (byType[match[1]] ?? 0) + count;
      }
      return byType;
    },
    reset: () => counts.clear(),
  };
}
