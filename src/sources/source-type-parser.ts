import pg from "pg";

const INT8 = 20;
const DATE = 1082;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

/**
 * How PostgreSQL values reach a row, so that they look like SQLite's and survive JSON:
 * bigint as a number when exact (else text); date and timestamp (no zone) as written —
 * pg's default would shift them by the machine's zone; timestamptz as ISO-8601 in UTC.
 * numeric stays text: amounts keep every digit.
 */
export const sourceTypeParser = ((oid: number, format?: "text" | "binary") => {
  switch (oid) {
    case INT8:
      return (text: string) => {
        const value = Number(text);
        return Number.isSafeInteger(value) ? value : text;
      };
    case DATE:
    case TIMESTAMP:
      return (text: string) => text;
    case TIMESTAMPTZ: {
      const parse = pg.types.getTypeParser(oid, format ?? "text") as (text: string) => unknown;
      return (text: string) => {
        const value = parse(text);
        return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : text;
      };
    }
    default:
      return pg.types.getTypeParser(oid, format);
  }
}) as typeof pg.types.getTypeParser;
