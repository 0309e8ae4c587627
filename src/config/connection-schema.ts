import { z } from "zod";

export const hubSpotTiers = ["starter", "professional", "enterprise"] as const;

/** HubSpot's API host; point a connection at the local emulator with its base URL instead. */
export const defaultBaseUrl = "https://api.hubapi.com";

const secret = (description: string) => z.string().min(1).describe(`${description} Write \${ENV_VAR} to keep it out of the file.`);

export const authSchema = z
  .discriminatedUnion("type", [
    z.strictObject({
      type: z.literal("private_app"),
      token: secret("The private app's access token."),
    }),
    z.strictObject({
      type: z.literal("oauth"),
      clientId: secret("The OAuth app's client id."),
      clientSecret: secret("The OAuth app's client secret."),
      refreshToken: secret("The refresh token the portal's grant produced."),
      scopes: z.array(z.string().min(1)).min(1).optional().describe("Scopes the grant must hold (default: what the syncs need)."),
    }),
  ])
  .describe("How hubsync authenticates: a private app token, or an OAuth app's refresh token.");

/** One `connections:` entry: a HubSpot portal and how to reach it. */
export const connectionSchema = z
  .strictObject({
    baseUrl: z
      .string()
      .refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), {
        error: "expected an http:// or https:// URL; got {got}",
      })
      .default(defaultBaseUrl)
      .describe("HubSpot's API base URL (change it to use the local emulator)."),
    tier: z
      .enum(hubSpotTiers)
      .default("professional")
      .describe("The portal's subscription tier: sizes the request budget before HubSpot's rate-limit headers are seen."),
    auth: authSchema,
  })
  .describe("A HubSpot portal.");
