import type { z } from "zod";
import type { Clock } from "../core/clock.ts";
import { HubsyncError } from "../core/hubsync-error.ts";
import type { Logger } from "../core/logger.ts";
import type { Authorizer } from "./authorizer.ts";
import type { CallKind, ClientStats } from "./client-stats.ts";
import type { FetchLike } from "./fetch-like.ts";
import { hubspotMessage, missingScopes, parseErrorBody, type HubSpotErrorBody } from "./hubspot-error-body.ts";
import type { HubSpotLimits } from "./hubspot-limits.ts";
import { classifyFetchFailure } from "./network-failure.ts";
import { parseAnswer } from "./parse-answer.ts";
import type { RateBudgetName, RateLimiter } from "./rate-limiter.ts";
import { requestUrl, type QueryParams } from "./request-url.ts";
import { backoffDelay, retryAfterMs } from "./retry-delay.ts";
import { retryPolicy, retryRuleFor, type Replay, type RetryRule, type RetryRuleKey } from "./retry-policy.ts";

export type { Replay } from "./retry-policy.ts";

/** One logical request; the transport makes as many attempts as the retry policy allows. */
export interface TransportRequest<T> {
  kind: CallKind;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: QueryParams;
  /** A JSON body. */
  json?: unknown;
  /** A form-encoded body (the OAuth token endpoint). */
  form?: Record<string, string>;
  /** Parses a success body; a body that fails it is HUBSPOT_BAD_RESPONSE. */
  schema: z.ZodType<T>;
  budget: RateBudgetName;
  /** Send the bearer token; false only for the OAuth token endpoint. */
  authenticated?: boolean;
  signal?: AbortSignal | undefined;
}

/** A write whose answer the caller reads itself, whatever its status (200, 207, 400, 409...). */
export interface ExchangeRequest extends Omit<TransportRequest<unknown>, "schema"> {
  /** See `writeReplay` in `retry-policy.ts`. */
  replay: Replay;
}

/**
 * What an exchange came to: HubSpot's answer (2xx, or a 4xx about the request's content:
 * 400, 404, 409...), or `unknown` when HubSpot may or may not have applied it (`verify` only).
 * 401, 403, 423, 429 and 477 never come back: they are refreshed, retried or thrown as for reads.
 */
export type Exchange =
  | { kind: "answer"; status: number; body: unknown; error: HubSpotErrorBody }
  | { kind: "unknown"; reason: string; status: number | undefined };

/** Failures after which HubSpot may have applied a write: no answer, or a server error. */
const mayHaveApplied = (key: RetryRuleKey): boolean => key === "network" || key === "5xx" || /^5\d\d$/.test(key);

/** Refusals about the request's content, which a write's caller reads (bad rows, conflicts, missing ids). */
const aboutContent = (key: RetryRuleKey): boolean => key === "404" || key === "409" || key === "4xx";

type Settled = { kind: "answer"; answer: Answer; error: HubSpotErrorBody } | { kind: "unknown"; reason: string; status: number | undefined };

export interface TransportDeps {
  baseUrl: string;
  fetch: FetchLike;
  clock: Clock;
  logger: Logger;
  limits: HubSpotLimits;
  random: () => number;
  limiter: RateLimiter;
  stats: ClientStats;
}

type Answer = { kind: "answer"; status: number; headers: Headers; body: unknown; json: boolean; text: string };
type Attempt = Answer | { kind: "aborted" } | { kind: "network"; reason: string };

/**
 * Sends requests to HubSpot: rate budget first, bearer token, one deadline per attempt, and
 * the retry policy table (`retry-policy.ts`) applied to every failure. Retries are a small
 * loop rather than p-retry: its waits use real timers, and ours must use the injected clock.
 */
export class Transport {
  readonly #deps: TransportDeps;
  #auth: Authorizer | undefined;

  constructor(deps: TransportDeps) {
    this.#deps = deps;
  }

  /** Set once, after construction: the OAuth authorizer itself sends through this transport. */
  useAuthorizer(auth: Authorizer): void {
    this.#auth = auth;
  }

  /** Sends `request` until it succeeds or the policy gives up; failures are thrown as `HubsyncError`. */
  async request<T>(request: TransportRequest<T>): Promise<T> {
    try {
      const settled = await this.#run(request, undefined);
      if (settled.kind === "unknown") throw new Error("unreachable: only a `verify` exchange hands back an unknown outcome");
      return this.#success(request.schema, settled.answer, `${request.method} ${request.path}`);
    } catch (error) {
      this.#deps.stats.failed();
      throw error;
    }
  }

