import type { Context, Hono } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import { decodeCursor, encodeCursor } from "../crm-metadata/opaque-cursor.ts";
import { ownerView, type Owner } from "../crm-metadata/owner.ts";
import type { EmulatorEnv } from "../env.ts";
import { ApiError, notFound } from "../http/api-error.ts";
import { boolParam, limitParam } from "../http/query-params.ts";
import type { EmulatorParts } from "../parts.ts";

const OWNERS_READ = ["crm.objects.owners.read"];

/** `GET /crm/v3/owners/` (the SDK sends the trailing slash; both forms are served) and one owner by id. */
export function ownersRoutes(app: Hono<EmulatorEnv>, _parts: EmulatorParts): void {
  app.get("/crm/v3/owners", listOwners);
  app.get("/crm/v3/owners/", listOwners);
  app.get("/crm/v3/owners/:ownerId", (c) => {
    requireScope(c, OWNERS_READ);
    const owners = c.get("portal").owners;
    const ownerId = c.req.param("ownerId");
    const archived = boolParam(c, "archived");
    const idProperty = c.req.query("idProperty") ?? "id";
    let owner: Owner | undefined;
    if (idProperty === "id") owner = owners.find(ownerId, archived);
    else if (idProperty === "userId") owner = /^\d+$/.test(ownerId) ? owners.findByUserId(Number(ownerId), archived) : undefined;
    else throw new ApiError(400, "VALIDATION_ERROR", `Invalid idProperty '${idProperty}': expected one of [id, userId].`);
    if (owner === undefined) throw notFound(`Owner not found with ${idProperty} ${ownerId}${archived ? " (archived)" : ""}.`);
    return c.json(ownerView(owner));
  });
}

function listOwners(c: Context<EmulatorEnv>): Response {
  requireScope(c, OWNERS_READ);
  const { limits } = c.get("state").options;
  const limit = limitParam(c, "limit", limits.ownersPageDefault, limits.ownersPageMax);
  const after = c.req.query("after");
  const fromRow = after === undefined || after === "" ? 0 : rowOf(decodeCursor(after, "after"));
  const email = c.req.query("email")?.toLowerCase();
  const matching = c
    .get("portal")
    .owners.list(boolParam(c, "archived"))
    .filter((owner) => owner.row >= fromRow && (email === undefined || email === "" || owner.email.toLowerCase() === email));
  const page = matching.slice(0, limit);
  const next = matching[limit];
  const body: { results: ReturnType<typeof ownerView>[]; paging?: { next: { after: string; link: string } } } = { results: page.map(ownerView) };
  if (next !== undefined) {
    const cursor = encodeCursor(String(next.row));
    body.paging = { next: { after: cursor, link: `${c.get("state").options.baseUrl}/crm/v3/owners/?after=${cursor}` } };
  }
  return c.json(body);
}

function rowOf(position: string): number {
  const row = Number(position);
  if (!Number.isInteger(row) || row < 0) throw new ApiError(400, "VALIDATION_ERROR", "Invalid after cursor.");
  return row;
}
