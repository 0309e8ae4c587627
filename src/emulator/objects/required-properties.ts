import type { ObjectType } from "../state/object-type.ts";
import type { Portal } from "../state/portal.ts";

/** Properties a create must set: a custom object's schema `requiredProperties` (built-in types have none through the API). */
export function requiredProperties(portal: Portal, type: ObjectType): readonly string[] {
  return type.custom ? portal.schemas.requiredProperties(type) : [];
}