  /**
   * Sends a write and hands back HubSpot's answer for the caller to read per input: 2xx and
   * 4xx refusals about the content come back as they are; auth, scopes, rate limits and locks
   * are handled as for reads; failures HubSpot may have applied follow `request.replay`.
   */
  async exchange(request: ExchangeRequest): Promise<Exchange> {
    try {
      const settled = await this.#run(request, request.replay);
      if (settled.kind === "unknown") return settled;
      const { answer, error } = settled;
      if (answer.status < 300 && !answer.json && answer.text !== "") throw notJson(answer, `${request.method} ${request.path}`);
      return { kind: "answer", status: answer.status, body: answer.body, error };
    } catch (error) {
      this.#deps.stats.failed();
      throw error;
    }
  }

  async #run(request: Omit<TransportRequest<unknown>, "schema">, replay: Replay | undefined): Promise<Settled> {
    const { clock, limiter, stats, limits, logger } = this.#deps;
    const what = `${request.method} ${request.path}`;
    const signal = request.signal;
    let failures = 0;
    let rateLimited = 0;
    let refreshed = false;
    for (;;) {
      if (signal?.aborted === true) throw abortedError(what);
      await guardAbort(() => limiter.acquire(request.budget, signal), signal, what);
      const token = request.authenticated === false ? undefined : await this.#authorizer().current();
      const url = requestUrl(this.#deps.baseUrl, request.path, request.query);
      if (url.length > limits.maxUrlLength) {
        throw new HubsyncError("HUBSPOT_BAD_REQUEST", `hubsync built a ${url.length}-character URL for ${what}, past the ${limits.maxUrlLength}-character limit.`, {
          fix: "This is a hubsync bug (property lists should be chunked): please report it.",
        });
      }
      stats.call(request.kind);
      const attempt = await this.#send(url, request, token);
      if (attempt.kind === "aborted") throw abortedError(what);

      let rule: RetryRule;
      let key: RetryRuleKey;
      let answer: Answer | undefined;
      let error: HubSpotErrorBody = {};
      if (attempt.kind === "network") {
        key = "network";
        rule = retryPolicy.network;
        logger.debug({ what, reason: attempt.reason }, "hubspot: no answer");
      } else {
        answer = attempt;
        limiter.observe(request.budget, answer.headers);
        if (answer.status >= 200 && answer.status < 300) return { kind: "answer", answer, error };
        error = parseErrorBody(answer.body);
        ({ key, rule } = retryRuleFor(answer.status, error.category));
        logger.debug({ what, status: answer.status, correlationId: error.correlationId }, "hubspot: error answer");
        if (replay !== undefined && aboutContent(key)) return { kind: "answer", answer, error };
      }
      const reason = attempt.kind === "network" ? attempt.reason : undefined;
      if (replay === "verify" && mayHaveApplied(key)) {
        return { kind: "unknown", reason: reason ?? hubspotMessage(error) ?? `HTTP ${answer?.status ?? "?"}`, status: answer?.status };
      }

      switch (rule.action) {
        case "fail":
          throw failure(rule, key, what, answer, error, reason);
        case "refresh": {
          const auth = this.#authorizer();
          if (refreshed || !auth.refreshable || token === undefined) throw failure(rule, key, what, answer, error, reason);
          refreshed = true;
          stats.retry();
          await auth.afterUnauthorized(token);
          continue;
        }
        case "rate-limit": {
          stats.rateLimited();
          rateLimited += 1;
          if (error.policyName === "DAILY") {
            throw failure({ ...rule, message: "HubSpot's daily API limit for this account is used up", fix: "Calls are refused until the daily budget resets; run the sync again tomorrow or buy an API limit increase." }, key, what, answer, error, reason);
          }
          if (rateLimited > limits.retry.rateLimitAttempts) throw failure(rule, key, what, answer, error, reason);
          stats.retry();
          const after = answer === undefined ? undefined : retryAfterMs(answer.headers, clock.now());
          if (after !== undefined && after > 0) {
            stats.rateLimitWait(after);
            await guardAbort(() => clock.sleep(after, signal), signal, what);
          } else if (request.budget === "none") {
            await this.#backoff(rateLimited, signal, what);
          } else {
            // No Retry-After: count the window as full, so the next `acquire` waits until it frees.
            limiter.exhausted(request.budget);
          }
          continue;
        }
        case "backoff": {
          failures += 1;
          if (failures >= limits.retry.attempts) throw failure(rule, key, what, answer, error, reason);
          stats.retry();
          const after = answer === undefined ? undefined : retryAfterMs(answer.headers, clock.now());
          if (after !== undefined) {
            stats.backoff(after);
            await guardAbort(() => clock.sleep(after, signal), signal, what);
          } else {
            await this.#backoff(failures, signal, what);
          }
          continue;
        }
        default: {
          const exhaustive: never = rule.action;
          return exhaustive;
        }
      }
    }
  }

