import { createEmulator, type CreateEmulatorInput, type Emulator } from "../../emulator/index.ts";
import { createHubSpotClient, type HubSpotClient, type HubSpotClientOptions } from "../hubspot-client.ts";
import { emulatorClock } from "./emulator-clock.ts";

export interface EmulatorClientKit {
  emulator: Emulator;
  client: HubSpotClient;
  /** Another client on the same emulator and clock (other auth, limits...). */
  clientWith(options: Partial<HubSpotClientOptions>): HubSpotClient;
  /** Calls the emulator directly (setup and checks), with the default private-app token. */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

/**
 * Test-only: an in-process emulator (rate limits off, no index lag unless asked) and a client
 * wired to it — its fetch, its base URL, its token and its clock — plus a small caller for setup.
 */
export function emulatorClient(emulatorInput: CreateEmulatorInput = {}, clientOptions: Partial<HubSpotClientOptions> = {}): EmulatorClientKit {
  const emulator = createEmulator({ rateLimits: false, indexLagMs: 0, ...emulatorInput });
  const clock = emulatorClock(emulator);
  const info = emulator.info();
  const clientWith = (options: Partial<HubSpotClientOptions>): HubSpotClient =>
    createHubSpotClient({ baseUrl: info.baseUrl, auth: { kind: "private-app", token: info.token }, fetch: emulator.fetch, clock, random: () => 0.5, ...options });
  return {
    emulator,
    client: clientWith(clientOptions),
    clientWith,
    async api(method, path, body) {
      const init: RequestInit = { method, headers: { authorization: `Bearer ${info.token}`, "content-type": "application/json" } };
      if (body !== undefined) init.body = JSON.stringify(body);
      const response = await emulator.fetch(`${info.baseUrl}${path}`, init);
      const text = await response.text();
      return { status: response.status, body: (text === "" ? undefined : JSON.parse(text)) as never };
    },
  };
}

/** Collects every page of a read (tests only: the engine never holds a whole read). */
export async function drain<T>(pages: AsyncIterable<{ results: T[] }>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let pages_ = 0;
  for await (const page of pages) {
    pages_ += 1;
    items.push(...page.results);
  }
  return { items, pages: pages_ };
}
