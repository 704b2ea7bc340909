// Writes a dataset back out as the cleaned CSV readers download: one header of field names, typed
// values written plainly (true numbers after `scale`, ISO dates, true/false), and text that a
// spreadsheet would run as a formula neutralised, as OWASP's CSV-injection advice says.
import { csvFormatRows } from "d3-dsv";
import type { CellValue, Dataset } from "./types.ts";

// A cell starting with one of these is read as a formula (or a DDE command) by Excel, LibreOffice
// and Google Sheets: `=HYPERLINK(...)`, `+1`, `-1`, `@SUM(...)`, a tab or a carriage return.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as a spreadsheet should show it: a leading `'` makes it text, never a formula. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One typed value as written in the cleaned CSV; missing is an empty cell. */
export function exportValue(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? plainNumber(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  return neutraliseCell(value);
}

/** The dataset as CSV text: LF line ends, fields quoted only where needed (d3-dsv), a final newline. */
export function datasetCsv(dataset: Pick<Dataset, "fields" | "rows">): string {
  const names = dataset.fields.map((f) => f.name);
  const rows = dataset.rows.map((row) => names.map((name) => exportValue(row[name] ?? null)));
  return `${csvFormatRows([names.map(neutraliseCell), ...rows])}\n`;
}

// Numbers as a spreadsheet reads them: no exponent for everyday magnitudes, no `-0`. Values are
// already rounded to 15 significant digits when read, so String() prints no float noise.
function plainNumber(n: number): string {
  if (Object.is(n, -0)) return "0";
  const text = String(n);
  if (!/e/i.test(text)) return text;
  // 1e21 and beyond, or below 1e-6: write the digits out in full.
  return n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}
