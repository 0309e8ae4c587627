import { err, ok, type Result } from "../core/result.ts";
import { applyAnnualize } from "./annualize-transform.ts";
import { applyConcat } from "./concat-transform.ts";
import { applyDateFormat } from "./date-format-transform.ts";
import { applyMapValues } from "./map-values-transform.ts";
import { mapText, splitText, withDefault } from "./text-transforms.ts";
import type { TransformContext } from "./transform-context.ts";
import type { Transform, TransformType } from "./transform-schema.ts";

/** Which step of a pipeline failed, and why (the reason names the value it was given). */
export interface TransformFailure {
  readonly index: number;
  readonly type: TransformType;
  readonly reason: string;
}

/** One transform applied to a value; the error is a reason naming the value. */
export function applyTransform(transform: Transform, value: unknown, context: TransformContext): Result<unknown, string> {
  switch (transform.type) {
    case "trim":
      return ok(mapText(value, (text) => text.trim()));
    case "lowercase":
      return ok(mapText(value, (text) => text.toLowerCase()));
    case "uppercase":
      return ok(mapText(value, (text) => text.toUpperCase()));
    case "split":
      return ok(splitText(value, transform.separator));
    case "default":
      return ok(withDefault(value, transform.value));
    case "constant":
      return ok(transform.value);
    case "map_values":
      return applyMapValues(value, transform);
    case "concat":
      return applyConcat(transform, context);
    case "date_format":
      return applyDateFormat(value, transform.input, transform.output);
    case "annualize":
      return applyAnnualize(value, transform, context);
    default: {
      const exhaustive: never = transform;
      return exhaustive;
    }
  }
}

/** A pipeline applied in order; the first failing step stops it. */
export function applyTransforms(transforms: readonly Transform[], value: unknown, context: TransformContext): Result<unknown, TransformFailure> {
  let current = value;
  for (const [index, transform] of transforms.entries()) {
    const result = applyTransform(transform, current, context);
    if (!result.ok) return err({ index, type: transform.type, reason: result.error });
    current = result.value;
  }
  return ok(current);
}
