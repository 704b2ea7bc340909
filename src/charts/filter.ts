// A chart's `filter`: the rows it keeps, and how a value written in a chart's YAML matches a cell.
import type { CellValue, Dataset, Row } from "../data/types.ts";
import { closest } from "../errors/closest.ts";
import type { Diagnostics, Place } from "../errors/diagnostic.ts";
import type { ChartSpec } from "./spec.ts";

/**
 * The rows `filter` keeps (or, for `{ not: [...] }`, does not drop). Every value it names must be in its column: a misspelt council in a
 * list would otherwise drop that council from the chart without a word. Undefined after a problem.
 */
export function filterRows(
  spec: Pick<ChartSpec, "filter">,
  dataset: Dataset,
  diagnostics: Diagnostics,
  at: (path: PropertyKey[]) => Place,
): Row[] | undefined {
  for (const { column, values, exclude } of spec.filter) {
    values.forEach((wanted, i) => {
      if (dataset.rows.some((row) => sameValue(row[column] ?? null, wanted))) return;
      const written = [...new Set(dataset.rows.map((row) => printedCell(row[column] ?? null)).filter((v) => v !== ""))];
      diagnostics.add(
        "ChartFilterNoRow",
        {
          actual: String(wanted),
          column,
          dataset: dataset.id,
          values: written,
          suggestion: closest(String(wanted), written),
        },
        at(exclude ? ["filter", column, "not", i] : ["filter", column, i]),
      );
    });
  }
  if (diagnostics.hasErrors) return undefined;
  const rows = dataset.rows.filter((row) =>
    spec.filter.every((f) => f.values.some((v) => sameValue(row[f.column] ?? null, v)) !== (f.exclude ?? false)),
  );
  if (rows.length === 0) {
    const fix = spec.filter.length
      ? "no row has all of the `filter`'s values at once: check which combinations the dataset has"
      : `add rows to \`${dataset.csvPath}\``;
    diagnostics.add("ChartEmpty", { dataset: dataset.id, fix }, at(spec.filter.length ? ["filter"] : ["data"]));
    return undefined;
  }
  return rows;
}

/** A cell as a chart's YAML would name it: dates as `YYYY-MM-DD`, the rest as text. */
const printedCell = (cell: CellValue): string =>
  cell === null ? "" : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);

/** Whether a cell matches a value written in the chart's YAML (`2023/24`, `2024-01-05`, 12, true). */
export function sameValue(cell: CellValue, wanted: string | number | boolean): boolean {
  if (cell === null) return false;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10) === String(wanted);
  if (typeof cell === "number") return cell === Number(wanted);
  if (typeof cell === "boolean") return String(cell) === String(wanted).toLowerCase();
  return cell === String(wanted).trim();
}
