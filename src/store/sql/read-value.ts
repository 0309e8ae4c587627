// Normalise what the two drivers return for the same column into one domain value.

/** timestamptz arrives as a Date from pg, ISO text from SQLite; both become ISO text. */
export function readTimestamp(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return value;
  throw new TypeError(`expected a timestamp, got ${typeof value}`);
}

export function readRequiredTimestamp(value: unknown): string {
  const read = readTimestamp(value);
  if (read === null) throw new TypeError("expected a timestamp, got null");
  return read;
}

/** boolean from pg, 0/1 from SQLite. */
export function readBool(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "bigint") return value !== 0n;
  throw new TypeError(`expected a boolean, got ${typeof value}`);
}

/** jsonb arrives parsed from pg; text from SQLite. */
export function readJson(value: unknown): unknown {
  if (typeof value === "string") return JSON.parse(value) as unknown;
  return value;
}

/** count(*) and bigserial arrive as strings (int8) from pg, numbers from SQLite. */
export function readCount(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" || typeof value === "bigint") return Number(value);
  throw new TypeError(`expected a count, got ${typeof value}`);
}

export function readText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  throw new TypeError(`expected text, got ${typeof value}`);
}

export function readRequiredText(value: unknown): string {
  const read = readText(value);
  if (read === null) throw new TypeError("expected text, got null");
  return read;
}
