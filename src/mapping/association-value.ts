/** One association target from a source column: a record id or unique key, with a label or none (the default association). */
export interface AssociationValue {
  readonly key: string;
  readonly label: string | null;
}
