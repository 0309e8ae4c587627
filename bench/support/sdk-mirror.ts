/**
 * The same contacts mirror written the way most integrations write it, for comparison: the
 * official SDK's `crm.contacts.getAll()` (every page into one array), then, per contact and per
 * associated type, `crm.associations.v4.basicApi.getPage` — one request per record and type —
 * each row written to SQLite as it comes (WAL, autocommit). Sequential, no retries.
 */
import { Client } from "@hubspot/api-client";
import Database from "better-sqlite3";

export interface SdkMirrorInput {
  /** The emulator's URL (`http://127.0.0.1:<port>`), given to the SDK as `basePath`. */
  basePath: string;
  token: string;
  associations: readonly string[];
  /** A SQLite file to write into (created). */
  dbPath: string;
}

export interface SdkMirrorResult {
  contacts: number;
  associationRows: number;
  ms: number;
}

export async function sdkMirror(input: SdkMirrorInput): Promise<SdkMirrorResult> {
  const began = performance.now();
  const client = new Client({ accessToken: input.token, basePath: input.basePath });
  const db = new Database(input.dbPath);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec("create table contacts (id text primary key, properties text not null, updated_at text)");
  db.exec("create table contact_associations (contact_id text not null, to_type text not null, to_id text not null, type_id integer not null, category text, label text)");
  const insertContact = db.prepare("insert or replace into contacts (id, properties, updated_at) values (?, ?, ?)");
  const insertAssociation = db.prepare("insert into contact_associations (contact_id, to_type, to_id, type_id, category, label) values (?, ?, ?, ?, ?, ?)");

  try {
    const properties = (await client.crm.properties.coreApi.getAll("contacts")).results.map((property) => property.name);
    const contacts = await client.crm.contacts.getAll(100, undefined, properties);
    let associationRows = 0;
    for (const contact of contacts) {
      insertContact.run(contact.id, JSON.stringify(contact.properties), contact.updatedAt.toISOString());
      for (const toType of input.associations) {
        let after: string | undefined;
        do {
          const page = await client.crm.associations.v4.basicApi.getPage("contacts", contact.id, toType, after, 500);
          for (const target of page.results) {
            for (const type of target.associationTypes) {
              insertAssociation.run(contact.id, toType, target.toObjectId, type.typeId, type.category, type.label ?? null);
              associationRows += 1;
            }
          }
          after = page.paging?.next?.after;
        } while (after !== undefined);
      }
    }
    return { contacts: contacts.length, associationRows, ms: performance.now() - began };
  } finally {
    db.close();
  }
}
