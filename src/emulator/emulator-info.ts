import type { EmulatorState } from "./state/emulator-state.ts";

/** The facts a client needs to talk to an emulator (what `hubsync emulator --json` prints). */
export interface EmulatorInfo {
  baseUrl: string;
  portalId: number;
  token: string;
  clientId: string;
  clientSecret: string;
  appId: number;
  developerApiKey: string;
}

export function emulatorInfo(state: EmulatorState): EmulatorInfo {
  return {
    baseUrl: state.options.baseUrl,
    portalId: state.defaultPortal.id,
    token: state.defaultToken,
    clientId: state.app.clientId,
    clientSecret: state.app.clientSecret,
    appId: state.app.appId,
    developerApiKey: state.app.developerApiKey,
  };
}
