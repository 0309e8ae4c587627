/** The shape of `fetch`, so the network or an in-process app can be injected. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
