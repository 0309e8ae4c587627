import { isMap, isNode, isScalar, isSeq, type Document, type LineCounter } from "yaml";
import type { KeyPath } from "./config-issue.ts";

/**
 * Where a key path sits in the YAML text: the key itself for a map entry, the item for a list
 * entry. A path that runs past what the file has (a missing key) stops at its deepest ancestor.
 */
export function locateKeyPath(
  document: Document,
  lineCounter: LineCounter,
  path: KeyPath,
): { line: number; column: number } | undefined {
  let node: unknown = document.contents;
  let offset = rangeStart(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair === undefined) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item: unknown = node.items[segment];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function rangeStart(node: unknown): number | undefined {
  return isNode(node) ? node.range?.[0] : undefined;
}
