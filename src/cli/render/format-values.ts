/** `12,345`: counts people can read at a glance. */
export function formatCount(n: number | undefined): string {
  return n === undefined ? "—" : n.toLocaleString("en-US");
}

/** `2025-03-01 14:05:09` in UTC: one format in every table, sortable, no time-zone surprises. */
export function formatTime(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z").replace("Z", "");
}

/** `850 ms`, `12.3 s`, `4 min 05 s`, `2 h 03 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/** A short one-line view of any value (a cursor, say), cut at `max` characters. */
export function formatCompact(value: unknown, max = 48): string {
  if (value === undefined || value === null) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `incremental: backfill`: the configured strategy, and what this run did when that differs. */
export function strategyLabel(strategy: string, pass: string | undefined): string {
  return pass === undefined || pass === strategy ? strategy : `${strategy}: ${pass}`;
}
