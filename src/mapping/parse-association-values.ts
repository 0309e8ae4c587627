import { err, ok, type Result } from "../core/result.ts";
import type { AssociationValue } from "./association-value.ts";
import { isEmptyValue } from "./is-empty-value.ts";
import { isPlainObject, showValue } from "./show-value.ts";

/** Where association values were read from, for error messages. */
export interface AssociationSource {
  readonly rowKey: string;
  readonly column: string;
}

/** A malformed association value; the row is reported and not written. */
export interface AssociationValueError {
  readonly rowKey: string;
  readonly column: string;
  readonly value: unknown;
  readonly reason: string;
  /** `row "42", column "company_ids": item 2 (true) is not an id, a key or a {value, label} object` */
  readonly message: string;
}

/**
 * A column's association targets, normalised to `{ key, label }` (label null = the default,
 * unlabelled association) and deduplicated in first-seen order. Reads every shape a source
 * gives: a list of ids or keys, a `,`/`;`-separated list, `{value, label}` objects or lists of
 * them, a `{key: label | null}` map (a label may also be a list of labels), and JSON text of
 * any of those (JSON columns read from SQLite or as text). Empty (null, "", [], {}) means no
 * targets. Any malformed part fails the whole value: writing part of a row's associations
 * could remove the rest.
 */
export function parseAssociationValues(value: unknown, source: AssociationSource): Result<AssociationValue[], AssociationValueError[]> {
  const reader = new Reader();
  reader.top(value);
  if (reader.problems.length > 0) {
    return err(reader.problems.map((reason) => ({ ...source, value, reason, message: `row "${source.rowKey}", column "${source.column}": ${reason}` })));
  }
  return ok(reader.values);
}

const notATarget = "is not an id, a key or a {value, label} object";

class Reader {
  readonly values: AssociationValue[] = [];
  readonly problems: string[] = [];
  readonly #seen = new Set<string>();

  top(value: unknown): void {
    if (isEmptyValue(value)) return;
    if (typeof value === "string") return this.text(value);
    this.structured(value);
  }

  text(value: string): void {
    const text = value.trim();
    if (text === "null") return; // a JSON column holding JSON null
    if (text.startsWith("[") || text.startsWith("{")) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        this.problems.push(`${showValue(value)} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
        return;
      }
      if (!isEmptyValue(parsed)) this.structured(parsed);
      return;
    }
    for (const part of text.split(/[,;]/)) this.key(part, null, showValue(part));
  }

  structured(value: unknown): void {
    if (Array.isArray(value)) {
      value.forEach((item, index) => this.item(item, `item ${String(index + 1)}`));
      return;
    }
    if (isPlainObject(value)) {
      if (Object.hasOwn(value, "value")) return this.valueLabel(value, "the object");
      for (const [key, label] of Object.entries(value)) this.mapEntry(key, label);
      return;
    }
    this.item(value, "the value");
  }

  item(item: unknown, where: string): void {
    if (isEmptyValue(item)) return; // array_agg over a LEFT JOIN without matches gives [null]
    if (typeof item === "string" || typeof item === "number" || typeof item === "bigint") return this.key(item, null, where);
    if (isPlainObject(item) && Object.hasOwn(item, "value")) return this.valueLabel(item, where);
    this.problems.push(`${where} (${showValue(item)}) ${notATarget}`);
  }

  valueLabel(object: Readonly<Record<string, unknown>>, where: string): void {
    const key = object["value"];
    if (typeof key !== "string" && typeof key !== "number" && typeof key !== "bigint") {
      this.problems.push(`${where} has ${showValue(key)} as its value (expected an id or key)`);
      return;
    }
    for (const label of this.labels(object["label"], `${where}'s label`)) this.key(key, label, where);
  }

  mapEntry(key: string, label: unknown): void {
    if (key.trim() === "") {
      this.problems.push("a map key is empty (expected an id or key)");
      return;
    }
    for (const one of this.labels(label, `key ${JSON.stringify(key)}'s label`)) this.key(key, one, `key ${JSON.stringify(key)}`);
  }

  /** A label, a list of labels, or none (null, empty): the default association. */
  labels(label: unknown, where: string): (string | null)[] {
    if (label === null || label === undefined) return [null];
    if (typeof label === "string") return [label.trim() === "" ? null : label.trim()];
    if (Array.isArray(label) && label.every((one) => typeof one === "string" || one === null)) {
      return label.length === 0 ? [null] : label.map((one: string | null) => (one === null || one.trim() === "" ? null : one.trim()));
    }
    this.problems.push(`${where} is ${showValue(label)} (expected text, a list of texts or null)`);
    return [];
  }

  key(raw: string | number | bigint, label: string | null, where: string): void {
    let key: string;
    if (typeof raw === "number") {
      if (!Number.isSafeInteger(raw)) {
        const why = Number.isInteger(raw) ? "is too large to be an exact id (send ids as text)" : "is not a whole number";
        this.problems.push(`${where} (${showValue(raw)}) ${why}`);
        return;
      }
      key = String(raw);
    } else key = String(raw).trim();
    if (key === "") return;
    const identity = `${key}\u0000${label ?? "\u0001"}`;
    if (this.#seen.has(identity)) return;
    this.#seen.add(identity);
    this.values.push({ key, label });
  }
}
