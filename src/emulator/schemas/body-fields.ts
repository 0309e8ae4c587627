import { isObject } from "../http/json-body.ts";
import { fieldError } from "./field-error.ts";

/**
 * Readers for optional fields of a request body: absent (or null) gives `undefined`, a value
 * of the wrong JSON type gives a 400 naming the field.
 */
export function optionalString(body: Record<string, unknown>, field: string, path = field): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw fieldError(path, `${path} must be a string.`, "INVALID_TYPE");
  return value;
}

export function optionalBoolean(body: Record<string, unknown>, field: string, path = field): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw fieldError(path, `${path} must be true or false.`, "INVALID_TYPE");
  return value;
}

export function optionalInteger(body: Record<string, unknown>, field: string, path = field): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) throw fieldError(path, `${path} must be an integer.`, "INVALID_INTEGER");
  return value;
}

export function optionalStringArray(body: Record<string, unknown>, field: string, path = field): string[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === "string")) {
    throw fieldError(path, `${path} must be an array of strings.`, "INVALID_TYPE");
  }
  return value;
}

export function optionalObject(body: Record<string, unknown>, field: string, path = field): Record<string, unknown> | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw fieldError(path, `${path} must be an object.`, "INVALID_TYPE");
  return value;
}
