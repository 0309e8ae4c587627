/**
 * The HubSpot scopes each sync needs, derived from the config: `hubsync check` compares them
 * with a token's, and an OAuth connection without listed scopes asks for them.
 */
export { missingScopes, scopesNeeded, type ScopeNeed } from "./scopes-needed.ts";
export { objectRead, objectWrite, schemaRead, schemaWrite, scopeStem } from "./object-scopes.ts";
