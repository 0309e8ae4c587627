import type { AccessGrant } from "./auth/access-grant.ts";
import type { EmulatorState } from "./state/emulator-state.ts";
import type { Portal } from "./state/portal.ts";

/** Hono context variables every emulator route may read. */
export interface EmulatorEnv {
  Variables: {
    state: EmulatorState;
    correlationId: string;
    /** Set by the auth middleware on authenticated routes. */
    grant: AccessGrant;
    portal: Portal;
  };
}
