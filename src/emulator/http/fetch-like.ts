/** The shape of `fetch`, so any transport (the network, an in-process app) can be injected. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
