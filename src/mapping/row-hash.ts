import { createHash } from "node:crypto";
import type { AssociationValue } from "./association-value.ts";
import { canonicalJson, type JsonValue } from "./canonical-json.ts";

/** What a row sends to HubSpot: mapped properties and, per association target, the records it links to. */
export interface RowContent {
  readonly properties: Readonly<Record<string, string>>;
  readonly associations?: Readonly<Record<string, readonly AssociationValue[]>> | undefined;
}

// Bumped when what is hashed changes on purpose, so old hashes stop matching instead of lying.
const hashVersion = 1;

/**
 * A stable content hash (sha-256, hex) of a row as sent: unchanged rows hash the same and cost
 * no call. Independent of key order and of the order association targets are listed in.
 */
export function rowHash(content: RowContent): string {
  const associations: Record<string, JsonValue> = {};
  for (const [target, values] of Object.entries(content.associations ?? {})) {
    const sorted = [...values].sort(compareValues);
    // A target listed twice is still one association.
    const unique = sorted.filter((value, index) => index === 0 || compareValues(value, sorted[index - 1] ?? value) !== 0);
    associations[target] = unique.map((value) => [value.key, value.label]);
  }
  const payload: JsonValue = { v: hashVersion, properties: content.properties, associations };
  return createHash("sha256").update(canonicalJson(payload), "utf8").digest("hex");
}

function compareValues(a: AssociationValue, b: AssociationValue): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  if (a.label === b.label) return 0;
  if (a.label === null) return -1;
  if (b.label === null) return 1;
  return a.label < b.label ? -1 : 1;
}
