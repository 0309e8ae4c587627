import { z } from "zod";
import type { Clock } from "../../core/clock.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { portalId, runId as toRunId, type RunId, type SyncId } from "../../core/ids.ts";
import { err, ok, type Result } from "../../core/result.ts";
import { isFinal, type CursorKey, type Store, type StoreTx } from "../../store/index.ts";

/** The lock is a cursor row of its own: optimistic locking on it works the same on both stores. */
export const LOCK_STREAM = "$lock";
const LOCK_PORTAL = portalId("*");

const lockSchema = z.object({ owner: z.string().nullable(), runId: z.string().nullable(), expiresAt: z.number() });
type LockValue = z.infer<typeof lockSchema>;

export interface LockOptions {
  leaseMs: number;
  newId: () => string;
}

/**
 * One sync runs at a time. The lock is a lease: a row naming its owner and an expiry that
 * the run renews as it commits pages, so a run whose process died frees its sync once the
 * lease runs out (and is then marked failed). A run that finds its lease taken over stops.
 */
export async function acquireSyncLock(store: Store, sync: SyncId, clock: Clock, options: LockOptions): Promise<Result<SyncLease, HubsyncError>> {
  const key: CursorKey = { sync, stream: LOCK_STREAM, portal: LOCK_PORTAL };
  const owner = options.newId();
  return store.transaction(async (tx) => {
    const now = clock.now();
    const current = await store.getCursor(key, tx);
    const held = parseLock(current?.cursor);
    if (held?.owner != null) {
      const run = held.runId === null ? undefined : await store.getRun(toRunId(held.runId), tx);
      const finished = run !== undefined && isFinal(run.status);
      if (!finished && held.expiresAt > now) {
        return err(
          new HubsyncError("SYNC_ALREADY_RUNNING", `Sync ${sync} is already running${held.runId === null ? "" : ` (run ${held.runId})`}.`, {
            subject: sync,
            fix: `Wait for it to finish. If its process died, the lock frees itself at ${new Date(held.expiresAt).toISOString()}.`,
          }),
        );
      }
      if (!finished && run !== undefined) {
        // Its process stopped without finishing the run: say so, rather than leave it "running" forever.
        await store.transitionRun(run.id, "failed", { errorMessage: "The run's process stopped before it finished (its lock expired); the next run resumed from its last committed page." }, tx);
      }
    }
    const value: LockValue = { owner, runId: null, expiresAt: now + options.leaseMs };
    const put = await store.putCursor(tx, key, value, current?.version ?? 0);
    if (!put.ok) {
      return err(new HubsyncError("SYNC_ALREADY_RUNNING", `Sync ${sync} was started by another process at the same moment.`, { subject: sync, fix: "Let that run finish." }));
    }
    return ok(new SyncLease(store, key, owner, clock, options.leaseMs, put.value.version, value));
  });
}

function parseLock(raw: unknown): LockValue | undefined {
  const parsed = lockSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** A held lock: renewed while the run commits, released when it ends. */
export class SyncLease {
  readonly #store: Store;
  readonly #key: CursorKey;
  readonly #owner: string;
  readonly #clock: Clock;
  readonly #leaseMs: number;
  #version: number;
  #value: LockValue;

  constructor(store: Store, key: CursorKey, owner: string, clock: Clock, leaseMs: number, version: number, value: LockValue) {
    this.#store = store;
    this.#key = key;
    this.#owner = owner;
    this.#clock = clock;
    this.#leaseMs = leaseMs;
    this.#version = version;
    this.#value = value;
  }

  /** Names the run holding the lock (so a later run can mark it failed if its process dies). */
  async attachRun(runId: RunId): Promise<void> {
    await this.#store.transaction((tx) => this.#write(tx, { ...this.#value, runId, expiresAt: this.#clock.now() + this.#leaseMs }));
  }

  /**
   * Extends the lease inside a page's transaction once a third of it has passed, so the page
   * commits only while this run still holds the sync. Throws SYNC_ALREADY_RUNNING when another
   * run took the lock over (this one was presumed dead): its page then rolls back.
   */
  async renewIfDue(tx: StoreTx): Promise<void> {
    const now = this.#clock.now();
    if (this.#value.expiresAt - now > (this.#leaseMs * 2) / 3) return;
    await this.#write(tx, { ...this.#value, expiresAt: now + this.#leaseMs });
  }

  /** Renews the lease in a transaction of its own when due: for stretches that read without writing. */
  async keepAlive(): Promise<void> {
    if (this.#value.expiresAt - this.#clock.now() > (this.#leaseMs * 2) / 3) return;
    await this.#store.transaction((tx) => this.renewIfDue(tx));
  }

  /** Frees the sync; a lock already taken over by another run is left alone. */
  async release(): Promise<void> {
    try {
      await this.#store.transaction((tx) => this.#write(tx, { owner: null, runId: null, expiresAt: 0 }));
    } catch {
      // Taken over, or the store is gone: either way there is nothing of ours left to free.
    }
  }

  async #write(tx: StoreTx, value: LockValue): Promise<void> {
    let put = await this.#store.putCursor(tx, this.#key, value, this.#version);
    if (!put.ok) {
      // Our own earlier renewal may have rolled back with its page: the row then still names us.
      const current = await this.#store.getCursor(this.#key, tx);
      if (current === undefined || parseLock(current.cursor)?.owner !== this.#owner) {
        throw new HubsyncError("SYNC_ALREADY_RUNNING", `Another run took over sync ${this.#key.sync}: this run's lock expired while it was still working.`, {
          subject: this.#key.sync,
          fix: "Raise the engine's lock lease (leaseMs) above the longest pause between two pages.",
        });
      }
      put = await this.#store.putCursor(tx, this.#key, value, current.version);
      if (!put.ok) throw put.error;
    }
    this.#version = put.value.version;
    this.#value = value;
  }
}
