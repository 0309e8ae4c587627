import type { EmulatorState } from "../state/emulator-state.ts";

/** Placeholder: filled in by the work on webhooks. */
export class WebhookDispatcher {
  readonly state: EmulatorState;

  constructor(state: EmulatorState) {
    this.state = state;
  }
}
