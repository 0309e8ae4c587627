import { showValue } from "./show-value.ts";

/** Why a source value cannot become a property's value, in words a person can act on. */
export interface CoercionFailure {
  readonly property: string;
  readonly value: unknown;
  /** The clause after the value: `is not one of the options (subscriber, lead, …)`. */
  readonly reason: string;
  /** `property "lifecyclestage": "Prospect" is not one of the options (subscriber, lead, …)` */
  readonly message: string;
}

export function coercionFailure(property: string, value: unknown, reason: string): CoercionFailure {
  return { property, value, reason, message: `property "${property}": ${showValue(value)} ${reason}` };
}
