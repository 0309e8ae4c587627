import { z } from "zod";
import type { HubSpotId } from "../core/ids.ts";
import { chunked } from "./batch-read.ts";
import { idSchema } from "./hubspot-record.ts";
import type { HubSpotPage } from "./hubspot-page.ts";
import type { ReadContext, ReadOptions } from "./read-context.ts";
import { segment } from "./request-url.ts";

/** One association type between two records, in the direction read. */
export interface AssociationRow {
  fromId: HubSpotId;
  toId: HubSpotId;
  typeId: number;
  category: string;
  /** Null for the unlabelled (default) type. */
  label: string | null;
}

const readAnswerSchema = z.object({
  results: z.array(
    z.object({
      from: z.object({ id: idSchema }),
      // HubSpot sends `toObjectId` as a JSON number though its spec says string: both are read.
      to: z.array(
        z.object({
          toObjectId: idSchema,
          associationTypes: z.array(z.object({ category: z.string(), typeId: z.number().int(), label: z.string().nullable().default(null) })),
        }),
      ),
      paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
    }),
  ),
  errors: z.array(z.object({ subCategory: z.string().optional(), message: z.string().optional() })).optional(),
});

/**
 * Associations of many records in batch (`POST /crm/v4/associations/{from}/{to}/batch/read`,
 * `limits.associationBatchSize` ids a call), following each record's own `paging.next.after`
 * until it has given all of its associations. Records with none are simply absent (HubSpot
 * reports them as 207 NO_ASSOCIATIONS_FOUND errors, which are not failures).
 */
export async function* readAssociations(ctx: ReadContext, fromType: string, toType: string, ids: Iterable<HubSpotId | string> | AsyncIterable<HubSpotId | string>, options: ReadOptions = {}): AsyncGenerator<HubSpotPage<AssociationRow>> {
  const path = `/crm/v4/associations/${segment(fromType)}/${segment(toType)}/batch/read`;
  for await (const chunk of chunked(ids, ctx.limits.associationBatchSize)) {
    let inputs: Array<{ id: string; after?: string }> = [...new Set(chunk)].map((id) => ({ id }));
    while (inputs.length > 0) {
      const answer = await ctx.transport.request({ kind: "association-read", method: "POST", path, json: { inputs }, schema: readAnswerSchema, budget: "burst", signal: options.signal });
      const rows: AssociationRow[] = [];
      const more: Array<{ id: string; after: string }> = [];
      for (const result of answer.results) {
        for (const target of result.to) {
          for (const type of target.associationTypes) {
            rows.push({ fromId: result.from.id, toId: target.toObjectId, typeId: type.typeId, category: type.category, label: type.label });
          }
        }
        const after = result.paging?.next?.after;
        if (after !== undefined && after !== "") more.push({ id: result.from.id, after });
      }
      const unexpected = (answer.errors ?? []).filter((error) => error.subCategory !== "crm.associations.NO_ASSOCIATIONS_FOUND");
      if (unexpected.length > 0) ctx.logger.warn({ fromType, toType, errors: unexpected.slice(0, 5) }, "hubspot: association batch read reported errors");
      if (rows.length > 0) yield { results: rows };
      inputs = more;
    }
  }
}
