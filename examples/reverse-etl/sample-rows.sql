-- A few rows to try examples/reverse-etl/hubsync.yaml by hand (`npm run demo` generates more).
INSERT INTO app_accounts (id, name, domain, city, country, employees, mrr) VALUES
  ('acc-1', 'Acme Rockets', 'acme-rockets.example', 'Tucson', 'United States', 120, 4900),
  ('acc-2', 'Globex', 'globex.example', 'Cypress Creek', 'United States', 800, 12500);

INSERT INTO app_users (id, email, first_name, last_name, job_title, phone, plan, role, signed_up_at, account_id) VALUES
  ('usr-1', 'wile@acme-rockets.example', 'Wile E.', 'Coyote', 'Head of Procurement', '+1 520 555 0101', 'team', 'admin', '2024-02-01T09:30:00Z', 'acc-1'),
  ('usr-2', 'road@acme-rockets.example', 'Road', 'Runner', 'Test pilot', NULL, 'pro', 'member', '2024-03-15T14:00:00Z', 'acc-1'),
  ('usr-3', 'hank@globex.example', 'Hank', 'Scorpio', 'CEO', '+1 555 0199', 'team', 'admin', '2023-11-20T08:00:00Z', 'acc-2'),
  ('usr-4', 'solo@example.org', 'Sam', 'Solo', NULL, NULL, 'free', 'member', '2024-05-02T17:45:00Z', NULL);
