import type { Hono } from "hono";
import { createEmulatorApp } from "./app.ts";
import { EmulatorClock } from "./clock.ts";
import { EmulatorControl } from "./control/emulator-control.ts";
import { emulatorInfo, type EmulatorInfo } from "./emulator-info.ts";
import type { EmulatorEnv } from "./env.ts";
import { FaultInjector } from "./faults/fault-injector.ts";
import { connectionResetError, networkFaultOf } from "./http/network-fault.ts";
import { RateLimiter } from "./limits/rate-limiter.ts";
import { resolveOptions, type EmulatorOptionsInput } from "./options.ts";
import type { EmulatorParts } from "./parts.ts";
import { SearchIndexes } from "./search/search-indexes.ts";
import { EmulatorState } from "./state/emulator-state.ts";
import { RequestStats } from "./stats/request-stats.ts";
import { WebhookDispatcher } from "./webhooks/webhook-dispatcher.ts";

export type { EmulatorOptions, EmulatorOptionsInput, EmulatorLimits, Tier } from "./options.ts";

import type { FetchLike } from "./http/fetch-like.ts";
export type { FetchLike } from "./http/fetch-like.ts";
export type { EmulatorInfo } from "./emulator-info.ts";

export interface Emulator {
  /** In-process fetch: a network fault becomes the error a real socket would give. */
  fetch: FetchLike;
  app: Hono<EmulatorEnv>;
  parts: EmulatorParts;
  /** The control plane in-process; the same operations are served over HTTP at /__emulator/*. */
  control: EmulatorControl;
  info: () => EmulatorInfo;
}

export interface CreateEmulatorInput extends EmulatorOptionsInput {
  /** Where the emulator's own clock starts from (tests pass a fixed function). */
  realNow?: () => number;
  /** How webhooks reach their target URL; in tests, the receiving app's fetch. */
  webhookFetch?: FetchLike;
}

/** Longest time an in-process "timeout" fault holds a request when the caller set no deadline. */
const UNBOUNDED_TIMEOUT_HOLD_MS = 30_000;

export function createEmulator(input: CreateEmulatorInput = {}): Emulator {
  const { realNow, webhookFetch, ...optionsInput } = input;
  const options = resolveOptions(optionsInput);
  const state = new EmulatorState(options, new EmulatorClock(realNow));
  const parts: EmulatorParts = {
    state,
    stats: new RequestStats(state),
    faults: new FaultInjector(state),
    rateLimiter: new RateLimiter(state),
    search: new SearchIndexes(state),
    webhooks: new WebhookDispatcher(state, webhookFetch ?? globalThis.fetch),
  };
  const app = createEmulatorApp(parts);

  const fetch: FetchLike = async (resource, init) => {
    const request = resource instanceof Request && init === undefined ? resource : new Request(resource, init);
    const response = await app.fetch(request);
    const fault = networkFaultOf(response);
    if (fault === "reset") throw connectionResetError();
    if (fault === "timeout") await holdUntilAborted(request.signal);
    return response;
  };

  return { fetch, app, parts, control: new EmulatorControl(parts), info: () => emulatorInfo(state) };
}

function holdUntilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    const timer = setTimeout(() => reject(connectionResetError()), UNBOUNDED_TIMEOUT_HOLD_MS);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}
