// The demo's "app": tables a product would have — accounts, users, gift transactions — filled
// in the demo's SQLite database with deterministic rows (faker, fixed seed), some pointing at
// records the demo portal already has (so outbound syncs update as well as create) and some
// gifts to people the portal does not know (orphans).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { base, en, Faker } from "@faker-js/faker";
import Database from "better-sqlite3";

export interface AppTableCounts {
  app_accounts: number;
  app_users: number;
  gift_transactions: number;
}

/** Rows per table: a tiny set for tests, a small one otherwise (kept small: the demo stays fast). */
export function appTableSizes(tiny: boolean): AppTableCounts {
  return tiny ? { app_accounts: 5, app_users: 12, gift_transactions: 10 } : { app_accounts: 20, app_users: 60, gift_transactions: 40 };
}

const giftTypes = ["physical", "digital", "experience"] as const;
const giftStatuses = ["sent", "delivered", "opened", "redeemed", "expired"] as const;
const plans = ["free", "pro", "team"] as const;

/**
 * Creates the example tables (from the examples' schema.sql files) in the SQLite file at
 * `dbPath` — the demo's mirror, whose hs_contacts and hs_companies it borrows emails and
 * domains from — and fills them.
 */
export function fillAppTables(root: string, dbPath: string, seed: number, sizes: AppTableCounts): AppTableCounts {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(seed);
  const db = new Database(dbPath);
  try {
    db.exec(readFileSync(resolve(root, "examples/reverse-etl/schema.sql"), "utf8"));
    db.exec(readFileSync(resolve(root, "examples/app-records-custom-object/schema.sql"), "utf8"));
    const companies = db.prepare("SELECT name, domain FROM hs_companies WHERE deleted_at IS NULL AND domain IS NOT NULL ORDER BY id").all() as { name: string; domain: string }[];
    const contacts = db.prepare("SELECT email, firstname, lastname FROM hs_contacts WHERE deleted_at IS NULL AND email IS NOT NULL ORDER BY id").all() as { email: string; firstname: string | null; lastname: string | null }[];
    const when = (days: number): string => new Date(Date.UTC(2025, 0, 1) - days * 86_400_000).toISOString();

    // Accounts: the first half are companies the portal has (updated), the rest new (created).
    const accounts: { id: string; domain: string }[] = [];
    const insertAccount = db.prepare("INSERT INTO app_accounts (id, name, domain, city, country, employees, mrr) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (let i = 0; i < sizes.app_accounts; i++) {
      const known = i < sizes.app_accounts / 2 ? companies[i] : undefined;
      const name = known?.name ?? faker.company.name();
      const domain = known?.domain ?? `${faker.internet.domainWord()}-app-${i}.example`;
      const id = `acc-${String(i + 1).padStart(3, "0")}`;
      insertAccount.run(id, name, domain, faker.location.city(), faker.location.country(), faker.number.int({ min: 2, max: 2_000 }), faker.number.int({ min: 50, max: 20_000 }));
      accounts.push({ id, domain });
    }

    // Users: a third are contacts the portal has (by email); the first user of an account is its admin.
    const insertUser = db.prepare("INSERT INTO app_users (id, email, first_name, last_name, job_title, phone, plan, role, signed_up_at, account_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const admins = new Set<string>();
    for (let i = 0; i < sizes.app_users; i++) {
      const known = i % 3 === 0 ? contacts[i] : undefined;
      const account = faker.number.float({ min: 0, max: 1 }) < 0.85 ? faker.helpers.arrayElement(accounts) : undefined;
      const first = known?.firstname ?? faker.person.firstName();
      const last = known?.lastname ?? faker.person.lastName();
      const email = known?.email ?? `${`${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "")}.u${i}@${account?.domain ?? "users.example"}`;
      const role = account !== undefined && !admins.has(account.id) ? "admin" : "member";
      if (account !== undefined) admins.add(account.id);
      insertUser.run(`usr-${String(i + 1).padStart(3, "0")}`, email, first, last, faker.person.jobTitle(), faker.phone.number({ style: "international" }), faker.helpers.arrayElement(plans), role, when(faker.number.int({ min: 1, max: 700 })), account?.id ?? null);
    }

    // Gifts: most to contacts the portal has; one in four to someone it does not know yet (an orphan).
    const insertGift = db.prepare("INSERT INTO gift_transactions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (let i = 0; i < sizes.gift_transactions; i++) {
      const recipient = i % 4 === 3 || contacts.length === 0 ? undefined : faker.helpers.arrayElement(contacts);
      const recipientName = recipient === undefined ? faker.person.fullName() : `${recipient.firstname ?? ""} ${recipient.lastname ?? ""}`.trim();
      const recipientEmail = recipient?.email ?? `not-a-contact-yet.${i}@gifts.example`;
      const sender = faker.person.fullName();
      const id = `gft-${String(1001 + i)}`;
      insertGift.run(
        id,
        faker.helpers.arrayElement(["Coffee for two", "Wine box", "Cooking class", "Book bundle", "Spa day", "Team lunch"]),
        faker.helpers.arrayElement(giftTypes),
        faker.number.int({ min: 15, max: 250 }),
        sender,
        `${sender.toLowerCase().replace(/[^a-z]+/g, ".").replace(/^\.|\.$/g, "")}@gifting-app.example`,
        recipientName,
        recipientEmail,
        faker.helpers.maybe(() => faker.lorem.sentence(), { probability: 0.7 }) ?? null,
        faker.helpers.arrayElement(giftStatuses),
        when(faker.number.int({ min: 0, max: 90 })),
        faker.helpers.maybe(() => `https://track.gifting-app.example/${id}`, { probability: 0.5 }) ?? null,
      );
    }
  } finally {
    db.close();
  }
  return sizes;
}
