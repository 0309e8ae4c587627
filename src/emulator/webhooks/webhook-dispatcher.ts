import type { FetchLike } from "../http/fetch-like.ts";
import type { EmulatorState } from "../state/emulator-state.ts";

/** Placeholder: filled in by the work on webhooks. */
export class WebhookDispatcher {
  readonly state: EmulatorState;
  readonly fetch: FetchLike;

  constructor(state: EmulatorState, fetch: FetchLike) {
    this.state = state;
    this.fetch = fetch;
  }
}
