import type { StreamSummary } from "./inbound-contract.ts";

/** A stream's running counts; becomes its StreamSummary. */
export class StreamCounter {
  readonly stream: string;
  strategy: string;
  fetched = 0;
  written = 0;
  deleted = 0;
  merged = 0;
  associationsChanged = 0;
  columnsAdded = 0;
  warnings = 0;
  errors = 0;

  constructor(stream: string, strategy: string) {
    this.stream = stream;
    this.strategy = strategy;
  }

  summary(): StreamSummary {
    return {
      stream: this.stream,
      strategy: this.strategy,
      fetched: this.fetched,
      written: this.written,
      deleted: this.deleted,
      merged: this.merged,
      associationsChanged: this.associationsChanged,
      columnsAdded: this.columnsAdded,
      warnings: this.warnings,
      errors: this.errors,
    };
  }
}
