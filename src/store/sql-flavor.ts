import type { ColumnDataType } from "kysely";

/** The two databases hubsync mirrors into. */
export type StoreKind = "sqlite" | "postgres";

/** The portable column kinds hubsync's tables are declared in; each driver picks a real type. */
export type SqlColumnKind = "text" | "double" | "boolean" | "date" | "timestamp" | "json" | "integer";

/**
 * What differs between the drivers once Kysely has compiled a query: column types, how a
 * boolean is bound (better-sqlite3 cannot bind JS booleans) and how many bind parameters one
 * statement may carry.
 */
export interface SqlFlavor {
  readonly kind: StoreKind;
  /** Bind parameters one statement may carry (SQLite 32,766; PostgreSQL 65,535). */
  readonly maxParameters: number;
  readonly columnType: Readonly<Record<SqlColumnKind, ColumnDataType>>;
  bool(value: boolean): boolean | number;
}
