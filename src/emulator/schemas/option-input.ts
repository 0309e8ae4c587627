import { isObject } from "../http/json-body.ts";
import type { PropertyOption } from "../state/property-definition.ts";
import { optionalBoolean, optionalInteger, optionalString } from "./body-fields.ts";
import { fieldError } from "./field-error.ts";

/**
 * Parses `options` (HubSpot's OptionInput list): each needs a label and a value, values must
 * be unique (records store the value, so two equal values could not be told apart).
 */
export function parseOptions(value: unknown, path = "options"): PropertyOption[] {
  if (!Array.isArray(value)) throw fieldError(path, `${path} must be an array of options.`, "INVALID_TYPE");
  const seen = new Set<string>();
  return value.map((raw, index) => {
    const at = `${path}[${index}]`;
    if (!isObject(raw)) throw fieldError(at, `${at} must be an object with a label and a value.`, "INVALID_TYPE");
    const label = optionalString(raw, "label", `${at}.label`);
    const optionValue = optionalString(raw, "value", `${at}.value`);
    if (label === undefined || label === "") throw fieldError(`${at}.label`, `${at}.label is required.`, "REQUIRED_FIELD");
    if (optionValue === undefined || optionValue === "") throw fieldError(`${at}.value`, `${at}.value is required.`, "REQUIRED_FIELD");
    if (seen.has(optionValue)) {
      throw fieldError(path, `${path} contains the value '${optionValue}' more than once; option values must be unique.`, "DUPLICATE_OPTION_VALUE");
    }
    seen.add(optionValue);
    const option: PropertyOption = {
      label,
      value: optionValue,
      displayOrder: optionalInteger(raw, "displayOrder", `${at}.displayOrder`) ?? index,
      hidden: optionalBoolean(raw, "hidden", `${at}.hidden`) ?? false,
    };
    const description = optionalString(raw, "description", `${at}.description`);
    if (description !== undefined) option.description = description;
    return option;
  });
}
