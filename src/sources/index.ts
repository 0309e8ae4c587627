// Outbound sources: the rows an outbound sync pushes to HubSpot, from a table or query of the
// store's database (SQLite, PostgreSQL) or from a CSV or JSONL file — streamed a page at a time.

export { readSource } from "./read-source.ts";
export { defaultSourcePageSize, type ReadSourceOptions } from "./read-source-options.ts";
export type { SourceRow } from "./source-row.ts";
export type { SourceIssue, SourceIssueKind, SourceIssueSink } from "./source-issue.ts";
