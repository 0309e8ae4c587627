import type { FetchLike } from "../http/fetch-like.ts";
import type { EmulatorState } from "../state/emulator-state.ts";
import type { Portal } from "../state/portal.ts";
import { associationChangeEvents } from "./association-change-events.ts";
import { deliverBatch } from "./deliver-batch.ts";
import { recordChangeEvents } from "./record-change-events.ts";
import { retryDelayMs } from "./retry-delay.ts";
import { runPool } from "./run-pool.ts";
import type { WebhookEvent, WebhookEventDraft } from "./webhook-event.ts";
import { webhookObjectOf } from "./webhook-event-type.ts";
import { WebhookSubscriptions } from "./webhook-subscriptions.ts";

/** What one `deliverDue()` did: events delivered and failed in this run, events still waiting. */
export interface DeliveryReport {
  delivered: number;
  failed: number;
  pending: number;
}

/** Running totals since the dispatcher was built, for the control plane. */
export interface WebhookCounters {
  generated: number;
  delivered: number;
  /** Event deliveries that failed (an event failing twice counts twice). */
  failedAttempts: number;
  failedRequests: number;
  /** Events given up on after the last attempt, or with no target URL left to send to. */
  dropped: number;
  /** Waiting in the queue or in flight. */
  pending: number;
}

export interface QueuedEvent {
  event: WebhookEvent;
  /** Emulator-clock ms from which `deliverDue` sends it. */
  dueAt: number;
}

export interface WebhookDispatcherOptions {
  /** How long a receiver may take to answer; defaults to `limits.webhookTimeoutMs` (HubSpot: 5 s). */
  timeoutMs?: number;
}

/** HubSpot's event ids are large numbers; starting high keeps them looking real. */
const FIRST_EVENT_ID = 1_000_000_001;

/**
 * Turns record and association changes in portals that installed the app into webhook
 * events, and delivers them as HubSpot does: signed JSON arrays of at most
 * `webhookBatchMax` events, at most `maxConcurrentRequests` requests at a time, failures
 * retried with doubling back-off over about a day. Time is the emulator's clock, and
 * nothing is sent until `deliverDue()` runs (or the `start()` timer calls it), so tests
 * decide exactly when deliveries and retries happen.
 */
export class WebhookDispatcher {
  readonly state: EmulatorState;
  readonly fetch: FetchLike;
  readonly subscriptions: WebhookSubscriptions;
  timeoutMs: number;
  #queue: QueuedEvent[] = [];
  #inFlight = 0;
  #nextEventId = FIRST_EVENT_ID;
  readonly #totals = { generated: 0, delivered: 0, failedAttempts: 0, failedRequests: 0, dropped: 0 };
  /** Runs are serialised, so `maxConcurrentRequests` holds across overlapping callers. */
  #lastRun: Promise<unknown> = Promise.resolve();
  #timerBusy = false;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(state: EmulatorState, fetch: FetchLike, options: WebhookDispatcherOptions = {}) {
    this.state = state;
    this.fetch = fetch;
    this.timeoutMs = options.timeoutMs ?? state.options.limits.webhookTimeoutMs;
    this.subscriptions = new WebhookSubscriptions(state.clock);
    state.onPortal((portal) => this.#attach(portal));
  }

  /** Sends every event due now and waits for the answers; failures are rescheduled or dropped. */
  deliverDue(): Promise<DeliveryReport> {
    const run = this.#lastRun.then(() => this.#deliverNow());
    this.#lastRun = run.catch(() => undefined);
    return run;
  }

