import type { Context } from "hono";

/**
 * A multi-valued query parameter, accepted both as repeated params (`?p=a&p=b`, as the SDK
 * sends) and as comma lists (`?p=a,b`, as HubSpot's docs show).
 */
export function listParam(c: Context, name: string): string[] {
  const values = c.req.queries(name) ?? [];
  return values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
}

export function boolParam(c: Context, name: string): boolean {
  return c.req.query(name)?.toLowerCase() === "true";
}

/** A positive integer param clamped to `max`; HubSpot caps silently rather than failing. */
export function limitParam(c: Context, name: string, fallback: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined) return fallback;
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n) || n < 1) return fallback;
  return Math.min(n, max);
}
