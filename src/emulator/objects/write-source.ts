import type { AccessGrant } from "../auth/access-grant.ts";
import type { WriteSource } from "../state/stored-record.ts";

/**
 * Who HubSpot says made a write through the public API: the calling app. Property history's
 * `sourceType`/`sourceId` and webhooks' `changeSource` are derived from this.
 */
export function integrationSource(grant: AccessGrant): WriteSource {
  return { sourceType: "INTEGRATION", sourceId: String(grant.appId) };
}
