import { createEmulator, type CreateEmulatorInput, type Emulator } from "../../src/emulator/index.ts";

export interface ApiAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A tiny caller for emulator tests: JSON in, parsed JSON out, the default token unless told otherwise. */
export interface EmulatorApi {
  emulator: Emulator;
  call<T = any>(method: string, path: string, body?: unknown, options?: { token?: string | null; headers?: Record<string, string> }): Promise<ApiAnswer<T>>;
}

export function emulatorApi(input: CreateEmulatorInput = {}): EmulatorApi {
  const emulator = createEmulator({ rateLimits: false, indexLagMs: 0, ...input });
  return {
    emulator,
    async call(method, path, body, options = {}) {
      const token = options.token === undefined ? emulator.info().token : options.token;
      const headers: Record<string, string> = { ...options.headers };
      if (token !== null) headers["authorization"] = `Bearer ${token}`;
      if (body !== undefined) headers["content-type"] = "application/json";
      const init: RequestInit = { method, headers };
      if (body !== undefined) init.body = JSON.stringify(body);
      const response = await emulator.fetch(`${emulator.info().baseUrl}${path}`, init);
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text === "" ? undefined : JSON.parse(text) };
    },
  };
}
