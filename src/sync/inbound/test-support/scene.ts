import assert from "node:assert/strict";
import type { InboundRunSummary, StreamSummary } from "../inbound-contract.ts";
import type { EngineKit } from "./engine-kit.ts";

/** Test-only: calls the emulator's public API with the default private-app token (setting the scene). */
export async function callApi<T = unknown>(kit: EngineKit, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const info = kit.emulator.info();
  const init: RequestInit = { method, headers: { authorization: `Bearer ${info.token}`, "content-type": "application/json" } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await kit.emulator.fetch(`${info.baseUrl}${path}`, init);
  const text = await response.text();
  return { status: response.status, body: (text === "" ? undefined : JSON.parse(text)) as T };
}

export function streamOf(summary: InboundRunSummary, stream: string): StreamSummary {
  const found = summary.streams.find((s) => s.stream === stream);
  assert.ok(found !== undefined, `no stream ${stream} in the summary`);
  return found;
}
