import type { FetchLike } from "../../../src/emulator/index.ts";

/** One HTTP request the engine made, as it left the client. */
export interface LoggedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The answer's status; "error" when the fetch threw (network fault, abort). */
  status: number | "error";
}

/** Every request the engine sent, in order, so a test can count them by route, type or status. */
export class RequestLog {
  readonly entries: LoggedRequest[] = [];

  /** Wraps a fetch so that every request through it is logged. */
  wrap(fetch: FetchLike): FetchLike {
    return async (input, init) => {
      const request = input instanceof Request && init === undefined ? input : new Request(input, init);
      const url = new URL(request.url);
      const entry: LoggedRequest = { method: request.method, path: url.pathname, query: url.searchParams, status: "error" };
      this.entries.push(entry);
      const response = await fetch(request);
      entry.status = response.status;
      return response;
    };
  }

  /** A mark to count from: `since(mark)` gives the requests made after it. */
  mark(): number {
    return this.entries.length;
  }

  since(mark: number): LoggedRequest[] {
    return this.entries.slice(mark);
  }
}

/** Requests that are searches of one object type. */
export const isSearchOf = (type: string) => (r: LoggedRequest): boolean => r.method === "POST" && r.path === `/crm/v3/objects/${type}/search`;

/** Plain list pages of one object type (not the archived listing). */
export const isListOf = (type: string) => (r: LoggedRequest): boolean =>
  r.method === "GET" && r.path === `/crm/v3/objects/${type}` && r.query.get("archived") !== "true";

/** Pages of one object type's archived listing. */
export const isArchivedListOf = (type: string) => (r: LoggedRequest): boolean =>
  r.method === "GET" && r.path === `/crm/v3/objects/${type}` && r.query.get("archived") === "true";

/** v4 association batch reads from one object type. */
export const isAssociationReadOf = (fromType: string) => (r: LoggedRequest): boolean =>
  r.method === "POST" && r.path.startsWith(`/crm/v4/associations/${fromType}/`) && r.path.endsWith("/batch/read");

/** Batch reads of one object type's records. */
export const isBatchReadOf = (type: string) => (r: LoggedRequest): boolean => r.method === "POST" && r.path === `/crm/v3/objects/${type}/batch/read`;
