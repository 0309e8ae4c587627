-- A few gifts to try examples/app-records-custom-object/hubsync.yaml by hand (`npm run demo` generates more).
-- Put the email of a contact of your portal in recipient_email to see the association.
INSERT INTO gift_transactions VALUES
  ('gft-1001', 'Coffee for two', 'digital', 25, 'Ada Lovelace', 'ada@yourapp.example', 'Grace Hopper', 'grace@customer.example', 'Thanks for the demo!', 'delivered', '2024-06-01T10:00:00Z', NULL),
  ('gft-1002', 'Wine box', 'physical', 80, 'Ada Lovelace', 'ada@yourapp.example', 'Alan Turing', 'alan@prospect.example', 'Welcome aboard', 'sent', '2024-06-03T15:30:00Z', 'https://track.example/1002'),
  ('gft-1003', 'Cooking class', 'experience', 150, 'Ada Lovelace', 'ada@yourapp.example', 'Nobody Yet', 'no-contact-yet@nowhere.example', NULL, 'opened', '2024-06-04T09:15:00Z', NULL);
