import type { HubSpotId } from "../../core/ids.ts";
import { checkFieldMap } from "../../mapping/index.ts";
import { readSource, type SourceIssue, type SourceRow } from "../../sources/index.ts";
import type { OutboundRow, OutboundRowInput } from "../../store/index.ts";
import { isoFromMs } from "./iso-now.ts";
import { checkAborted, type OutboundRun } from "./outbound-run.ts";
import type { OutboundTarget } from "./outbound-target.ts";
import type { PendingRow } from "./pending-row.ts";
import { planPage, type PlannedRow, type RowProblem } from "./plan-row.ts";
import type { TargetResolver } from "./resolve-targets.ts";
import { TargetPrefetch } from "./target-prefetch.ts";
import { writeRecords, type RecordResult, type WriteRow } from "./write-records.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";

/** What the records phase leaves for the phases after it. */
export interface RecordsOutcome {
  /** Source rows without a key that could not be read: rows that left cannot be told from them. */
  unreadable: number;
  /** Dry runs only (nothing is stored): the rows whose associations would be written, and every key read. */
  dryPending: PendingRow[];
  dryKeys: Set<string>;
  /** Dry runs only: rows that would have a record the store does not know yet (created, or found by the match). */
  dryNewRecords: number;
}

/**
 * The "records" phase: reads the source a page at a time; maps each row; sends only rows whose
 * content hash changed (or that failed before, or all with `full`); writes their records
 * (100 a call); and commits, per page and in one transaction, each row's record id, hashes,
 * status and audit entries — so a run that stops keeps what it wrote. Association targets
 * are stored with the row and written by the next phase, once every record exists; those of
 * another object type are looked up meanwhile (`resolver`, which the next phase shares). Dry
 * runs look nothing up ahead.
 */
export async function recordsPhase(run: OutboundRun, target: OutboundTarget, resolver: TargetResolver): Promise<RecordsOutcome> {
  const outcome: RecordsOutcome = { unreadable: 0, dryPending: [], dryKeys: new Set(), dryNewRecords: 0 };
  const issueKeys: string[] = [];
  const onIssue = (issue: SourceIssue): void => {
    if (issue.key !== undefined) issueKeys.push(issue.key);
    else outcome.unreadable += 1;
    run.audit.note("records", { level: "warn", action: "source_row_skipped", message: issue.message, details: { ...issue } });
  };
  const labels = new Map<string, ReadonlySet<string>>();
  // Changed rows wait here across source pages until they fill HubSpot's batches (1% changed ≈ 1 call per 10,000 rows).
  const buffer: WriteRow[] = [];
  const batch = Math.max(1, run.client.limits.batchSize);
  const prefetch = run.dryRun ? undefined : new TargetPrefetch(resolver, target);
  let first = true;
  for await (const page of readSource(run.sync.source, { sync: run.sync.name, key: run.sync.key, database: run.store.target, onIssue })) {
    checkAborted(run);
    if (first) checkColumns(run, target, page);
    first = false;
    buffer.push(...(await recordsPage(run, target, page, labels, issueKeys.splice(0), outcome, prefetch)));
    if (buffer.length >= batch) await flushWrites(run, target, buffer.splice(0, buffer.length - (buffer.length % batch)), outcome, prefetch);
  }
  checkAborted(run);
  if (buffer.length > 0) await flushWrites(run, target, buffer.splice(0), outcome, prefetch);
  prefetch?.flush();
  if (issueKeys.length > 0 && !run.dryRun) await run.store.transaction((tx) => run.store.markOutboundSeen(tx, run.sync.name, run.portal, issueKeys, run.runId));
  for (const key of issueKeys) outcome.dryKeys.add(key);
  return outcome;
}

