/** Epoch ms as the ISO-8601 text the store keeps. */
export function isoFromMs(ms: number): string {
  return new Date(ms).toISOString();
}
