/**
 * Splits rows so that one statement binds at most `maxParameters` values (`paramsPerRow`
 * each, plus `reserved` for the rest of the statement). Drivers reject a statement past their
 * limit outright, so every multi-row write goes through here.
 */
export function chunkRows<T>(rows: readonly T[], paramsPerRow: number, maxParameters: number, reserved = 0): T[][] {
  const perChunk = Math.max(1, Math.floor((maxParameters - reserved) / Math.max(1, paramsPerRow)));
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += perChunk) chunks.push(rows.slice(start, start + perChunk));
  return chunks;
}