/** Plans a page and commits what needs no record call (unchanged, invalid, association-only rows); returns the rows to write. */
async function recordsPage(
  run: OutboundRun,
  target: OutboundTarget,
  page: readonly SourceRow[],
  labels: Map<string, ReadonlySet<string>>,
  issueKeys: string[],
  outcome: RecordsOutcome,
  prefetch: TargetPrefetch | undefined,
): Promise<WriteRow[]> {
  const { tally, sync } = run;
  tally.rowsRead += page.length;
  const plans = await planPage(page, sync, target, labels);
  const stored = await run.store.outboundRows(sync.name, run.portal, page.map((row) => row.key));
  const hasAssociations = target.associations.length > 0;
  const puts: OutboundRowInput[] = [];
  const seen: string[] = [...issueKeys];
  const writes: WriteRow[] = [];
  const pending: PendingRow[] = [];

  for (const plan of plans) {
    const previous = stored.get(plan.ok ? plan.row.key : plan.key);
    if (run.dryRun) outcome.dryKeys.add(plan.ok ? plan.row.key : plan.key);
    if (!plan.ok) {
      tally.rowsInvalid += 1;
      invalidRow(run, plan.key, plan.problems, previous);
      puts.push({ ...base(run, plan.key, previous), status: "failed", error: plan.problems.map((p) => p.message).join("; "), lastSeenRun: run.runId });
      continue;
    }
    const { row } = plan;
    const record = previous?.hubspotId != null && previous.status !== "archived" ? previous.hubspotId : undefined;
    const unchanged = !run.full && previous !== undefined && record !== undefined && previous.status === "synced" && previous.pendingHash === null && previous.hash === row.hash;
    if (unchanged) {
      tally.unchanged += 1;
      tally.plan.unchanged += 1;
      seen.push(row.key);
      continue;
    }
    tally.changed += 1;
    // The record needs no call when its properties are as last written (or create mode has it already).
    const recordAsIs = record !== undefined && (sync.mode === "create" || (!run.full && previous?.propertiesHash === row.propertiesHash));
    if (recordAsIs) {
      tally.unchanged += 1;
      tally.plan.unchanged += 1;
      if (hasAssociations) {
        pending.push({ rowKey: row.key, fromId: record, targets: row.targets, stored: previous });
        puts.push({ ...base(run, row.key, previous), targets: row.targets, pendingHash: row.hash, lastSeenRun: run.runId });
      } else {
        // Back to what was last written (after a failing spell): nothing to send, but it is in step again.
        puts.push({ ...base(run, row.key, previous), status: "synced", error: null, hash: row.hash, lastSeenRun: run.runId });
      }
      continue;
    }
    writes.push({ row, stored: previous });
  }
  prefetch?.add(pending);

  if (run.dryRun) {
    outcome.dryPending.push(...pending);
    await run.audit.flush(run.store);
    await run.lease.keepAlive();
  } else {
    await run.store.transaction(async (tx) => {
      await run.store.putOutboundRows(tx, sync.name, run.portal, puts);
      await run.store.markOutboundSeen(tx, sync.name, run.portal, seen, run.runId);
      await run.audit.flush(run.store, tx);
      await run.lease.renewIfDue(tx);
    });
  }
  run.emit({ kind: "rows-read", rows: tally.rowsRead, changed: tally.changed, invalid: tally.rowsInvalid });
  run.reportRateWaits();
  return writes;
}

/**
 * Writes buffered rows' records (100 a call) and commits, in one transaction, each row's record
 * id, hashes, status and audit entries. Rows with associations are left pending for the next phase.
 */
async function flushWrites(run: OutboundRun, target: OutboundTarget, writes: readonly WriteRow[], outcome: RecordsOutcome, prefetch: TargetPrefetch | undefined): Promise<void> {
  const { tally, sync } = run;
  const now = isoFromMs(run.clock.now());
  const hasAssociations = target.associations.length > 0;
  const puts: OutboundRowInput[] = [];
  const pending: PendingRow[] = [];
  const results = writes.length === 0 ? new Map<string, RecordResult>() : await writeRecords(run, target, writes);
  for (const { row, stored: previous } of writes) {
    const result = results.get(row.key) ?? { status: "failed", error: { category: "OUTCOME_UNKNOWN", message: "hubsync lost track of this row (a bug: please report it)." } };
    if (result.status === "failed") {
      tally.failed += 1;
      failedRow(run, row, result, previous);
      puts.push({ ...base(run, row.key, previous), status: "failed", error: result.error?.message ?? "failed", lastSeenRun: run.runId });
      continue;
    }
    count(run, target, row, result);
    if (run.dryRun && previous?.hubspotId == null) outcome.dryNewRecords += 1;
    const id: HubSpotId | undefined = result.id ?? previous?.hubspotId ?? undefined;
    if (hasAssociations) pending.push({ rowKey: row.key, fromId: id, targets: row.targets, stored: previous });
    if (id === undefined) continue; // dry run: a record that would be created
    const before = base(run, row.key, previous);
    puts.push({
      ...before,
      hubspotId: id,
      status: "synced",
      error: null,
      propertiesHash: row.propertiesHash,
      targets: hasAssociations ? row.targets : null,
      hash: hasAssociations ? before.hash : row.hash,
      pendingHash: hasAssociations ? row.hash : null,
      createdBySync: before.createdBySync || result.status === "created",
      firstSyncedAt: before.firstSyncedAt ?? now,
      lastSyncedAt: now,
      lastSeenRun: run.runId,
      archivedAt: null,
    });
  }
  prefetch?.add(pending);

  if (run.dryRun) {
    outcome.dryPending.push(...pending);
    await run.audit.flush(run.store);
  } else {
    await run.store.transaction(async (tx) => {
      await run.store.putOutboundRows(tx, sync.name, run.portal, puts);
      await run.audit.flush(run.store, tx);
      await run.lease.renewIfDue(tx);
    });
  }
  run.reportRateWaits();
  // HubSpot down (or out of calls) for a whole batch: stop rather than fail every remaining row the same way.
  const unavailable = writes.map(({ row }) => results.get(row.key)).filter((result) => result?.status === "failed" && result.error?.category === "UNAVAILABLE");
  if (writes.length > 0 && unavailable.length === writes.length) {
    throw new HubsyncError("HUBSPOT_UNAVAILABLE", `HubSpot did not take any of the last ${writes.length} rows: ${unavailable[0]?.error?.message ?? ""}`, {
      fix: "Run the sync again later: the rows not written are sent then (check https://status.hubspot.com, and the portal's connection).",
    });
  }
}

