import type { HubSpotRecord } from "./hubspot-record.ts";
import { conflictingId, inputError } from "./input-error.ts";
import type { Refusal } from "./isolate-bad-inputs.ts";
import type { PropertyValues, WriteError, WriteOutcome, WriteStatus } from "./write-outcome.ts";

/** An input on its way: where its outcome goes, its trace id, and how a result names it without one. */
export interface PendingWrite<I> {
  index: number;
  key: string;
  traceId: string;
  input: I;
  properties: PropertyValues;
  /** Lowercased value a result carries when HubSpot leaves out the trace id (record id, or the idProperty's value). */
  identity: string | undefined;
}

/** Collects one outcome per input, in input order. */
export class Outcomes {
  readonly #outcomes: Array<WriteOutcome | undefined>;

  constructor(size: number) {
    this.#outcomes = new Array<WriteOutcome | undefined>(size).fill(undefined);
  }

  settled(index: number): boolean {
    return this.#outcomes[index] !== undefined;
  }

  set(index: number, outcome: WriteOutcome): void {
    this.#outcomes[index] = outcome;
  }

  written(pending: PendingWrite<unknown>, status: WriteStatus, record: HubSpotRecord): void {
    this.set(pending.index, { key: pending.key, status, id: record.id, record });
  }

  failed(pending: { index: number; key: string }, error: WriteError): void {
    this.set(pending.index, { key: pending.key, status: "failed", error });
  }

  /** A refusal of this input alone (or named by trace id): a 409 is a conflict naming the record that holds the value. */
  refused(pending: { index: number; key: string }, refusal: Refusal): void {
    const { body, status } = refusal;
    const error = inputError(body, status === 409 ? "CONFLICT" : status === 404 ? "OBJECT_NOT_FOUND" : "VALIDATION_ERROR");
    if (status === 409 || error.category === "CONFLICT") {
      const id = conflictingId(body.message);
      this.set(pending.index, id === undefined ? { key: pending.key, status: "conflict", error } : { key: pending.key, status: "conflict", id, error });
      return;
    }
    this.failed(pending, error);
  }

  /** Every outcome; an input nothing settled would be a hubsync bug, reported rather than dropped. */
  all(keys: readonly string[]): WriteOutcome[] {
    return this.#outcomes.map(
      (outcome, index) =>
        outcome ?? { key: keys[index] ?? "", status: "failed", error: { category: "OUTCOME_UNKNOWN", message: "hubsync lost track of this input (a bug: please report it)." } },
    );
  }
}

/** Whether a record holds every value sent (as HubSpot compares: trimmed, case-insensitive). */
export function holdsValues(record: HubSpotRecord, properties: PropertyValues): boolean {
  const norm = (value: string | null | undefined): string => (value ?? "").trim().toLowerCase();
  return Object.entries(properties).every(([name, value]) => norm(record.properties[name]) === norm(value));
}
