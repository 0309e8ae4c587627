import type { Hono } from "hono";
import type { EmulatorEnv } from "../env.ts";
import { ApiError } from "../http/api-error.ts";
import { isObject, readJsonObject } from "../http/json-body.ts";
import type { PropertyDefinition } from "../state/property-definition.ts";
import { archivableProperty, archiveProperty } from "./archive-property.ts";
import { createProperty } from "./create-property.ts";
import { fieldError } from "./field-error.ts";
import { propertyScope } from "./property-access.ts";

interface BatchError {
  status: "error";
  category: string;
  message: string;
  context: Record<string, string[]>;
  errors: Array<{ message: string; code?: string; in?: string }>;
  links: Record<string, string>;
}

function batchInputs(body: Record<string, unknown>, max: number): unknown[] {
  const inputs = body["inputs"];
  if (!Array.isArray(inputs)) throw fieldError("inputs", "Invalid input JSON: `inputs` must be an array.", "INVALID_TYPE");
  if (inputs.length > max) throw fieldError("inputs", `Too many inputs: ${inputs.length} given, the limit is ${max}.`, "TOO_MANY_INPUTS");
  return inputs;
}

function inputName(input: unknown, index: number): string {
  const name = isObject(input) ? input["name"] : undefined;
  if (typeof name !== "string" || name === "") throw fieldError(`inputs[${index}].name`, `inputs[${index}].name is required.`, "REQUIRED_FIELD");
  return name;
}

function batchResponse(results: PropertyDefinition[], errors: BatchError[], startedAt: string, completedAt: string): Record<string, unknown> {
  const body: Record<string, unknown> = { status: "COMPLETE", results, startedAt, completedAt };
  if (errors.length > 0) Object.assign(body, { numErrors: errors.length, errors });
  return body;
}

function asBatchError(error: ApiError, name: string | undefined): BatchError {
  return {
    status: "error",
    category: error.category,
    message: error.message,
    context: name === undefined ? {} : { name: [name] },
    errors: error.init.errors ?? [],
    links: {},
  };
}

/** Batch read, create and archive of property definitions: `/crm/v3/properties/{objectType}/batch/*`. */
export function propertyBatchRoutes(app: Hono<EmulatorEnv>): void {
  const base = "/crm/v3/properties/:objectType/batch";

  app.post(`${base}/read`, async (c) => {
    const scope = propertyScope(c, "read");
    const startedAt = c.get("state").clock.iso();
    const body = await readJsonObject(c);
    const names = batchInputs(body, c.get("state").options.limits.batchMaxInputs).map(inputName);
    const archived = body["archived"] === true;
    const results: PropertyDefinition[] = [];
    const errors: BatchError[] = [];
    for (const name of new Set(names)) {
      const definition = scope.registry.definitions.get(name);
      if (definition !== undefined && definition.archived === archived) results.push(definition);
      else errors.push(asBatchError(new ApiError(404, "OBJECT_NOT_FOUND", `Property ${name} does not exist on object type ${scope.type.name}.`), name));
    }
    return c.json(batchResponse(results, errors, startedAt, c.get("state").clock.iso()), errors.length > 0 ? 207 : 200);
  });

  // Each input stands alone: the valid ones are created, the rest come back as errors (207).
  app.post(`${base}/create`, async (c) => {
    const scope = propertyScope(c, "write");
    const startedAt = c.get("state").clock.iso();
    const inputs = batchInputs(await readJsonObject(c), c.get("state").options.limits.batchMaxInputs);
    const results: PropertyDefinition[] = [];
    const errors: BatchError[] = [];
    for (const input of inputs) {
      try {
        results.push(createProperty(scope, input, c.get("state").clock.iso()));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const name = isObject(input) && typeof input["name"] === "string" ? input["name"] : undefined;
        errors.push(asBatchError(error, name));
      }
    }
    return c.json(batchResponse(results, errors, startedAt, c.get("state").clock.iso()), errors.length > 0 ? 207 : 201);
  });

  // Names that do not exist are skipped; one that cannot be archived fails the whole batch first.
  app.post(`${base}/archive`, async (c) => {
    const scope = propertyScope(c, "write");
    const names = batchInputs(await readJsonObject(c), c.get("state").options.limits.batchMaxInputs).map(inputName);
    const present = [...new Set(names)].filter((name) => scope.registry.get(name) !== undefined);
    for (const name of present) archivableProperty(scope, name);
    const at = c.get("state").clock.iso();
    for (const name of present) archiveProperty(scope, name, at);
    return c.body(null, 204);
  });
}
