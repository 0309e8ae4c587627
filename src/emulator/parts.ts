import type { FaultInjector } from "./faults/fault-injector.ts";
import type { RateLimiter } from "./limits/rate-limiter.ts";
import type { SearchIndexes } from "./search/search-indexes.ts";
import type { EmulatorState } from "./state/emulator-state.ts";
import type { RequestStats } from "./stats/request-stats.ts";
import type { WebhookDispatcher } from "./webhooks/webhook-dispatcher.ts";

/** The injected parts an emulator is assembled from; routes receive them rather than reach for globals. */
export interface EmulatorParts {
  state: EmulatorState;
  stats: RequestStats;
  faults: FaultInjector;
  rateLimiter: RateLimiter;
  search: SearchIndexes;
  webhooks: WebhookDispatcher;
}
