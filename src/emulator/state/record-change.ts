import type { StoredRecord, WriteSource } from "./stored-record.ts";

/** One change to a record, told to the search index, webhooks and statistics. */
export type RecordChange =
  | { kind: "create"; record: StoredRecord; source: WriteSource; at: number }
  | { kind: "update"; record: StoredRecord; changed: string[]; source: WriteSource; at: number }
  | { kind: "archive"; record: StoredRecord; source: WriteSource; at: number }
  | { kind: "restore"; record: StoredRecord; source: WriteSource; at: number }
  | { kind: "purge"; record: StoredRecord; at: number }
  /** `survivor` is the record that remains; `merged` are the ids that now resolve to it. */
  | { kind: "merge"; survivor: StoredRecord; merged: string[]; previousIds: string[]; source: WriteSource; at: number };

export type RecordChangeListener = (typeId: string, change: RecordChange) => void;
