import { isAbsolute, resolve } from "node:path";
import { connectionId, syncId } from "../core/ids.ts";
import type { ConfigFile } from "./config-file-schema.ts";
import type { AuthConfig, ConnectionConfig, HubsyncConfig, InboundSyncConfig, StoreConfig } from "./hubsync-config.ts";
import { resolveOutboundSync } from "./resolve-outbound.ts";
import { resolveStreams } from "./resolve-streams.ts";
import { valueAt } from "./describe-value.ts";
import type { KeyPath } from "./config-issue.ts";

export interface ResolveOptions {
  /** The folder relative SQLite and source file paths are resolved against (the config file's). */
  baseDir?: string;
  /** The document as parsed, whose key order the streams keep. */
  document?: unknown;
}

/** The validated file → the typed config the rest of hubsync reads. Cannot fail: the file is valid. */
export function resolveConfig(file: ConfigFile, options: ResolveOptions = {}): HubsyncConfig {
  const connections = Object.entries(file.connections).map(
    ([name, connection]): ConnectionConfig => ({
      name: connectionId(name),
      baseUrl: connection.baseUrl.replace(/\/+$/, ""),
      tier: connection.tier,
      auth: resolveAuth(connection.auth),
    }),
  );
  const inbound = Object.entries(file.inbound).map(
    ([name, sync]): InboundSyncConfig => ({
      name: syncId(name),
      connection: connectionId(sync.connection),
      schedule: sync.schedule,
      streams: resolveStreams(sync.streams, keysAt(options.document, ["inbound", name, "streams"])),
    }),
  );
  const outbound = Object.entries(file.outbound).map(([name, sync]) => resolveOutboundSync(name, sync, options.baseDir));
  return { version: 1, store: resolveStore(file.store, options.baseDir), connections, inbound, outbound };
}

function resolveStore(store: StoreConfig, baseDir: string | undefined): StoreConfig {
  if (store.kind !== "sqlite" || store.path === ":memory:" || baseDir === undefined || isAbsolute(store.path)) return store;
  return { kind: "sqlite", path: resolve(baseDir, store.path) };
}

function resolveAuth(auth: ConfigFile["connections"][string]["auth"]): AuthConfig {
  if (auth.type === "private_app") return { type: "private_app", token: auth.token };
  const { clientId, clientSecret, refreshToken, scopes } = auth;
  return scopes === undefined
    ? { type: "oauth", clientId, clientSecret, refreshToken }
    : { type: "oauth", clientId, clientSecret, refreshToken, scopes: [...new Set(scopes)] };
}

function keysAt(document: unknown, path: KeyPath): string[] {
  const node = valueAt(document, path);
  return node !== null && typeof node === "object" ? Object.keys(node) : [];
}
