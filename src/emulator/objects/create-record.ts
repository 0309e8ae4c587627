import type { Context } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import type { EmulatorEnv } from "../env.ts";
import { readJsonObject } from "../http/json-body.ts";
import { commitWrite } from "./commit-write.ts";
import { objectContext } from "./object-context.ts";
import { prepareCreate } from "./prepare-write.ts";
import { writeOutput } from "./record-output.ts";
import { UniqueClaims } from "./unique-claims.ts";

/** `POST /crm/v3/objects/{type}` `{properties, associations?}` → 201 with the new record. */
export async function createRecord(c: Context<EmulatorEnv>): Promise<Response> {
  const ctx = objectContext(c);
  requireScope(c, ctx.type.writeScopes);
  const body = await readJsonObject(c);
  const prepared = prepareCreate(ctx, body["properties"], body["associations"], new UniqueClaims());
  if (!prepared.ok) throw prepared.error;
  return c.json(writeOutput(commitWrite(ctx, prepared.plan)), 201);
}
