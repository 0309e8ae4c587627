import { badRequest } from "../http/api-error.ts";
import { isObject } from "../http/json-body.ts";
import type { AssociationTypeRef } from "./association-type.ts";
import { isAssociationCategory } from "./association-type.ts";

/** An id as bodies send it: a string of digits, or a number (HubSpot's Java side takes both). */
export function idOf(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return value.trim();
  return undefined;
}

/** `{id}` → the id. */
const objectIdOf = (value: unknown): string | undefined => (isObject(value) ? idOf(value["id"]) : undefined);

/** A list of `{associationCategory, associationTypeId}` (the labelled PUT body, or an input's `types`). */
export function parseTypeRefs(value: unknown, where: string): AssociationTypeRef[] {
  if (!Array.isArray(value)) throw badRequest(`Invalid input JSON: ${where} must be an array of {associationCategory, associationTypeId}.`);
  return value.map((entry) => {
    const category = isObject(entry) ? entry["associationCategory"] : undefined;
    const typeId = isObject(entry) ? entry["associationTypeId"] : undefined;
    if (!isAssociationCategory(category) || typeof typeId !== "number" || !Number.isInteger(typeId)) {
      throw badRequest(`Invalid input JSON: each entry of ${where} needs associationCategory (HUBSPOT_DEFINED, USER_DEFINED or INTEGRATOR_DEFINED) and an integer associationTypeId.`);
    }
    return { associationCategory: category, associationTypeId: typeId };
  });
}

export interface PairInput {
  fromId: string;
  toId: string;
  types: AssociationTypeRef[];
}

/** Inputs `{from: {id}, to: {id}, types?}` of batch create, associate/default and labels/archive. */
export function parsePairInputs(inputs: unknown[], withTypes: boolean): PairInput[] {
  return inputs.map((input, i) => {
    const fromId = isObject(input) ? objectIdOf(input["from"]) : undefined;
    const toId = isObject(input) ? objectIdOf(input["to"]) : undefined;
    if (fromId === undefined || toId === undefined) throw badRequest(`Invalid input JSON: inputs[${i}] needs from.id and to.id.`);
    const types = withTypes && isObject(input) ? parseTypeRefs(input["types"], `inputs[${i}].types`) : [];
    return { fromId, toId, types };
  });
}

/** Inputs `{from: {id}, to: [{id}]}` of batch archive. */
export function parseArchiveInputs(inputs: unknown[]): Array<{ fromId: string; toIds: string[] }> {
  return inputs.map((input, i) => {
    const fromId = isObject(input) ? objectIdOf(input["from"]) : undefined;
    const to = isObject(input) ? input["to"] : undefined;
    const toIds = Array.isArray(to) ? to.map(objectIdOf) : [undefined];
    if (fromId === undefined || toIds.some((id) => id === undefined)) throw badRequest(`Invalid input JSON: inputs[${i}] needs from.id and a to array of {id}.`);
    return { fromId, toIds: toIds.filter((id): id is string => id !== undefined) };
  });
}

/** Inputs `{id, after?}` of batch read. */
export function parseReadInputs(inputs: unknown[]): Array<{ id: string; after: string | undefined }> {
  return inputs.map((input, i) => {
    const id = isObject(input) ? idOf(input["id"]) : undefined;
    const after = isObject(input) ? input["after"] : undefined;
    if (id === undefined || (after !== undefined && after !== null && typeof after !== "string")) throw badRequest(`Invalid input JSON: inputs[${i}] needs an id (and an optional string after).`);
    return { id, after: typeof after === "string" && after !== "" ? after : undefined };
  });
}
