import { createHash } from "node:crypto";
import type { ConnectionConfig } from "../../config/index.ts";
import type { HubSpotClientFactoryOptions } from "../../sync/index.ts";
import type { Store, StoredOAuthTokens } from "../../store/index.ts";

type TokenHooks = Pick<HubSpotClientFactoryOptions, "savedTokens" | "onTokens">;

/**
 * Where an OAuth connection's newest tokens are kept: the connection's name plus a digest of
 * the refresh token configured for it, so a refresh token pasted into hubsync.yaml later (a
 * new install) starts a fresh chain instead of being overridden by an older saved one.
 */
function tokenKey(connection: ConnectionConfig): string | undefined {
  if (connection.auth.type !== "oauth") return undefined;
  const digest = createHash("sha256").update(connection.auth.refreshToken).digest("hex").slice(0, 16);
  return `${connection.name}#${digest}`;
}

/**
 * The client factory's token hooks over tokens loaded earlier (`saved`, by key): each refresh
 * is handed to `save`, and later clients of the same process start from it too.
 */
export function oauthTokenHooks(saved: Map<string, StoredOAuthTokens>, save: (key: string, tokens: StoredOAuthTokens) => void | Promise<void>): TokenHooks {
  return {
    savedTokens: (connection) => {
      const key = tokenKey(connection);
      return key === undefined ? undefined : saved.get(key);
    },
    onTokens: async (connection, tokens) => {
      const key = tokenKey(connection);
      if (key === undefined) return;
      saved.set(key, tokens);
      await save(key, tokens);
    },
  };
}

/** Token hooks backed by an open store: refreshed tokens are saved as they arrive. */
export async function persistedOAuthTokens(store: Store): Promise<TokenHooks> {
  return oauthTokenHooks(await store.loadOAuthTokens(), (key, tokens) => store.saveOAuthTokens(key, tokens));
}
