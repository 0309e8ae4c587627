import { z } from "zod";
import type { SeedCounts, SeedSize } from "../seed/seed-counts.ts";
import { seedSizes } from "../seed/seed-counts.ts";

/** Request bodies of the control plane's HTTP face. Strict: a misspelt field is named, not ignored. */

export const tierSchema = z.enum(["starter", "professional", "enterprise"]);

const portalIdSchema = z.number().int().positive();
const seedSizeNames = Object.keys(seedSizes) as [SeedSize, ...SeedSize[]];
const seedCountNames = Object.keys(seedSizes.small) as [keyof SeedCounts, ...Array<keyof SeedCounts>];

export const clockBody = z
  .strictObject({
    advanceMs: z.number().finite().exactOptional(),
    set: z.number().int().min(0).exactOptional(),
    frozen: z.boolean().exactOptional(),
  })
  .refine((b) => b.advanceMs !== undefined || b.set !== undefined || b.frozen !== undefined, {
    message: "give advanceMs, set (epoch ms) or frozen",
  });

export const seedBody = z.strictObject({
  portalId: portalIdSchema.exactOptional(),
  seed: z.number().int().exactOptional(),
  size: z.enum(seedSizeNames).exactOptional(),
  counts: z.partialRecord(z.enum(seedCountNames), z.number().int().min(0)).exactOptional(),
  anchor: z.number().int().min(0).exactOptional(),
});

export const indexLagBody = z.strictObject({ indexLagMs: z.number().int().min(0) });

export const rateLimitsBody = z.strictObject({ enabled: z.boolean() });

export const portalBody = z.strictObject({ tier: tierSchema.exactOptional() });

export const tierBody = z.strictObject({ tier: tierSchema });

export const tokenBody = z.strictObject({
  portalId: portalIdSchema.exactOptional(),
  scopes: z.array(z.string().min(1)),
});
