import { after, before } from "node:test";
import { Client } from "@hubspot/api-client";
import { createEmulator, type CreateEmulatorInput, type Emulator } from "../../src/emulator/index.ts";
import { startEmulatorServer } from "../../src/emulator/server.ts";

/** The SDK's constructor options (its `IConfiguration` is not exported from the package root). */
export type ClientConfig = NonNullable<ConstructorParameters<typeof Client>[0]>;

/** An emulator served over real HTTP on a free port, and SDK clients pointed at it. */
export interface RunningEmulator {
  emulator: Emulator;
  /** `http://127.0.0.1:<port>`, no trailing slash: what `basePath` takes. */
  url: string;
  /** The default portal's private-app token (every scope). */
  token: string;
  /** A `Client` with the default token, built once. */
  client: Client;
  /** A new `Client` on this emulator; `accessToken` defaults to the default token unless another credential is given. */
  clientWith(config?: ClientConfig): Client;
  close(): Promise<void>;
}

/**
 * Starts `createEmulator(input)` with `startEmulatorServer(..., 0, "127.0.0.1")`, so the SDK
 * talks to it exactly as it would to api.hubapi.com: over sockets, through its own fetch.
 * Like `emulatorApi()`, rate limits are off and search sees writes at once unless told otherwise.
 */
export async function runningEmulator(input: CreateEmulatorInput = {}): Promise<RunningEmulator> {
  const emulator = createEmulator({ rateLimits: false, indexLagMs: 0, ...input });
  const server = await startEmulatorServer(emulator, 0, "127.0.0.1");
  const token = emulator.info().token;
  const clientWith = (config: ClientConfig = {}): Client => {
    const credentialGiven = config.accessToken !== undefined || config.developerApiKey !== undefined || config.apiKey !== undefined;
    return new Client({ basePath: server.url, ...(credentialGiven ? {} : { accessToken: token }), ...config });
  };
  return { emulator, url: server.url, token, client: clientWith(), clientWith, close: server.close };
}

/**
 * One running emulator for the calling `describe` block (or test file, at top level): started
 * in a `before` hook, closed in an `after` hook; read its fields inside tests. Inside a
 * `describe`, `before` hooks registered after this call run once it has started and can seed
 * it; at top level Node starts every `before` hook at once, so seed inside the tests there.
 */
export function suiteEmulator(input: CreateEmulatorInput = {}): RunningEmulator {
  let running: RunningEmulator | undefined;
  before(async () => {
    running = await runningEmulator(input);
  });
  after(() => running?.close());
  const current = (): RunningEmulator => {
    if (running === undefined) throw new Error("suiteEmulator: the emulator starts in a before hook; read it inside tests or later hooks");
    return running;
  };
  return {
    get emulator() {
      return current().emulator;
    },
    get url() {
      return current().url;
    },
    get token() {
      return current().token;
    },
    get client() {
      return current().client;
    },
    clientWith: (config) => current().clientWith(config),
    close: () => current().close(),
  };
}

/** What the SDK throws for a non-2xx answer (`ApiException`): the status as `code`, the parsed JSON body. */
export interface SdkError {
  code: number;
  body: { status?: string; category?: string; message?: string; [key: string]: unknown };
  headers: Record<string, string>;
}

/** Runs `call`, expects the SDK to throw, and returns what it threw, typed. */
export async function sdkError(call: () => Promise<unknown>): Promise<SdkError> {
  try {
    await call();
  } catch (error) {
    const e = error as Partial<SdkError>;
    if (typeof e.code !== "number") throw error;
    return e as SdkError;
  }
  throw new Error("expected the SDK call to throw, but it succeeded");
}
