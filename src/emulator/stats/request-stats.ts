import type { MiddlewareHandler } from "hono";
import { isControlPath } from "../control/control-path.ts";
import type { EmulatorEnv } from "../env.ts";
import { faultHeader, injectedFaultOf } from "../faults/injected-fault-header.ts";
import type { FaultKind } from "../faults/fault-kind.ts";
import { networkFaultOf } from "../http/network-fault.ts";
import type { EmulatorState } from "../state/emulator-state.ts";
import { routePattern } from "./route-pattern.ts";

/** Calls to one route pattern with one method. */
export interface RouteStats {
  method: string;
  route: string;
  total: number;
  byStatus: Record<string, number>;
}

/**
 * What the emulator has answered since the last reset. Status keys are HTTP statuses
 * (`"200"`, `"429"`) or, where the caller got no answer at all, `"reset"` / `"timeout"`:
 * every request counts as a call, answered or not.
 */
export interface RequestStatsSnapshot {
  /** When counting started (emulator clock, ISO-8601). */
  since: string;
  total: number;
  byMethod: Record<string, number>;
  byStatus: Record<string, number>;
  /** Keyed `"<METHOD> <route pattern>"`, e.g. `"POST /crm/v3/objects/:type/batch/read"`. */
  byRoute: Record<string, RouteStats>;
  /** Answers with status 429, the rate limiter's and injected ones alike. */
  rateLimited: number;
  /** Requests a fault was injected into, per kind. */
  faults: { total: number; byKind: Partial<Record<FaultKind, number>> };
}

const bump = <K extends string>(counts: Partial<Record<K, number>>, key: K): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/**
 * Counts every HubSpot API request (never the control plane's) by method, route pattern and
 * status. Benchmarks divide these by records synced, so each request is counted exactly once.
 */
export class RequestStats {
  readonly state: EmulatorState;
  #snapshot: RequestStatsSnapshot;

  constructor(state: EmulatorState) {
    this.state = state;
    this.#snapshot = this.#empty();
  }

  /** A deep copy: plain JSON, safe to keep while counting goes on. */
  snapshot(): RequestStatsSnapshot {
    return structuredClone(this.#snapshot);
  }

  reset(): void {
    this.#snapshot = this.#empty();
  }

  #record(method: string, route: string, status: string, fault: FaultKind | undefined): void {
    const s = this.#snapshot;
    s.total += 1;
    bump(s.byMethod, method);
    bump(s.byStatus, status);
    const key = `${method} ${route}`;
    const entry = (s.byRoute[key] ??= { method, route, total: 0, byStatus: {} });
    entry.total += 1;
    bump(entry.byStatus, status);
    if (status === "429") s.rateLimited += 1;
    if (fault !== undefined) {
      s.faults.total += 1;
      bump(s.faults.byKind, fault);
    }
  }

  middleware(): MiddlewareHandler<EmulatorEnv> {
    const stats = this;
    return async function countRequests(c, next) {
      if (isControlPath(c.req.path)) return next();
      try {
        await next();
      } finally {
        const response = c.res;
        const fault = injectedFaultOf(response);
        if (fault !== undefined) response.headers.delete(faultHeader);
        stats.#record(c.req.method, routePattern(c), networkFaultOf(response) ?? String(response.status), fault);
      }
    };
  }

  #empty(): RequestStatsSnapshot {
    return { since: this.state.clock.iso(), total: 0, byMethod: {}, byStatus: {}, byRoute: {}, rateLimited: 0, faults: { total: 0, byKind: {} } };
  }
}
