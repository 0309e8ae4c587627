import type { MiddlewareHandler } from "hono";
import { isControlPath } from "../control/control-path.ts";
import type { EmulatorEnv } from "../env.ts";
import { ApiError } from "../http/api-error.ts";
import type { EmulatorState } from "../state/emulator-state.ts";
import { ArmedRule } from "./armed-rule.ts";
import { countPerKind, faultKinds, isFaultKind, type FaultKind } from "./fault-kind.ts";
import { faultResponse, markedNetworkFault } from "./fault-response.ts";
import type { FaultRuleSpec, FaultRuleView } from "./fault-rule.ts";
import { faultHeader } from "./injected-fault-header.ts";

/**
 * Makes HubSpot's bad days happen on demand: rules (by probability or schedule) and a
 * per-request header strike HubSpot API requests before any work is done — except
 * `lost-response`, which lets the work happen and then loses the answer.
 * Rules are tried in the order they were added; the first that strikes wins.
 */
export class FaultInjector {
  readonly state: EmulatorState;
  #rules: ArmedRule[] = [];
  #nextNumber = 1;
  #injected = countPerKind();

  constructor(state: EmulatorState) {
    this.state = state;
  }

  /** Arms a rule (already validated: see `faultRuleSchema`) and returns its id. */
  add(spec: FaultRuleSpec): string {
    const number = this.#nextNumber++;
    const id = `fault-${number}`;
    // Mixing the rule's number into the seed gives each rule its own repeatable dice.
    const seed = (Math.imul(this.state.options.seed, 0x9e3779b1) ^ Math.imul(number, 0x85ebca6b)) >>> 0;
    this.#rules.push(new ArmedRule(id, spec, seed));
    return id;
  }

  list(): FaultRuleView[] {
    return this.#rules.map((rule) => rule.view());
  }

  remove(id: string): boolean {
    const before = this.#rules.length;
    this.#rules = this.#rules.filter((rule) => rule.id !== id);
    return this.#rules.length < before;
  }

  /** Disarms every rule and zeroes the counts; rule numbering (and so the dice) starts over. */
  clear(): void {
    this.#rules = [];
    this.#nextNumber = 1;
    this.#injected = countPerKind();
  }

  /** Faults injected so far, per kind (header-steered ones included). */
  counts(): Record<FaultKind, number> {
    return { ...this.#injected };
  }

  /** The fault this request suffers, if any; advances the schedules and dice of the rules it reaches. */
  #choose(method: string, path: string): FaultKind | undefined {
    for (const rule of this.#rules) {
      if (rule.matches(method, path) && rule.strikes()) return rule.spec.kind;
    }
    return undefined;
  }

  middleware(): MiddlewareHandler<EmulatorEnv> {
    const injector = this;
    return async function injectFaults(c, next) {
      if (isControlPath(c.req.path)) return next();
      const steered = c.req.header(faultHeader);
      if (steered !== undefined && !isFaultKind(steered)) {
        throw new ApiError(400, "VALIDATION_ERROR", `Unknown fault in the X-Emulator-Fault header: "${steered}". Use one of: ${faultKinds.join(", ")}.`, {
          errors: [{ message: `unknown fault kind "${steered}"`, in: "X-Emulator-Fault" }],
        });
      }
      const kind = steered ?? injector.#choose(c.req.method, c.req.path);
      if (kind === undefined) return next();
      injector.#injected[kind] += 1;
      if (kind !== "lost-response") return faultResponse(c, kind);
      await next();
      c.res = markedNetworkFault("reset", kind);
      return undefined;
    };
  }
}
