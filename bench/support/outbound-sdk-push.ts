/**
 * The same push written the way most integrations write it, for comparison: the official SDK,
 * every company read once into a domain → id map (`crm.companies.getAll`), then per source row
 * one upsert by email (`crm.contacts.batchApi.upsert` with a single input: the SDK's only
 * upsert) and one association call (`crm.associations.v4.basicApi.createDefault`). Sequential,
 * no retries, no limiter (the SDK has none unless configured).
 */
import { Client } from "@hubspot/api-client";
import Database from "better-sqlite3";
import { SOURCE_TABLE, type SourceRowData } from "./outbound-push.ts";

export interface SdkPushInput {
  /** The emulator's URL (`http://127.0.0.1:<port>`), given to the SDK as `basePath`. */
  basePath: string;
  token: string;
  /** The SQLite file holding the source table. */
  dbPath: string;
}

export interface SdkPushResult {
  rows: number;
  associations: number;
  /** Rows whose company domain was not in the map (left unassociated). */
  missingCompany: number;
  ms: number;
}

export async function sdkPush(input: SdkPushInput): Promise<SdkPushResult> {
  const began = performance.now();
  const client = new Client({ accessToken: input.token, basePath: input.basePath });
  const db = new Database(input.dbPath, { readonly: true });
  try {
    const companyIds = new Map<string, string>();
    for (const company of await client.crm.companies.getAll(100, undefined, ["domain"])) {
      const domain = company.properties["domain"];
      if (domain !== null && domain !== undefined) companyIds.set(domain, company.id);
    }
    let rows = 0;
    let associations = 0;
    let missingCompany = 0;
    for (const row of db.prepare(`select * from ${SOURCE_TABLE} order by id`).iterate() as IterableIterator<SourceRowData>) {
      const answer = await client.crm.contacts.batchApi.upsert({
        inputs: [{ id: row.email, idProperty: "email", properties: { email: row.email, firstname: row.first_name, lastname: row.last_name, jobtitle: row.job_title, city: row.city } }],
      });
      const contactId = answer.results[0]?.id;
      if (contactId === undefined) throw new Error(`the SDK upsert of ${row.email} returned no record`);
      rows += 1;
      const companyId = companyIds.get(row.company_domain);
      if (companyId === undefined) {
        missingCompany += 1;
        continue;
      }
      await client.crm.associations.v4.basicApi.createDefault("contacts", contactId, "companies", companyId);
      associations += 1;
    }
    return { rows, associations, missingCompany, ms: performance.now() - began };
  } finally {
    db.close();
  }
}
