/** One measured figure; `bench/run.ts` prints each as one JSON line. */
export interface BenchResult {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  [detail: string]: unknown;
}

/** What every `bench/*.bench.ts` module exports as its default: results as they are measured. */
export type Bench = () => AsyncIterable<BenchResult> | Promise<Iterable<BenchResult>>;

/** The value at quantile q (0..1) of samples, nearest-rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const round = (value: number, digits = 3): number => Number(value.toFixed(digits));