/** The row as stored, or a new one that has never landed. */
function base(run: OutboundRun, key: string, previous: OutboundRow | undefined): OutboundRowInput {
  if (previous !== undefined) {
    const { sync: _sync, portal: _portal, ...rest } = previous;
    return rest;
  }
  return {
    rowKey: key,
    hubspotId: null,
    status: "failed",
    error: null,
    hash: null,
    propertiesHash: null,
    pendingHash: null,
    targets: null,
    createdBySync: false,
    listMember: false,
    firstSyncedAt: null,
    lastSyncedAt: null,
    lastSeenRun: run.runId,
    archivedAt: null,
  };
}

function count(run: OutboundRun, target: OutboundTarget, row: PlannedRow, result: RecordResult): void {
  const { tally } = run;
  const what = target.type.storeType;
  const shown = Object.entries(row.properties).slice(0, 4).map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(", ");
  switch (result.status) {
    case "created":
      tally.created += 1;
      tally.plan.creates += 1;
      tally.sample("create", `${run.dryRun ? "would create" : "created"} a ${what} record: ${shown}`, row.key, result.id);
      return;
    case "updated":
    case "unchanged":
      tally.updated += 1;
      tally.plan.updates += 1;
      tally.sample("update", `${run.dryRun ? "would update" : "updated"} ${what} ${result.id ?? "(found by the match)"}: ${shown}`, row.key, result.id);
      return;
    case "matched": {
      tally.unchanged += 1;
      tally.plan.unchanged += 1;
      const match = target.match.kind === "unique" || target.match.kind === "search" ? ` with ${target.match.property} ${JSON.stringify(row.matchValue ?? "")}` : "";
      const message = `row "${row.key}": a ${what} record${match} already exists (${result.id ?? "?"}); mode create leaves it as it is`;
      tally.sample("exists", message, row.key, result.id);
      run.audit.note("records", { level: "warn", action: "exists", recordId: result.id ?? null, message, details: { rowKey: row.key, hubspotId: result.id ?? null } });
      return;
    }
    case "failed":
      return;
  }
}

function invalidRow(run: OutboundRun, key: string, problems: readonly RowProblem[], previous: OutboundRow | undefined): void {
  for (const problem of problems) {
    run.audit.note("records", {
      level: "error",
      action: "row_invalid",
      recordId: previous?.hubspotId ?? null,
      message: problem.message,
      details: { rowKey: key, field: problem.field ?? null, column: problem.column ?? null, reason: problem.reason },
    });
  }
  run.tally.sample("invalid", problems[0]?.message ?? "invalid", key);
}

function failedRow(run: OutboundRun, row: PlannedRow, result: RecordResult, previous: OutboundRow | undefined): void {
  const error = result.error;
  const property = error?.property === undefined ? "" : `property "${error.property}": `;
  const matched = error?.category === "OBJECT_NOT_FOUND" || error?.category === "NO_MATCH_VALUE" || error?.category === "AMBIGUOUS_MATCH";
  const message = matched ? (error?.message ?? "") : `row "${row.key}": HubSpot refused the ${run.sync.objectType} record: ${property}${error?.message ?? "no reason given"}`;
  run.audit.note("records", {
    level: "error",
    action: matched ? "not_matched" : "write_failed",
    recordId: result.id ?? previous?.hubspotId ?? null,
    message,
    details: {
      rowKey: row.key,
      ...(row.line === undefined ? {} : { line: row.line }),
      field: error?.property ?? null,
      reason: error?.message ?? null,
      category: error?.category ?? null,
      code: error?.code ?? null,
      correlationId: error?.correlationId ?? null,
    },
  });
  run.tally.sample("failed", message, row.key);
}

/** Columns every row would lack stop the run before any write (files of JSON lines may omit keys, so they are not checked). */
function checkColumns(run: OutboundRun, target: OutboundTarget, page: readonly SourceRow[]): void {
  const [row] = page;
  if (row === undefined || run.sync.source.kind === "jsonl") return;
  const columns = Object.keys(row.values);
  const known = new Set(columns);
  const problems = checkFieldMap(run.sync.fields, target.properties, columns).map((issue) => issue.message);
  for (const association of run.sync.associations) {
    if (association.through === undefined && !known.has(association.column)) problems.push(`association to ${association.toObjectType}: column "${association.column}" is not in the source`);
  }
  if (run.sync.match !== undefined && !known.has(run.sync.match.column)) problems.push(`match: column "${run.sync.match.column}" is not in the source`);
  if (problems.length === 0) return;
  throw new HubsyncError("CONFIG_INVALID", `Outbound sync ${run.sync.name}: ${problems.join("; ")} (its columns: ${columns.join(", ")}).`, {
    subject: run.sync.name,
    fix: "Correct the column names in hubsync.yaml, or select those columns in the source.",
  });
}
