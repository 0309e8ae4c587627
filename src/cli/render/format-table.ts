/** A column: its heading, and whether numbers in it line up on the right. */
export interface Column {
  heading: string;
  align?: "left" | "right";
}

/** Plain-text table, columns padded to their widest cell: readable in a terminal and in CI logs. */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) => Math.max(width(column.heading), ...rows.map((row) => width(row[i] ?? ""))));
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, i) => {
        const cell = cells[i] ?? "";
        const pad = " ".repeat((widths[i] ?? 0) - width(cell));
        return column.align === "right" ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [line(columns.map((c) => c.heading)), rule, ...rows.map(line)].join("\n") + "\n";
}

function width(text: string): number {
  return [...text].length;
}
