import type { MiddlewareHandler } from "hono";
import type { EmulatorEnv } from "../env.ts";
import type { EmulatorState } from "../state/emulator-state.ts";

/** Placeholder: filled in by the work on this part of the emulator. */
export class FaultInjector {
  readonly state: EmulatorState;

  constructor(state: EmulatorState) {
    this.state = state;
  }

  middleware(): MiddlewareHandler<EmulatorEnv> {
    return async function passThrough(_c, next) {
      await next();
    };
  }
}
