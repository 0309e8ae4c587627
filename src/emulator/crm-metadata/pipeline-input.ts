import { ApiError } from "../http/api-error.ts";
import { isObject } from "../http/json-body.ts";
import type { PipelineObjectTypeName } from "./pipeline.ts";

/** A stage as a write describes it; `id` is set only for HubSpot's built-in stages. */
export interface StageInput {
  id?: string;
  label: string;
  displayOrder: number;
  metadata: Record<string, string>;
}

export interface PipelineInput {
  id?: string;
  label: string;
  displayOrder: number;
  stages: StageInput[];
}

export interface PipelinePatch {
  label?: string;
  displayOrder?: number;
  archived?: boolean;
}

export interface StagePatch extends PipelinePatch {
  metadata?: Record<string, string>;
}

const invalid = (message: string): ApiError => new ApiError(400, "VALIDATION_ERROR", message);

function requireFields(body: Record<string, unknown>, names: string[]): void {
  const missing = names.filter((name) => body[name] === undefined || body[name] === null);
  if (missing.length > 0) throw invalid(`Invalid input JSON on line 1: Some required fields were not set: [${missing.join(", ")}]`);
}

function label(value: unknown, what: string): string {
  if (typeof value !== "string" || value.trim() === "") throw invalid(`${what} label must be a non-empty string.`);
  return value;
}

function displayOrder(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value)) throw invalid("displayOrder must be an integer.");
  return value;
}

/** Metadata values are strings in HubSpot's API; numbers and booleans sent by loose clients are stringified. */
function metadataOf(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw invalid("metadata must be an object of string values.");
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === "string") out[key] = v;
    else if (typeof v === "number" || typeof v === "boolean") out[key] = String(v);
    else throw invalid(`metadata.${key} must be a string.`);
  }
  return out;
}

/**
 * Completes a stage's metadata the way HubSpot does: deal stages need a `probability` in
 * [0, 1] and are closed at 0 or 1; ticket stages need a `ticketState` and are closed when CLOSED.
 */
export function normalizeStageMetadata(typeName: PipelineObjectTypeName, metadata: Record<string, string>): Record<string, string> {
  if (typeName === "deals") {
    const raw = metadata["probability"];
    const probability = raw === undefined || raw.trim() === "" ? Number.NaN : Number(raw);
    if (!Number.isFinite(probability) || probability < 0 || probability > 1) {
      throw invalid(`Deal stages require metadata.probability between 0.0 and 1.0; got ${raw === undefined ? "none" : `'${raw}'`}.`);
    }
    const closed = metadata["isClosed"] ?? String(probability === 0 || probability === 1);
    return { ...metadata, isClosed: closed, probability: Number.isInteger(probability) ? probability.toFixed(1) : String(probability) };
  }
  const state = metadata["ticketState"]?.toUpperCase();
  if (state !== "OPEN" && state !== "CLOSED") {
    throw invalid(`Ticket stages require metadata.ticketState OPEN or CLOSED; got ${state === undefined ? "none" : `'${metadata["ticketState"]}'`}.`);
  }
  return { ...metadata, ticketState: state, isClosed: metadata["isClosed"] ?? String(state === "CLOSED") };
}

export function parseStageInput(typeName: PipelineObjectTypeName, body: unknown): StageInput {
  if (!isObject(body)) throw invalid("Invalid input JSON: expected a stage object.");
  requireFields(body, ["label", "displayOrder"]);
  return { label: label(body["label"], "Stage"), displayOrder: displayOrder(body["displayOrder"]), metadata: normalizeStageMetadata(typeName, metadataOf(body["metadata"])) };
}

/** A stage replacement (PUT), which HubSpot's spec also requires to carry metadata. */
export function parseStageReplaceInput(typeName: PipelineObjectTypeName, body: unknown): StageInput {
  if (!isObject(body)) throw invalid("Invalid input JSON: expected a stage object.");
  requireFields(body, ["label", "displayOrder", "metadata"]);
  return parseStageInput(typeName, body);
}

export function parsePipelineInput(typeName: PipelineObjectTypeName, body: unknown): PipelineInput {
  if (!isObject(body)) throw invalid("Invalid input JSON: expected a pipeline object.");
  requireFields(body, ["label", "displayOrder", "stages"]);
  const stages = body["stages"];
  if (!Array.isArray(stages)) throw invalid("stages must be an array.");
  if (stages.length === 0) throw invalid("A pipeline must have at least one stage.");
  return {
    label: label(body["label"], "Pipeline"),
    displayOrder: displayOrder(body["displayOrder"]),
    stages: stages.map((stage) => parseStageInput(typeName, stage)),
  };
}

export function parsePipelinePatch(body: unknown): PipelinePatch {
  if (!isObject(body)) throw invalid("Invalid input JSON: expected a pipeline object.");
  const patch: PipelinePatch = {};
  if (body["label"] !== undefined) patch.label = label(body["label"], "Pipeline");
  if (body["displayOrder"] !== undefined) patch.displayOrder = displayOrder(body["displayOrder"]);
  if (body["archived"] !== undefined) {
    if (typeof body["archived"] !== "boolean") throw invalid("archived must be a boolean.");
    patch.archived = body["archived"];
  }
  return patch;
}

export function parseStagePatch(body: unknown): StagePatch {
  const patch: StagePatch = parsePipelinePatch(body);
  if (isObject(body) && body["metadata"] !== undefined) patch.metadata = metadataOf(body["metadata"]);
  return patch;
}
