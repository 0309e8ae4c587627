/** One page of a read. Reads are `AsyncIterable`s of pages, never arrays of everything. */
export interface HubSpotPage<T> {
  results: T[];
}
