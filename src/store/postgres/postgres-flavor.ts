import type { SqlFlavor } from "../sql-flavor.ts";

/** The wire protocol counts bind parameters in 16 bits. */
export const POSTGRES_MAX_PARAMETERS = 65_535;

export function postgresFlavor(maxParameters: number = POSTGRES_MAX_PARAMETERS): SqlFlavor {
  return {
    kind: "postgres",
    maxParameters,
    columnType: {
      text: "text",
      // double, not numeric: the typed column then holds the same value on both drivers;
      // the exact string stays in properties_json.
      double: "double precision",
      boolean: "boolean",
      date: "date",
      timestamp: "timestamptz",
      json: "jsonb",
      integer: "integer",
    },
    bool: (value) => value,
  };
}
