import { closestName } from "./closest-name.ts";
import { nearMissOfKnownName, objectNamePattern } from "./object-name.ts";

/** Why a sync's `connection:` does not resolve, with the defined names and a "did you mean". */
export function unknownConnectionMessage(name: string, defined: readonly string[]): string {
  if (defined.length === 0) return `no connection named ${JSON.stringify(name)}: add it under connections:`;
  const suggestion = closestName(name, defined);
  const hint = suggestion === undefined ? "" : `; did you mean ${suggestion}?`;
  return `no connection named ${JSON.stringify(name)} (defined: ${defined.join(", ")})${hint}`;
}

/** Why a stream or object type name is wrong (not a name, or a typo of a known one); undefined when fine. */
export function objectNameProblem(name: string, what: "stream" | "object type"): string | undefined {
  if (!objectNamePattern.test(name)) {
    return `${JSON.stringify(name)} is not a valid ${what} name; expected a standard object (contacts, deals, …)${what === "stream" ? ", owners, pipelines, lists, custom_objects" : ""} or a custom object (gift, p_gift or 2-123)`;
  }
  const nearMiss = nearMissOfKnownName(name, what === "stream");
  if (nearMiss === undefined) return undefined;
  return `unknown ${what} ${JSON.stringify(name)}; did you mean ${nearMiss}? (if it is a custom object, write p_${name})`;
}
