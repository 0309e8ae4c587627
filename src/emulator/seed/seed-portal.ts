import type { Portal } from "../state/portal.ts";

export interface SeedOptions {
  /** Placeholder until the seed work lands. */
  seed: number;
}

/** Placeholder: fills a portal with deterministic demo data. */
export function seedPortal(_portal: Portal, _options: SeedOptions): void {}
