-- The app's tables examples/reverse-etl/hubsync.yaml reads (SQLite; PostgreSQL takes it as is).
--   sqlite3 reverse-etl.db < examples/reverse-etl/schema.sql
--   sqlite3 reverse-etl.db < examples/reverse-etl/sample-rows.sql
CREATE TABLE IF NOT EXISTS app_accounts (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  domain    TEXT NOT NULL UNIQUE,
  city      TEXT,
  country   TEXT,
  employees INTEGER,
  mrr       NUMERIC
);

CREATE TABLE IF NOT EXISTS app_users (
  id           TEXT PRIMARY KEY,
  email        TEXT NOT NULL UNIQUE,
  first_name   TEXT,
  last_name    TEXT,
  job_title    TEXT,
  phone        TEXT,
  plan         TEXT NOT NULL,          -- free | pro | team
  role         TEXT NOT NULL,          -- admin | member
  signed_up_at TEXT NOT NULL,          -- ISO-8601
  account_id   TEXT REFERENCES app_accounts (id)
);
