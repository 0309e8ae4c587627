import { HubsyncError } from "../core/hubsync-error.ts";
import { formatIssue, type ConfigIssue } from "./config-issue.ts";

/** CONFIG_INVALID with every problem found, so a CLI or dashboard can list them one by one. */
export class ConfigInvalidError extends HubsyncError {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[], source?: string) {
    const name = source ?? "the configuration";
    const count = issues.length === 1 ? "a problem" : `${issues.length} problems`;
    const lines = issues.map((issue) => `  ${formatIssue(issue, source)}`);
    super("CONFIG_INVALID", `${name} has ${count}:\n${lines.join("\n")}`, { fix: fixFor(issues, name), subject: name });
    this.name = "ConfigInvalidError";
    this.issues = issues;
  }
}

function fixFor(issues: readonly ConfigIssue[], name: string): string {
  const variables = [...new Set(issues.flatMap((issue) => (issue.missingVariable === undefined ? [] : [issue.missingVariable])))];
  const steps: string[] = [];
  if (variables.length > 0) {
    const list = variables.join(", ");
    steps.push(`Set ${list} in the environment hubsync runs in (or give a fallback: \${NAME:-value}).`);
  }
  if (issues.some((issue) => issue.syntax === true)) {
    steps.push(`Fix the YAML syntax at the position shown in ${name}.`);
  } else if (issues.some((issue) => issue.missingVariable === undefined)) {
    steps.push(`Correct the keys listed above in ${name}; docs/configuration.md describes every key.`);
  }
  return steps.join(" ");
}
