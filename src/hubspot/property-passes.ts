import { encodeQueryValue } from "./request-url.ts";

/** The property names one GET carries in its URL, and those left for a batch-read body. */
export interface PropertyPasses {
  first: { properties: string[]; withHistory: string[] };
  rest: { properties: string[]; withHistory: string[] };
}

/**
 * Splits property lists so the GET's URL stays within `room` characters (pitfall 4: with
 * hundreds of properties a single `properties=` list gets 414 URI Too Long). Whatever does
 * not fit is read by batch read for the page's ids, with the names in the body.
 */
export function planPropertyPasses(properties: readonly string[], withHistory: readonly string[], room: number): PropertyPasses {
  const passes: PropertyPasses = { first: { properties: [], withHistory: [] }, rest: { properties: [], withHistory: [] } };
  let left = room;
  const place = (names: readonly string[], param: string, first: string[], rest: string[]): void => {
    let opened = false;
    for (const name of new Set(names)) {
      // `&param=` once, then a comma before every name but the first.
      const cost = encodeQueryValue(name).length + (opened ? 1 : param.length + 2);
      if (cost <= left) {
        first.push(name);
        left -= cost;
        opened = true;
      } else {
        rest.push(name);
      }
    }
  };
  place(properties, "properties", passes.first.properties, passes.rest.properties);
  place(withHistory, "propertiesWithHistory", passes.first.withHistory, passes.rest.withHistory);
  return passes;
}

export const hasRest = (passes: PropertyPasses): boolean => passes.rest.properties.length > 0 || passes.rest.withHistory.length > 0;
