import type { SqlFlavor } from "../sql-flavor.ts";

/** SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32. */
export const SQLITE_MAX_PARAMETERS = 32_766;

/** Dates and datetimes are ISO text (so they sort as they compare); booleans are 0/1. */
export function sqliteFlavor(maxParameters: number = SQLITE_MAX_PARAMETERS): SqlFlavor {
  return {
    kind: "sqlite",
    maxParameters,
    columnType: {
      text: "text",
      double: "real",
      boolean: "integer",
      date: "text",
      timestamp: "text",
      json: "text",
      integer: "integer",
    },
    bool: (value) => (value ? 1 : 0),
  };
}
