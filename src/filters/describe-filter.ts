import type { FilterAst, FilterCondition } from "./filter-ast.ts";

/** The filter in words, for logs, the audit log and error messages: `email contains "@acme.com" AND …`. */
export function describeFilter(ast: FilterAst): string {
  if (ast.conditions.length === 0) return "(every record)";
  return ast.conditions.map(describeCondition).join(" AND ");
}

function describeCondition(condition: FilterCondition): string {
  if ("value" in condition) return `${condition.property} ${condition.operator} ${JSON.stringify(condition.value)}`;
  if ("values" in condition) return `${condition.property} ${condition.operator} [${condition.values.map((v) => JSON.stringify(v)).join(", ")}]`;
  return `${condition.property} ${condition.operator}`;
}
