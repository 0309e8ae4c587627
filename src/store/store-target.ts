/** Where a store lives: a SQLite file (or ":memory:") or a PostgreSQL database (optionally one schema in it). */
export type StoreTarget =
  | { kind: "sqlite"; path: string }
  | {
      kind: "postgres";
      url: string;
      /** Created when missing and used as the search_path of every connection; default the server's. */
      schema?: string;
    };
