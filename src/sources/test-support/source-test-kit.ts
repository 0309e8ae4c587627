import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { OutboundSourceConfig } from "../../config/index.ts";
import { readSource, type ReadSourceOptions, type SourceIssue, type SourceRow } from "../index.ts";

export interface Collected {
  pages: SourceRow[][];
  rows: SourceRow[];
  issues: SourceIssue[];
}

/** Reads a whole (small) source in tests: its pages, its rows and the issues it reported. */
export async function collect(source: OutboundSourceConfig, options: Omit<ReadSourceOptions, "onIssue" | "sync"> & { sync?: string }): Promise<Collected> {
  const issues: SourceIssue[] = [];
  const pages: SourceRow[][] = [];
  for await (const page of readSource(source, { sync: "push", ...options, onIssue: (issue) => issues.push(issue) })) pages.push(page);
  return { pages, rows: pages.flat(), issues };
}

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Live heap after a full collection: what is really retained, not garbage waiting for the collector. */
function retainedHeap(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

export interface StreamedPages {
  pageSizes: number[];
  keys: string[];
  /** The most the retained heap grew over its level before reading, in bytes. */
  heapGrowth: number;
}

/**
 * Reads a source page by page, keeping only the keys, and measures how much the retained heap
 * grows over its level before the first page (while the first page is in hand, then every few
 * pages): a reader that held every row would grow by the size of the source.
 */
export async function streamPages(pages: AsyncIterable<SourceRow[]>, measureEvery = 5): Promise<StreamedPages> {
  const pageSizes: number[] = [];
  const keys: string[] = [];
  const baseline = retainedHeap();
  let heapGrowth = 0;
  for await (const page of pages) {
    pageSizes.push(page.length);
    for (const row of page) keys.push(row.key);
    if (pageSizes.length % measureEvery === 1) heapGrowth = Math.max(heapGrowth, retainedHeap() - baseline);
  }
  return { pageSizes, keys, heapGrowth };
}
