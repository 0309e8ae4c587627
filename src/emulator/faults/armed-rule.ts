import { seededRandom, type Random } from "../random.ts";
import type { FaultRuleSpec, FaultRuleView } from "./fault-rule.ts";

/**
 * A fault rule in force: decides, request by request, whether it strikes. Each rule rolls its
 * own dice, seeded from the emulator's seed and the rule's number, so a rule's pattern of
 * failures repeats from run to run whatever other rules do.
 */
export class ArmedRule {
  readonly id: string;
  readonly spec: FaultRuleSpec;
  readonly #methods: ReadonlySet<string> | undefined;
  readonly #pathRegex: RegExp | undefined;
  readonly #random: Random;
  #seen = 0;
  #injected = 0;

  constructor(id: string, spec: FaultRuleSpec, seed: number) {
    this.id = id;
    this.spec = spec;
    const method = spec.match?.method;
    this.#methods = method === undefined ? undefined : new Set((Array.isArray(method) ? method : [method]).map((m) => m.toUpperCase()));
    this.#pathRegex = spec.match?.pathRegex === undefined ? undefined : new RegExp(spec.match.pathRegex);
    this.#random = seededRandom(seed);
  }

  matches(method: string, path: string): boolean {
    if (this.#methods !== undefined && !this.#methods.has(method.toUpperCase())) return false;
    const prefix = this.spec.match?.path;
    if (prefix !== undefined && !path.startsWith(prefix)) return false;
    return this.#pathRegex === undefined || this.#pathRegex.test(path);
  }

  /** Called once for each matching request: does this one fail? */
  strikes(): boolean {
    this.#seen += 1;
    const hit = this.#decide();
    if (hit) this.#injected += 1;
    return hit;
  }

  #decide(): boolean {
    const { probability, schedule } = this.spec;
    if (probability !== undefined) return this.#random() < probability;
    if (schedule === undefined) return true;
    const after = schedule.after ?? 0;
    if (this.#seen <= after) return false;
    if (schedule.count !== undefined && this.#injected >= schedule.count) return false;
    return (this.#seen - after) % (schedule.every ?? 1) === 0;
  }

  view(): FaultRuleView {
    return { id: this.id, ...this.spec, seen: this.#seen, injected: this.#injected };
  }
}
