import type { EmulatorClock } from "../clock.ts";
import type { WebhookAction, WebhookEventType, WebhookObject } from "./webhook-event-type.ts";

export type ThrottlingPeriod = "SECONDLY" | "ROLLING_MINUTE";

/** Where and how fast the app wants its events (`/webhooks/v3/{appId}/settings`). */
export interface WebhookSettings {
  targetUrl: string;
  throttling: { period: ThrottlingPeriod; maxConcurrentRequests: number };
  createdAt: number;
  updatedAt: number;
}

export interface WebhookSubscription {
  id: number;
  eventType: string;
  type: WebhookEventType;
  propertyName: string | undefined;
  active: boolean;
  createdAt: number;
  updatedAt: number;
}

/** Ids look like HubSpot's small per-app numbers but never start at 1, so an off-by-one shows. */
const FIRST_SUBSCRIPTION_ID = 1001;

/** The developer app's webhook settings and subscriptions. Callers validate; this only stores. */
export class WebhookSubscriptions {
  readonly #clock: EmulatorClock;
  readonly #byId = new Map<number, WebhookSubscription>();
  #settings: WebhookSettings | undefined;
  #nextId = FIRST_SUBSCRIPTION_ID;

  constructor(clock: EmulatorClock) {
    this.#clock = clock;
  }

  get settings(): WebhookSettings | undefined {
    return this.#settings;
  }

  putSettings(targetUrl: string, throttling: WebhookSettings["throttling"]): WebhookSettings {
    const now = this.#clock.now();
    this.#settings = { targetUrl, throttling, createdAt: this.#settings?.createdAt ?? now, updatedAt: now };
    return this.#settings;
  }

  clearSettings(): void {
    this.#settings = undefined;
  }

  list(): WebhookSubscription[] {
    return [...this.#byId.values()];
  }

  get(id: number): WebhookSubscription | undefined {
    return this.#byId.get(id);
  }

  find(eventType: string, propertyName: string | undefined): WebhookSubscription | undefined {
    return this.list().find((s) => s.eventType === eventType && s.propertyName === propertyName);
  }

  create(eventType: string, type: WebhookEventType, propertyName: string | undefined, active: boolean): WebhookSubscription {
    const now = this.#clock.now();
    const subscription: WebhookSubscription = { id: this.#nextId++, eventType, type, propertyName, active, createdAt: now, updatedAt: now };
    this.#byId.set(subscription.id, subscription);
    return subscription;
  }

  setActive(subscription: WebhookSubscription, active: boolean): void {
    subscription.active = active;
    subscription.updatedAt = this.#clock.now();
  }

  delete(id: number): boolean {
    return this.#byId.delete(id);
  }

  /** Active subscriptions for one object and action: the ones a change fires. */
  active(object: WebhookObject, action: WebhookAction): WebhookSubscription[] {
    return this.list().filter((s) => s.active && s.type.object === object && s.type.action === action);
  }
}