  #authorizer(): Authorizer {
    if (this.#auth === undefined) throw new Error("Transport used before an authorizer was set");
    return this.#auth;
  }

  async #backoff(retry: number, signal: AbortSignal | undefined, what: string): Promise<void> {
    const delay = backoffDelay(retry, this.#deps.limits.retry, this.#deps.random);
    this.#deps.stats.backoff(delay);
    await guardAbort(() => this.#deps.clock.sleep(delay, signal), signal, what);
  }

  #success<T>(schema: z.ZodType<T>, answer: Answer, what: string): T {
    if (!answer.json && answer.text !== "") throw notJson(answer, what);
    return parseAnswer(schema, answer.body, what);
  }

  async #send(url: string, request: Omit<TransportRequest<unknown>, "schema">, token: string | undefined): Promise<Attempt> {
    // One deadline per attempt: a request HubSpot never answers becomes a retryable failure.
    const deadline = AbortSignal.timeout(this.#deps.limits.retry.attemptTimeoutMs);
    const signal = request.signal === undefined ? deadline : AbortSignal.any([request.signal, deadline]);
    const headers: Record<string, string> = { accept: "application/json" };
    if (token !== undefined) headers["authorization"] = `Bearer ${token}`;
    const init: RequestInit = { method: request.method, headers, signal };
    if (request.json !== undefined) {
      headers["content-type"] = "application/json";
      init.body = JSON.stringify(request.json);
    } else if (request.form !== undefined) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      init.body = new URLSearchParams(request.form).toString();
    }
    try {
      const response = await this.#deps.fetch(url, init);
      const text = await response.text();
      const { body, json } = readJson(text);
      return { kind: "answer", status: response.status, headers: response.headers, body, json, text };
    } catch (error) {
      return classifyFetchFailure(error, request.signal);
    }
  }
}

function notJson(answer: Answer, what: string): HubsyncError {
  return new HubsyncError("HUBSPOT_BAD_RESPONSE", `HubSpot's answer to ${what} is not JSON: ${answer.text.slice(0, 120)}`, {
    status: answer.status,
    fix: "A proxy or HubSpot outage may have answered instead of the API; run the sync again.",
  });
}

function readJson(text: string): { body: unknown; json: boolean } {
  if (text === "") return { body: undefined, json: false };
  try {
    return { body: JSON.parse(text) as unknown, json: true };
  } catch {
    return { body: undefined, json: false };
  }
}

function failure(rule: RetryRule, key: RetryRuleKey, what: string, answer: Answer | undefined, error: HubSpotErrorBody, reason: string | undefined): HubsyncError {
  const said = hubspotMessage(error) ?? (answer !== undefined && !answer.json && answer.text !== "" ? answer.text.slice(0, 200) : undefined) ?? reason;
  const details: { fix: string; status?: number; correlationId?: string; subject?: string } = { fix: rule.fix };
  if (answer !== undefined) details.status = answer.status;
  if (error.correlationId !== undefined) details.correlationId = error.correlationId;
  let message = `${rule.message} (${what})`;
  if (key === "missing-scopes") {
    const scopes = missingScopes(error);
    details.subject = scopes.join(", ");
    message =
      scopes.length > 0
        ? `The HubSpot app lacks the scope ${scopes.join(" or ")}, which ${what} needs`
        : `The HubSpot app lacks a scope ${what} needs (HubSpot did not name it)`;
  }
  if (said !== undefined) message += `. HubSpot said: ${said}`;
  if (error.correlationId !== undefined) message += ` (correlationId ${error.correlationId})`;
  return new HubsyncError(rule.code, message, details);
}

function abortedError(what: string): HubsyncError {
  return new HubsyncError("SYNC_ABORTED", `The request ${what} was cancelled.`, { fix: "The sync was stopped; run it again to continue." });
}

/** Runs a wait; when the caller's signal ends it, the abort becomes SYNC_ABORTED. */
async function guardAbort(wait: () => Promise<void>, signal: AbortSignal | undefined, what: string): Promise<void> {
  try {
    await wait();
  } catch (error) {
    if (signal?.aborted === true) throw abortedError(what);
    throw error;
  }
}