  /** Calls `deliverDue` every `intervalMs` (standalone server); the timer never keeps the process alive. */
  start(intervalMs = 1_000): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => {
      if (this.#timerBusy) return;
      this.#timerBusy = true;
      this.deliverDue()
        .catch((error: unknown) => console.error("[emulator] webhook delivery failed", error))
        .finally(() => {
          this.#timerBusy = false;
        });
    }, intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  counters(): WebhookCounters {
    return { ...this.#totals, pending: this.#queue.length + this.#inFlight };
  }

  /** Events waiting for delivery or a retry (copies), for inspection. */
  queued(): QueuedEvent[] {
    return this.#queue.map((q) => ({ event: { ...q.event }, dueAt: q.dueAt }));
  }

  /** Forgets every waiting event (an emulator reset); returns how many there were. */
  discardPending(): number {
    const count = this.#queue.length;
    this.#queue = [];
    return count;
  }

  #attach(portal: Portal): void {
    portal.changeListeners.push((typeId, change) => {
      const object = webhookObjectOf(typeId);
      if (object === undefined || !this.#firesFor(portal)) return;
      this.#enqueue(portal, recordChangeEvents(object, change, this.subscriptions));
    });
    portal.associations.onChange((change) => {
      if (this.#firesFor(portal)) this.#enqueue(portal, associationChangeEvents(change, this.subscriptions));
    });
  }

  /** Only installed portals, only while the app has a target URL, only the portal's current incarnation. */
  #firesFor(portal: Portal): boolean {
    return this.state.installedPortals.has(portal.id) && this.subscriptions.settings !== undefined && this.state.portals.get(portal.id) === portal;
  }

  #enqueue(portal: Portal, drafts: WebhookEventDraft[]): void {
    const dueAt = this.state.clock.now();
    for (const { subscriptionId, occurredAt, subscriptionType, ...details } of drafts) {
      // Key order follows HubSpot's payloads, which people read in logs.
      const event: WebhookEvent = {
        eventId: this.#nextEventId++,
        subscriptionId,
        portalId: portal.id,
        appId: this.state.app.appId,
        occurredAt,
        subscriptionType,
        attemptNumber: 0,
        ...details,
      };
      this.#queue.push({ event, dueAt });
      this.#totals.generated++;
    }
  }

  async #deliverNow(): Promise<DeliveryReport> {
    const now = this.state.clock.now();
    const due: WebhookEvent[] = [];
    const waiting: QueuedEvent[] = [];
    for (const queued of this.#queue) {
      if (queued.dueAt <= now) due.push(queued.event);
      else waiting.push(queued);
    }
    this.#queue = waiting;
    const settings = this.subscriptions.settings;
    if (settings === undefined) {
      // The app deleted its settings: HubSpot has nowhere to send, and does not keep them.
      this.#totals.dropped += due.length;
      return { delivered: 0, failed: 0, pending: this.counters().pending };
    }
    const report = { delivered: 0, failed: 0 };
    const batchMax = Math.max(1, this.state.options.limits.webhookBatchMax);
    const batches: WebhookEvent[][] = [];
    for (let i = 0; i < due.length; i += batchMax) batches.push(due.slice(i, i + batchMax));
    this.#inFlight += due.length;
    await runPool(batches, settings.throttling.maxConcurrentRequests, async (batch) => {
      const ok = await deliverBatch(batch, {
        fetch: this.fetch,
        targetUrl: settings.targetUrl,
        clientSecret: this.state.app.clientSecret,
        timestamp: this.state.clock.now(),
        timeoutMs: this.timeoutMs,
      });
      this.#inFlight -= batch.length;
      if (ok) {
        report.delivered += batch.length;
        this.#totals.delivered += batch.length;
        return;
      }
      report.failed += batch.length;
      this.#totals.failedAttempts += batch.length;
      this.#totals.failedRequests++;
      for (const event of batch) this.#retryOrDrop(event);
    });
    return { ...report, pending: this.counters().pending };
  }

  #retryOrDrop(event: WebhookEvent): void {
    const attemptsMade = event.attemptNumber + 1;
    const maxAttempts = this.state.options.limits.webhookMaxAttempts;
    if (attemptsMade >= maxAttempts) {
      this.#totals.dropped++;
      return;
    }
    const dueAt = this.state.clock.now() + retryDelayMs(attemptsMade, maxAttempts);
    this.#queue.push({ event: { ...event, attemptNumber: attemptsMade }, dueAt });
  }
}
