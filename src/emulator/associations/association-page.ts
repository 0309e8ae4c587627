import type { AssociatedTarget } from "./associated-target.ts";
import { decodeAssociationCursor, encodeAssociationCursor } from "./association-cursor.ts";
import { compareIds } from "./compare-ids.ts";

export interface AssociationPage {
  targets: AssociatedTarget[];
  /** The `after` of the next page; absent on the last one. */
  next?: string;
}

/** One page of id-ordered targets after the cursor: a cursor names an id, so removals between pages skip nothing. */
export function associationPage(sorted: AssociatedTarget[], after: string | undefined, limit: number): AssociationPage {
  let start = 0;
  if (after !== undefined) {
    const last = decodeAssociationCursor(after);
    while (start < sorted.length && compareIds(sorted[start]?.toObjectId ?? "", last) <= 0) start++;
  }
  const targets = sorted.slice(start, start + limit);
  const lastTarget = targets[targets.length - 1];
  if (start + limit >= sorted.length || lastTarget === undefined) return { targets };
  return { targets, next: encodeAssociationCursor(lastTarget.toObjectId) };
}
