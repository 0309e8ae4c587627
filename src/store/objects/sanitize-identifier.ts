import { createHash } from "node:crypto";

/** PostgreSQL truncates identifiers past 63 bytes; SQLite has no limit, but one rule for both. */
export const MAX_IDENTIFIER_LENGTH = 63;

/** A HubSpot name as a plain lower-case SQL identifier: [a-z0-9_], not starting with a digit, ≤ 63 chars. */
export function sanitizeIdentifier(raw: string): string {
  let name = raw
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_");
  if (name === "" || /^_*$/.test(name)) name = "x";
  if (/^[0-9]/.test(name)) name = `p_${name}`;
  return fitIdentifier(name, raw);
}

/**
 * Shortens a name past the limit to a prefix plus a hash of `source` (the full original), so
 * two long names that share a prefix still differ.
 */
export function fitIdentifier(name: string, source: string = name, suffix = ""): string {
  if (name.length + suffix.length <= MAX_IDENTIFIER_LENGTH) return `${name}${suffix}`;
  const hash = createHash("sha1").update(source).digest("hex").slice(0, 8);
  return `${name.slice(0, MAX_IDENTIFIER_LENGTH - suffix.length - hash.length - 1)}_${hash}${suffix}`;
}

/** `base`, or `base_2`, `base_3`… — the first that `taken` does not claim. */
export async function uniqueIdentifier(
  base: string,
  source: string,
  taken: (name: string) => boolean | Promise<boolean>,
): Promise<string> {
  if (!(await taken(base))) return base;
  for (let n = 2; ; n += 1) {
    const candidate = fitIdentifier(base, source, `_${n}`);
    if (!(await taken(candidate))) return candidate;
  }
}
