import type { AddressInfo } from "node:net";
import { serve, type HttpBindings, type ServerType } from "@hono/node-server";
import { networkFaultOf } from "./http/network-fault.ts";
import type { Emulator } from "./index.ts";

export interface RunningEmulator {
  url: string;
  close: () => Promise<void>;
}

/** How long a "timeout" fault holds a socket open before dropping it, when the client waits longer. */
const TIMEOUT_HOLD_MS = 60_000;

/**
 * Serves an emulator over real HTTP. Network faults the app marks become real ones here:
 * the socket is destroyed (reset) or left unanswered (timeout).
 */
export function startEmulatorServer(emulator: Emulator, port: number, host: string): Promise<RunningEmulator> {
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined;
    const fetch = async (request: Request, env: HttpBindings): Promise<Response | undefined> => {
      const response = await emulator.app.fetch(request, env);
      const fault = networkFaultOf(response);
      if (fault === undefined) return response;
      const socket = env.incoming.socket;
      if (fault === "reset") socket.destroy();
      else setTimeout(() => socket.destroy(), TIMEOUT_HOLD_MS).unref();
      // Never settles: the socket is gone (reset) or deliberately left waiting (timeout).
      return new Promise<undefined>(() => {});
    };
    server = serve({ fetch: fetch as (request: Request, env: unknown) => Promise<Response | undefined>, port, hostname: host }, (info: AddressInfo) => {
      const shownHost = host.includes(":") ? `[${host}]` : host;
      const url = `http://${shownHost}:${info.port}`;
      emulator.parts.state.options.baseUrl = url;
      resolve({
        url,
        close: () =>
          new Promise<void>((done) => {
            server?.close(() => done());
            if (server !== undefined && "closeAllConnections" in server) server.closeAllConnections();
          }),
      });
    });
    server.on("error", reject);
  });
}
