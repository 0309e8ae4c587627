import type { ConfigIssue, KeyPath } from "./config-issue.ts";
import { checkCustomObject } from "./check-custom-object.ts";
import { objectNameProblem, unknownConnectionMessage } from "./name-problems.ts";
import { objectNamePattern } from "./object-name.ts";
import { labelledShapes, modesNeedingMatch, outboundStandardTargets } from "./outbound-targets.ts";
import { isStandardObjectType } from "./standard-objects.ts";

type Plain = Readonly<Record<string, unknown>>;

const isPlain = (value: unknown): value is Plain => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * The `outbound:` checks a per-value schema cannot make: names shared with inbound syncs,
 * the connection, the target object, what each mode needs, association options that
 * contradict each other, and a declared custom object against the keys that use it. Columns
 * cannot be checked here (a query's columns are known only when it runs): the engine checks
 * them against the first page.
 */
export function crossCheckOutbound(document: Plain, connections: readonly string[]): ConfigIssue[] {
  const outbound = document["outbound"];
  if (!isPlain(outbound)) return [];
  const inbound = isPlain(document["inbound"]) ? Object.keys(document["inbound"]) : [];
  const issues: ConfigIssue[] = [];
  for (const [name, sync] of Object.entries(outbound)) {
    const path: KeyPath = ["outbound", name];
    if (inbound.includes(name)) {
      issues.push({ path, message: `the name ${JSON.stringify(name)} is already an inbound sync's; every sync needs a name of its own` });
    }
    if (!isPlain(sync)) continue;
    const connection = sync["connection"];
    if (typeof connection === "string" && !connections.includes(connection)) {
      issues.push({ path: [...path, "connection"], message: unknownConnectionMessage(connection, connections) });
    }
    issues.push(...checkObject(sync["object"], [...path, "object"]));
    const mode = sync["mode"];
    if (typeof mode === "string" && (modesNeedingMatch as readonly string[]).includes(mode) && sync["match"] === undefined) {
      issues.push({
        path: [...path, "match"],
        message: `missing (mode ${mode} finds each row's HubSpot record by a property: add match: { property, column })`,
      });
    }
    if (Array.isArray(sync["associations"])) issues.push(...checkAssociations(sync["associations"], [...path, "associations"]));
    if (sync["customObject"] !== undefined) issues.push(...checkCustomObject(sync, path));
  }
  return issues;
}

function checkObject(object: unknown, path: KeyPath): ConfigIssue[] {
  if (typeof object !== "string" || !objectNamePattern.test(object)) return []; // the schema reports these
  const problem = objectNameProblem(object, "object type");
  if (problem !== undefined) return [{ path, message: problem }];
  if (isStandardObjectType(object) && !(outboundStandardTargets as readonly string[]).includes(object)) {
    return [{ path, message: `${object} cannot be written by an outbound sync; expected ${outboundStandardTargets.join(", ")} or a custom object` }];
  }
  return [];
}

function checkAssociations(associations: readonly unknown[], path: KeyPath): ConfigIssue[] {
  return associations.flatMap((association, index): ConfigIssue[] => {
    if (!isPlain(association)) return [];
    const at = [...path, index];
    const issues: ConfigIssue[] = [];
    const to = association["to"];
    if (typeof to === "string" && objectNamePattern.test(to)) {
      const problem = objectNameProblem(to, "object type");
      if (problem !== undefined) issues.push({ path: [...at, "to"], message: problem });
    }
    const shape = association["shape"];
    if (association["label"] !== undefined && typeof shape === "string" && (labelledShapes as readonly string[]).includes(shape)) {
      issues.push({ path: [...at, "label"], message: `not used with shape ${shape}: each value names its own label (or null for none)` });
    }
    if (association["removeDefaultWhenLastLabelRemoved"] === true && association["removeMissing"] !== true) {
      issues.push({
        path: [...at, "removeDefaultWhenLastLabelRemoved"],
        message: "needs removeMissing: true (labels are removed only when associations that left the source are)",
      });
    }
    return issues;
  });
}
