import type { Context } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import type { EmulatorEnv } from "../env.ts";
import { boolParam, limitParam, listParam } from "../http/query-params.ts";
import { decodeListCursor, encodeListCursor } from "./list-cursor.ts";
import { objectContext } from "./object-context.ts";
import { readRequestFromQuery } from "./read-request.ts";
import type { RecordOutput } from "./record-output.ts";
import { readOutput } from "./record-output.ts";

interface ListPage {
  results: RecordOutput[];
  paging?: { next: { after: string; link: string } };
}

/**
 * `GET /crm/v3/objects/{type}`: a page in creation order from the cursor's row. The cursor
 * names a row, so a page costs the same at row 10 as at row 1,000,000; one record is read
 * past the page to know whether another page exists (the last page has no `paging`).
 */
export async function listRecords(c: Context<EmulatorEnv>): Promise<Response> {
  const ctx = objectContext(c);
  requireScope(c, ctx.type.readScopes);
  const { limits } = c.get("state").options;
  const withHistory = listParam(c, "propertiesWithHistory").length > 0;
  const limit = limitParam(c, "limit", limits.listPageDefault, withHistory ? limits.historyPageMax : limits.listPageMax);
  const after = c.req.query("after");
  const fromRow = after === undefined || after === "" ? 0 : decodeListCursor(after);
  const request = readRequestFromQuery(c, ctx);
  const page: ListPage = { results: [] };
  for (const record of ctx.store.scan(fromRow, boolParam(c, "archived"), ctx.now())) {
    if (page.results.length === limit) {
      const next = encodeListCursor(record.row);
      const link = new URL(c.req.url);
      link.searchParams.set("after", next);
      page.paging = { next: { after: next, link: link.toString() } };
      break;
    }
    page.results.push(readOutput(ctx, record, request));
  }
  return c.json(page);
}
