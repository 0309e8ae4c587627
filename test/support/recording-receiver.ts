import { Hono } from "hono";
import type { FetchLike } from "../../src/emulator/http/fetch-like.ts";
import type { WebhookEvent } from "../../src/emulator/webhooks/webhook-event.ts";

const RESET = "x-receiver-reset";

/** One POST a receiver got: the raw body is kept, since signatures are computed over it. */
export interface ReceivedRequest {
  url: string;
  headers: Headers;
  body: string;
  events: WebhookEvent[];
}

/** What the receiver does with request number `n` (1-based): answer a status, or throw to fail like a reset socket. */
export type ReceiverBehaviour = (n: number, request: ReceivedRequest) => number | Promise<number>;

/**
 * A small webhook target for tests: a Hono app that records every delivery. Its `fetch`
 * is what a test injects as the emulator's `webhookFetch`, so nothing touches the network.
 */
export function recordingReceiver(behaviour: ReceiverBehaviour = () => 200) {
  const requests: ReceivedRequest[] = [];
  const app = new Hono();
  app.post("*", async (c) => {
    const body = await c.req.text();
    const request: ReceivedRequest = { url: c.req.url, headers: new Headers(c.req.raw.headers), body, events: JSON.parse(body) as WebhookEvent[] };
    requests.push(request);
    try {
      const status = await behaviour(requests.length, request);
      return new Response(status === 204 ? null : "{}", { status, headers: { "content-type": "application/json" } });
    } catch {
      return new Response(null, { status: 599, headers: { [RESET]: "1" } });
    }
  });
  const fetch: FetchLike = async (input, init) => {
    const response = await app.fetch(input instanceof Request && init === undefined ? input : new Request(input, init));
    if (response.headers.has(RESET)) throw new TypeError("fetch failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });
    return response;
  };
  return {
    requests,
    fetch,
    /** Every event received, in arrival order, across all requests. */
    events: (): WebhookEvent[] => requests.flatMap((r) => r.events),
  };
}
