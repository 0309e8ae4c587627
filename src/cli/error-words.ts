import type { ErrorCode } from "../core/error-code.ts";

export interface ErrorWords {
  /** What went wrong, in a few words a person recognises. */
  headline: string;
  /** What to do when the error itself carries no fix. */
  fix: string;
}

/** How the CLI words each error code: every code covered, checked by the compiler. */
export function errorWords(code: ErrorCode): ErrorWords {
  switch (code) {
    case "CONFIG_INVALID":
      return { headline: "The configuration is invalid", fix: "Correct the keys listed above; docs/configuration.md describes every key." };
    case "CONFIG_NOT_FOUND":
      return { headline: "No configuration file", fix: "Run `hubsync init` to write a starter hubsync.yaml, or pass --config <path> (or set HUBSYNC_CONFIG)." };
    case "HUBSPOT_UNAUTHORIZED":
      return { headline: "HubSpot rejected the credentials", fix: "Check the connection's token (a private app's access token, or the OAuth refresh token) and that it belongs to this portal." };
    case "HUBSPOT_MISSING_SCOPES":
      return { headline: "The HubSpot app lacks a scope", fix: "Add the named scopes to the private app (HubSpot → Settings → Integrations → Private apps), or to the OAuth app's scopes and reinstall it; `hubsync check` lists what every stream needs." };
    case "OAUTH_REFRESH_FAILED":
      return { headline: "HubSpot would not refresh the OAuth token", fix: "The refresh token was revoked or the app uninstalled: install the app again and put the new refresh token in the config." };
    case "HUBSPOT_RATE_LIMITED":
      return { headline: "HubSpot's rate limit was reached", fix: "Wait a while and run again; the run resumes where it stopped. A daily limit resets at midnight in the portal's time zone." };
    case "HUBSPOT_UNAVAILABLE":
      return { headline: "HubSpot could not be reached", fix: "Check the network and the connection's baseUrl, then run again: the run resumes where it stopped." };
    case "HUBSPOT_BAD_REQUEST":
      return { headline: "HubSpot refused a request", fix: "Check the stream's properties and filters in the config; if they are right, report it with the correlation id." };
    case "HUBSPOT_NOT_FOUND":
      return { headline: "HubSpot does not have what was asked for", fix: "Check the object type, property or record named above exists in this portal (`hubsync check` lists object types it cannot find)." };
    case "HUBSPOT_CONFLICT":
      return { headline: "HubSpot reported a conflict", fix: "Another writer changed the same record; run again." };
    case "HUBSPOT_BAD_RESPONSE":
      return { headline: "HubSpot answered something hubsync cannot read", fix: "Run again; if it persists, report it with the correlation id." };
    case "STORE_FAILED":
      return { headline: "The database failed", fix: "Check the config's store: the SQLite file's folder is writable, or the PostgreSQL server is up and the URL's credentials are right." };
    case "SOURCE_FAILED":
      return { headline: "The outbound sync's source cannot be read", fix: "Check the sync's source: the table or query exists and the database is reachable, or the CSV/JSONL file exists and is readable." };
    case "STORE_CONFLICT":
      return { headline: "Another process changed the sync state at the same time", fix: "Run again once the other run has finished." };
    case "SYNC_NOT_FOUND":
      return { headline: "No such sync", fix: "Name a sync defined under inbound: or outbound: in the config (`hubsync status` lists them)." };
    case "SYNC_ALREADY_RUNNING":
      return { headline: "The sync is already running", fix: "Wait for the other run to finish (`hubsync runs` shows it), then run again." };
    case "SYNC_ABORTED":
      return { headline: "The run was stopped", fix: "Run it again to resume: every page already written is kept." };
    case "RUN_NOT_FOUND":
      return { headline: "No such run", fix: "`hubsync runs` lists recent runs and their ids (a unique prefix of an id is enough)." };
    case "RUN_ILLEGAL_TRANSITION":
      return { headline: "hubsync's run bookkeeping went wrong", fix: "This is a bug in hubsync: please report it with the output above." };
    default: {
      const _exhaustive: never = code;
      return _exhaustive;
    }
  }
}
