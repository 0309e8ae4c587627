/** Query parameters in order; a value of `undefined` leaves the parameter out. */
export type QueryParams = ReadonlyArray<readonly [name: string, value: string | undefined]>;

/** Percent-encodes a query value but keeps commas: HubSpot reads `a,b` as a list, and `%2C` costs 3 URL characters. */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ",");
}

export function requestUrl(baseUrl: string, path: string, query: QueryParams = []): string {
  const pairs = query.filter((pair): pair is readonly [string, string] => pair[1] !== undefined).map(([name, value]) => `${encodeURIComponent(name)}=${encodeQueryValue(value)}`);
  const base = baseUrl.replace(/\/+$/, "");
  return pairs.length === 0 ? `${base}${path}` : `${base}${path}?${pairs.join("&")}`;
}

/** An object type or id as one path segment. */
export const segment = (value: string): string => encodeURIComponent(value);
