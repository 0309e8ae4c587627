/** A positive whole number from the environment (`1_000_000` allowed), or `fallback`. */
export function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined ? Number.NaN : Number.parseInt(raw.replaceAll("_", ""), 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
