import type { FetchLike } from "../http/fetch-like.ts";
import { signatureHeaders } from "./signature-headers.ts";
import type { WebhookEvent } from "./webhook-event.ts";

export interface BatchDelivery {
  fetch: FetchLike;
  targetUrl: string;
  clientSecret: string;
  /** Signature timestamp (ms, emulator clock). */
  timestamp: number;
  /** HubSpot gives up on a receiver after this long (real time: it is the receiver's I/O). */
  timeoutMs: number;
}

/**
 * POSTs one batch of events, signed. True only for a 2xx answer within the timeout; a
 * network error, a timeout or any other status is a failed attempt. The race covers
 * in-process receivers, which ignore the abort signal.
 */
export async function deliverBatch(events: WebhookEvent[], delivery: BatchDelivery): Promise<boolean> {
  const body = JSON.stringify(events);
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`webhook receiver did not answer within ${delivery.timeoutMs} ms`));
      resolve(false);
    }, delivery.timeoutMs);
  });
  const attempt = (async (): Promise<boolean> => {
    const response = await delivery.fetch(delivery.targetUrl, {
      method: "POST",
      headers: signatureHeaders(delivery.clientSecret, delivery.targetUrl, body, delivery.timestamp),
      body,
      signal: controller.signal,
    });
    // Drain the body so the connection is released; its content does not matter.
    await response.arrayBuffer();
    return response.ok;
  })().catch(() => false);
  try {
    return await Promise.race([attempt, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
