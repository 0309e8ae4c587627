import type { ConfigIssue, KeyPath } from "./config-issue.ts";
import { checkCustomObject } from "./check-custom-object.ts";
import { objectNameProblem, unknownConnectionMessage } from "./name-problems.ts";
import { objectNamePattern } from "./object-name.ts";
import { labelledShapes, modesNeedingMatch, outboundStandardTargets, recordIdProperty } from "./outbound-targets.ts";
import { throughIndex } from "./resolve-outbound.ts";
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
    issues.push(...checkDerivation(association, associations, index, at));
    if (association["removeDefaultWhenLastLabelRemoved"] === true && association["removeMissing"] !== true) {
      issues.push({
        path: [...at, "removeDefaultWhenLastLabelRemoved"],
        message: "needs removeMissing: true (labels are removed only when associations that left the source are)",
      });
    }
    return issues;
  });
}

/** A column or a `through`, and the keys that go (or do not go) with each. */
function checkDerivation(association: Plain, associations: readonly unknown[], index: number, at: KeyPath): ConfigIssue[] {
  const through = association["through"];
  const by = association["by"];
  if (through === undefined) {
    const issues: ConfigIssue[] = [];
    if (association["column"] === undefined) issues.push({ path: [...at, "column"], message: "missing (expected a string)" });
    if (association["only"] !== undefined) issues.push({ path: [...at, "only"], message: "only with through (it filters the records a derived association finds)" });
    if (association["resolve"] !== undefined && (by === undefined || by === recordIdProperty)) {
      issues.push({ path: [...at, "resolve"], message: `not used with by ${recordIdProperty}: a record id names one record` });
    }
    return issues;
  }
  const issues: ConfigIssue[] = [];
  for (const key of ["column", "by", "shape", "resolve"] as const) {
    if (association[key] !== undefined) issues.push({ path: [...at, key], message: `not used with through: the targets come from the association it goes through` });
  }
  const only = association["only"];
  const to = association["to"];
  if (only === "open" && typeof to === "string" && to !== "deals" && to !== "tickets") {
    issues.push({ path: [...at, "only"], message: `open is for deals and tickets (their pipeline stages say whether they are closed); to is ${to}` });
  }
  if (typeof through !== "string" && typeof through !== "number") return issues; // the schema reports it
  const plain = associations.map((item) => (isPlain(item) ? { column: typeof item["column"] === "string" ? item["column"] : undefined, through: item["through"] } : {}));
  const target = throughIndex(through, plain);
  if (target === undefined) {
    const columns = plain.flatMap((item) => (item.through === undefined && item.column !== undefined ? [item.column] : []));
    const reading = typeof through === "string" ? plain.filter((item) => item.through === undefined && item.column === through).length : 0;
    const message =
      typeof through === "number"
        ? `no association at index ${through} (this sync has ${associations.length})`
        : reading > 1
          ? `${reading} associations read column ${JSON.stringify(through)}: give the index of the one meant`
          : `no association of this sync reads column ${JSON.stringify(through)} (columns read: ${columns.join(", ") || "none"})`;
    issues.push({ path: [...at, "through"], message });
  } else if (target === index || plain[target]?.through !== undefined) {
    issues.push({ path: [...at, "through"], message: "must name an association that reads a column (not itself, nor another derived one)" });
  }
  return issues;
}
