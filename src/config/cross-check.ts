import { formatKeyPath, type ConfigIssue, type KeyPath } from "./config-issue.ts";
import { crossCheckOutbound } from "./cross-check-outbound.ts";
import { objectNameProblem, unknownConnectionMessage } from "./name-problems.ts";
import { objectNamePattern, specialStreamNames } from "./object-name.ts";
import { selectedProperties } from "./selected-properties.ts";

type Plain = Readonly<Record<string, unknown>>;

const isPlain = (value: unknown): value is Plain => value !== null && typeof value === "object" && !Array.isArray(value);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

/**
 * Checks that span keys, which a per-value schema cannot see: sync → connection references,
 * stream names, object names that look like typos, filters or history on properties the
 * stream does not select, and the outbound checks (cross-check-outbound.ts). Reads the
 * document defensively so it can run even when the schema found problems elsewhere — the
 * user gets every problem at once.
 */
export function crossCheck(document: unknown): ConfigIssue[] {
  if (!isPlain(document)) return [];
  const connections = isPlain(document["connections"]) ? Object.keys(document["connections"]) : [];
  return [...checkInbound(document["inbound"], connections), ...crossCheckOutbound(document, connections)];
}

function checkInbound(inbound: unknown, connections: readonly string[]): ConfigIssue[] {
  if (!isPlain(inbound)) return [];
  const issues: ConfigIssue[] = [];
  for (const [syncName, sync] of Object.entries(inbound)) {
    if (!isPlain(sync)) continue;
    const syncPath: KeyPath = ["inbound", syncName];
    const connection = sync["connection"];
    if (typeof connection === "string" && !connections.includes(connection)) {
      issues.push({ path: [...syncPath, "connection"], message: unknownConnectionMessage(connection, connections) });
    }
    if (isPlain(sync["streams"])) issues.push(...checkStreams(sync["streams"], [...syncPath, "streams"]));
  }
  return issues;
}

function checkStreams(streams: Plain, path: KeyPath): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const [name, options] of Object.entries(streams)) {
    const streamPath = [...path, name];
    if ((specialStreamNames as readonly string[]).includes(name)) {
      if (name === "pipelines" && isPlain(options)) issues.push(...checkObjectNames(options["objects"], [...streamPath, "objects"]));
      if (name === "custom_objects" && isPlain(options)) {
        issues.push(...checkObjectNames(options["associations"], [...streamPath, "associations"]));
      }
      continue;
    }
    const nameProblem = objectNameProblem(name, "stream");
    if (nameProblem !== undefined) {
      issues.push({ path: streamPath, message: nameProblem });
      continue;
    }
    if (isPlain(options)) issues.push(...checkObjectStream(name, options, streamPath));
  }
  return issues;
}

function checkObjectStream(objectType: string, options: Plain, path: KeyPath): ConfigIssue[] {
  const issues = checkObjectNames(options["associations"], [...path, "associations"]);
  const listed = options["properties"];
  if (!Array.isArray(listed)) return issues; // absent or "all": any property may be filtered on
  const selected = selectedProperties(objectType, strings(listed));
  const unselected = (property: string, purpose: string): string =>
    `${JSON.stringify(property)} is not selected by ${formatKeyPath([...path, "properties"])}; add it there (or use properties: all) to ${purpose}`;
  const filters = Array.isArray(options["filters"]) ? options["filters"] : [];
  filters.forEach((filter: unknown, index) => {
    const property = isPlain(filter) ? filter["property"] : undefined;
    if (typeof property === "string" && !selected.includes(property)) {
      issues.push({ path: [...path, "filters", index, "property"], message: unselected(property, "filter on it") });
    }
  });
  const history = Array.isArray(options["history"]) ? options["history"] : [];
  history.forEach((property: unknown, index) => {
    if (typeof property === "string" && !selected.includes(property)) {
      issues.push({ path: [...path, "history", index], message: unselected(property, "keep its history") });
    }
  });
  return issues;
}

function checkObjectNames(names: unknown, path: KeyPath): ConfigIssue[] {
  if (!Array.isArray(names)) return [];
  return names.flatMap((name: unknown, index) => {
    if (typeof name !== "string" || !objectNamePattern.test(name)) return []; // the schema reports these
    const problem = objectNameProblem(name, "object type");
    return problem === undefined ? [] : [{ path: [...path, index], message: problem }];
  });
}
