import type { StoreConfig } from "../../config/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Logger } from "../../core/logger.ts";
import { openStore, type Store, type StoreTarget } from "../../store/index.ts";

/** Where the config's store lives, as the store and the outbound sources open it. */
export function storeTarget(store: StoreConfig): StoreTarget {
  return store.kind === "sqlite" ? { kind: "sqlite", path: store.path } : { kind: "postgres", url: store.url };
}

/** Opens the config's store (creating and migrating it when needed). Throws STORE_FAILED. */
export function openCliStore(store: StoreConfig, clock: Clock, logger: Logger): Promise<Store> {
  return openStore(storeTarget(store), { clock, logger });
}

/** Runs `fn` with the store open, and closes it however `fn` ends. */
export async function withStore<T>(store: StoreConfig, clock: Clock, logger: Logger, fn: (store: Store) => Promise<T>): Promise<T> {
  const opened = await openCliStore(store, clock, logger);
  try {
    return await fn(opened);
  } finally {
    await opened.close();
  }
}
