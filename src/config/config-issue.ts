/** A key path into hubsync.yaml: map keys and list indexes. */
export type KeyPath = readonly (string | number)[];

/** One problem found in hubsync.yaml. */
export interface ConfigIssue {
  /** Where in the document; empty for the document itself. */
  path: KeyPath;
  /** What is wrong, as a phrase that follows the key path (`expected …; got …`). */
  message: string;
  /** 1-based position of the key in the file, when known. */
  line?: number;
  column?: number;
  /** The environment variable whose absence caused this issue. */
  missingVariable?: string;
  /** The YAML itself is malformed; there is no key path. */
  syntax?: true;
}

/** `inbound.warehouse.streams.contacts.filters[0].property`; odd keys are quoted (`streams["2-123"]`). */
export function formatKeyPath(path: KeyPath): string {
  if (path.length === 0) return "(top level)";
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** `key.path: message (hubsync.yaml:12:5)` — the location is clickable in most terminals and editors. */
export function formatIssue(issue: ConfigIssue, source?: string): string {
  const where =
    issue.line === undefined
      ? ""
      : source === undefined
        ? ` (line ${issue.line}, column ${issue.column ?? 1})`
        : ` (${source}:${issue.line}:${issue.column ?? 1})`;
  if (issue.syntax === true) return `YAML syntax error: ${issue.message}${where}`;
  return `${formatKeyPath(issue.path)}: ${issue.message}${where}`;
}
