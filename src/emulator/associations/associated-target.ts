/** One type on an associated pair, as v4 reads show it. */
export interface AssociatedType {
  category: string;
  typeId: number;
  label: string | null;
}

/** A record associated with the one read, with every type on the pair (default first). */
export interface AssociatedTarget {
  toObjectId: string;
  types: AssociatedType[];
}
