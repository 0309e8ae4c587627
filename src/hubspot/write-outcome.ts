import type { HubSpotId } from "../core/ids.ts";
import type { HubSpotRecord } from "./hubspot-record.ts";
import type { ReadOptions } from "./read-context.ts";

/**
 * What became of one input of a batch write:
 * - `created`, `updated`: HubSpot wrote it (`id` is the record's);
 * - `unchanged`: HubSpot matched the record but its own timestamps show nothing changed;
 * - `archived`: an archive went through (HubSpot also accepts ids it has no record for);
 * - `conflict`: a create (or a unique value) clashed with a record that already holds the
 *   value; `id` is that record's, parsed from HubSpot's message, so the caller can update it;
 * - `failed`: not written; `error` says why, in HubSpot's words when HubSpot gave them.
 */
export const writeStatuses = ["created", "updated", "unchanged", "archived", "conflict", "failed"] as const;
export type WriteStatus = (typeof writeStatuses)[number];

/**
 * hubsync's own categories beside HubSpot's (VALIDATION_ERROR, CONFLICT, OBJECT_NOT_FOUND...):
 * - `OUTCOME_UNKNOWN`: HubSpot's answer was lost and nothing could tell whether the write
 *   happened; it was not sent again (a second create could duplicate the record);
 * - `UNAVAILABLE`: not written: HubSpot kept failing, or failed before this input was sent;
 * - `DUPLICATE_INPUT`: another input of the same call has the same key or names the same record.
 */
export const clientErrorCategories = ["OUTCOME_UNKNOWN", "UNAVAILABLE", "DUPLICATE_INPUT"] as const;

/** Why one input was not written. */
export interface WriteError {
  /** HubSpot's category, or one of `clientErrorCategories`. */
  category: string;
  /** HubSpot's code for the refused value (INVALID_EMAIL, INVALID_OPTION...), when it gave one. */
  code?: string;
  message: string;
  /** The property HubSpot refused, when it named one. */
  property?: string;
  /** HubSpot's correlation id, for support requests. */
  correlationId?: string;
}

/** One input's outcome, under the caller's key. */
export interface WriteOutcome {
  key: string;
  status: WriteStatus;
  /** The record written, matched (`unchanged`), archived, or (`conflict`) already holding the value. */
  id?: HubSpotId;
  /** The record as HubSpot answered the write, for `created`, `updated` and `unchanged`. */
  record?: HubSpotRecord;
  error?: WriteError;
}

/** Property values as HubSpot takes them: strings; `""` clears a value on update. */
export type PropertyValues = Readonly<Record<string, string>>;

/** A record to create; `key` is the caller's row key, which names the outcome (and the write's trace id). */
export interface CreateInput {
  key: string;
  properties: PropertyValues;
}

/** A record to update: by record id, or by the value of the call's `idProperty`. */
export interface UpdateInput {
  key: string;
  id: string;
  properties: PropertyValues;
}

/** A record to upsert: `id` is the value of the call's unique `idProperty` (a contact's email...). */
export interface UpsertInput {
  key: string;
  id: string;
  properties: PropertyValues;
}

export type WriteOptions = ReadOptions;

export interface CreateOptions extends WriteOptions {
  /**
   * A property with unique values (contacts: `email`; else one with `hasUniqueValue`) that
   * every input carries. When HubSpot's answer to a create is lost, the client reads the
   * records by it to learn which were created before sending the others again; without it,
   * such inputs end `failed` with `OUTCOME_UNKNOWN` rather than risk a duplicate.
   */
  idProperty?: string;
}

export interface UpdateOptions extends WriteOptions {
  /** Inputs' `id`s are values of this unique property rather than record ids. */
  idProperty?: string;
}
