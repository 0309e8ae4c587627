import { z } from "zod";
import { HubsyncError } from "../core/hubsync-error.ts";
import type { AssociationCategory } from "./association-outcome.ts";
import { createDefinition, type DefinitionWrite } from "./create-definition.ts";
import type { ReadContext, ReadOptions } from "./read-context.ts";
import { segment } from "./request-url.ts";
import type { WriteContext } from "./write-context.ts";

const labelSchema = z.object({ category: z.string(), typeId: z.number().int(), label: z.string().nullable().default(null) });

/** An association type of one direction as the labels endpoint lists it; `label` is null for the unlabelled default. */
export interface AssociationLabel {
  category: AssociationCategory | string;
  typeId: number;
  label: string | null;
}

const labelsSchema = z.object({ results: z.array(labelSchema) });

/** The association types from `fromType` to `toType` (`GET /crm/v4/associations/{from}/{to}/labels`). */
export async function associationLabels(ctx: ReadContext, fromType: string, toType: string, options: ReadOptions = {}): Promise<AssociationLabel[]> {
  const answer = await ctx.transport.request({ kind: "metadata", method: "GET", path: labelsPath(fromType, toType), schema: labelsSchema, budget: "burst", signal: options.signal });
  return answer.results;
}

export interface AssociationLabelInput {
  /** Shown in HubSpot ("Billing contact"). */
  label: string;
  /** Internal name (`billing_contact`). */
  name: string;
  /** The label of the other direction, when it reads differently. */
  inverseLabel?: string;
}

/**
 * Creates a user-defined label between two types, or finds it (by its label) when it exists.
 * HubSpot's answer lists the type ids of both directions without saying which is which, so
 * the `fromType` → `toType` one is read back from that direction's labels.
 */
export async function createAssociationLabel(ctx: WriteContext, fromType: string, toType: string, input: AssociationLabelInput, options: ReadOptions = {}): Promise<DefinitionWrite<AssociationLabel>> {
  const find = async (): Promise<AssociationLabel | undefined> => (await associationLabels(ctx, fromType, toType, options)).find((type) => type.label === input.label);
  const json: Record<string, string> = { label: input.label, name: input.name };
  if (input.inverseLabel !== undefined) json["inverseLabel"] = input.inverseLabel;
  // The answer (both directions' ids) is only proof of creation; the direction's id is read back below.
  const written = await createDefinition(ctx, {
    kind: "metadata-write",
    path: labelsPath(fromType, toType),
    json,
    schema: labelsSchema,
    what: `association label "${input.label}" from ${fromType} to ${toType}`,
    find: async () => {
      const label = await find();
      return label === undefined ? undefined : { results: [label] };
    },
    signal: options.signal,
  });
  const label = written.status === "existing" ? written.value.results[0] : await find();
  if (label === undefined) {
    throw new HubsyncError("HUBSPOT_BAD_RESPONSE", `HubSpot created the association label "${input.label}" but does not list it from ${fromType} to ${toType}.`, { fix: "Run the sync again; if it persists, report it." });
  }
  return { status: written.status, value: label };
}

const labelsPath = (fromType: string, toType: string): string => `/crm/v4/associations/${segment(fromType)}/${segment(toType)}/labels`;
