-- The app's table examples/app-records-custom-object/hubsync.yaml reads (SQLite; PostgreSQL takes it as is).
--   sqlite3 gifts.db < examples/app-records-custom-object/schema.sql
--   sqlite3 gifts.db < examples/app-records-custom-object/sample-rows.sql
CREATE TABLE IF NOT EXISTS gift_transactions (
  transaction_id    TEXT PRIMARY KEY,
  gift_name         TEXT NOT NULL,
  gift_type         TEXT NOT NULL,     -- physical | digital | experience
  amount            NUMERIC NOT NULL,
  sender_name       TEXT,
  sender_email      TEXT,
  recipient_name    TEXT,
  recipient_email   TEXT NOT NULL,
  message           TEXT,
  status            TEXT NOT NULL,     -- sent | delivered | opened | redeemed | expired
  status_changed_at TEXT NOT NULL,     -- ISO-8601
  tracking_url      TEXT
);
