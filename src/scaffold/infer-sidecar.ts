// Guesses a sidecar for a CSV a journalist has just downloaded: encoding, header row (skipping
// title rows), each column's type and unit, missing-value markers and a primary key. Every guess
// carries its reason, because the journalist reviews it. Cells are tried with the data layer's own
// parsers, and the table is read as the data layer will read it, so whatever is guessed loads.
import { coerceCell, DEFAULT_FALSE_VALUES, DEFAULT_TRUE_VALUES, type CellContext } from "../data/coerce.ts";
import { readCsvTable, type ColumnValueTest, type CsvTable } from "../data/csv.ts";
import { decodeCsv, type Encoding } from "../data/decode.ts";
import type { Field, FieldType } from "../data/types.ts";
import { Diagnostics } from "../errors/diagnostic.ts";

export interface ColumnGuess {
  name: string;
  type: FieldType;
  title: string;
  unit?: string;
  scale?: number;
  dateFormat?: string;
  /** Why: "cells start with £", "2021/22, 2022/23 are periods"... */
  reasons: string[];
  /** A few values as written, for the comment beside the field. */
  examples: string[];
}

export interface SidecarGuess {
  title: string;
  encoding: Encoding;
  headerRow: number;
  /** Text of the lines above the header, when there are any. */
  titleLines: string[];
  missingValues: string[];
  primaryKey?: string;
  fields: ColumnGuess[];
  rows: number;
  /** Lines under the table's last row (straight under it or after a blank row): notes, not data. */
  notesLines: number;
}

/** Cells that mean "no value" in council and ONS tables. */
export const MISSING_MARKERS = [
  "..",
  "...",
  "n/a",
  "N/A",
  "NA",
  "-",
  "–",
  "—",
  "x",
  "*",
  ":",
  "#N/A",
  "[x]",
  "[c]",
  "[z]",
];

// ISO first; then the day-first patterns UK councils use (never month-first: that would be a guess).
const DATE_PATTERNS = ["YYYY-MM-DD", "DD/MM/YYYY", "D/M/YYYY", "DD-MM-YYYY", "D MMMM YYYY", "D MMM YYYY", "DD-MMM-YY"];
const CURRENCY_UNITS: Record<string, string> = { "£": "GBP", $: "USD", "€": "EUR" };
const MAX_TITLE_ROWS = 10;

/** Reads the bytes (UTF-8, else Windows-1252) and guesses the sidecar, or says why it cannot. */
export function inferSidecar(options: {
  bytes: Uint8Array;
  id: string;
  today: string;
}): SidecarGuess | { problem: string } {
  let encoding: Encoding = "utf-8";
  let decoded = decodeCsv({ bytes: options.bytes, encoding });
  if ("failure" in decoded) {
    encoding = "windows-1252";
    decoded = decodeCsv({ bytes: options.bytes, encoding });
  }
  if ("failure" in decoded) return { problem: `the file is neither UTF-8 nor Windows-1252 text` };
  const text = decoded.text;

  const found = findHeader(text);
  if (!found) return { problem: "no line of the file looks like a header row followed by rows of data" };
  const { headerRow } = found;
  const lines = text.split(/\r\n|\r|\n/);
  const titleLines = lines
    .slice(0, headerRow - 1)
    .map((l) => l.replace(/^"|"$/g, "").replace(/,+$/, "").trim())
    .filter(Boolean);
  const context: CellContext = {
    missingValues: ["", ...MISSING_MARKERS],
    trueValues: DEFAULT_TRUE_VALUES,
    falseValues: DEFAULT_FALSE_VALUES,
    reference: options.today,
  };
  const titleText = titleLines.join(" ");

  // Notes rows straight under the table are told from rows by the first column's type (see
  // `mayBeNote` in src/data/csv.ts): guess the types from the rows above any such notes, read the
  // table again with the test the build will make of the guessed sidecar, and guess from that.
  const first = guessColumns(found.table, context, titleText);
  const isValue = columnValueTest(first, options.today);
  const table = readCsvTable({ text, headerRow, file: "", diagnostics: new Diagnostics(), isValue }) ?? found.table;
  const { fields, missingValues } = guessColumns(table, context, titleText);

  return {
    title: titleLines.length ? titleLines.join(": ") : humanize(options.id),
    encoding,
    headerRow,
    titleLines,
    missingValues,
    primaryKey: primaryKeyOf(fields, table),
    fields,
    rows: table.records.length,
    notesLines: countNotes(lines, table.records.at(-1)?.endLine ?? headerRow),
  };
}

/** Each column's guess, and the missing-value markers the typed columns use. */
function guessColumns(
  table: CsvTable,
  context: CellContext,
  titleText: string,
): { fields: ColumnGuess[]; missingValues: string[] } {
  const usedMarkers = new Set<string>();
  const fields = table.header.map((cell, index) => {
    const cells = table.records.map((r) => r.cells[index]?.text.trim() ?? "");
    const guess = guessColumn(cell.text, cells, context, titleText);
    if (guess.type !== "string") for (const c of cells) if (MISSING_MARKERS.includes(c)) usedMarkers.add(c);
    return guess;
  });
  return { fields, missingValues: ["", ...MISSING_MARKERS.filter((m) => usedMarkers.has(m))] };
}

/**
 * Whether a text reads as a value of a column, as the data layer will decide it from the sidecar
 * written from these guesses: the same cell reader, field and missing values.
 */
function columnValueTest(guess: { fields: ColumnGuess[]; missingValues: string[] }, today: string): ColumnValueTest {
  const context: CellContext = {
    missingValues: guess.missingValues,
    trueValues: DEFAULT_TRUE_VALUES,
    falseValues: DEFAULT_FALSE_VALUES,
    reference: today,
  };
  return (column, text) => {
    const found = guess.fields.find((f) => f.name === column);
    if (!found) return true;
    const { name, type, title, unit, scale, dateFormat } = found;
    const field: Field = { name, type, title, unit, scale: scale ?? 1, dateFormat, line: 0, column: 0 };
    return "value" in coerceCell(text, field, context);
  };
}

/**
 * The first line (of the first ten) that reads as a header: every cell named, none a figure, and
 * every row below it as wide as it is. Title rows above it are one cell wide and fail that test.
 * Rows that may be notes (text in the first cell only) at the end of the table are left out for
 * now: which of them are notes depends on the first column's type, not yet guessed.
 */
function findHeader(text: string): { table: CsvTable; headerRow: number } | undefined {
  for (let headerRow = 1; headerRow <= MAX_TITLE_ROWS; headerRow++) {
    const diagnostics = new Diagnostics();
    const table = readCsvTable({ text, headerRow, file: "", diagnostics, isValue: () => false });
    if (!table || table.records.length === 0 || table.header.length < 2) continue;
    if (diagnostics.messages.some((m) => m.ruleId === "CsvRowRagged" || m.ruleId === "CsvQuoteUnterminated")) continue;
    const names = table.header.map((c) => c.text);
    if (names.some((n) => n === "" || /^[£$€]?-?[\d,]*\.?\d+%?$/.test(n.replace(/^(19|20)\d\d$/, "year")))) continue;
    return { table, headerRow };
  }
  return undefined;
}

/** One column's type, unit and scale, tried in order with the data layer's own cell reader. */
function guessColumn(name: string, cells: string[], context: CellContext, titleText: string): ColumnGuess {
  const present = cells.filter((c) => !context.missingValues.includes(c));
  const examples = [...new Set(present)].slice(0, 3);
  const base = { name, title: humanize(name), examples };
  const fits = (field: Partial<Field> & { type: FieldType }) =>
    present.every(
      (c) => "value" in coerceCell(c, { name, title: name, scale: 1, line: 0, column: 0, ...field }, context),
    );
  const markers = [...new Set(cells.filter((c) => MISSING_MARKERS.includes(c)))];
  const missingNote = markers.length ? [`${markers.map((m) => `\`${m}\``).join(", ")} read as missing`] : [];

  if (present.length === 0) return { ...base, type: "string", reasons: ["every cell is empty"] };
  if (present.every((c) => /^(true|false|yes|no)$/i.test(c)))
    return { ...base, type: "boolean", reasons: ["only yes/no or true/false", ...missingNote] };
  if (present.every((c) => /^(1[89]|20)\d\d$/.test(c)))
    return { ...base, type: "period", reasons: ["years, kept as labels so charts keep their order", ...missingNote] };

  if (fits({ type: "number" })) {
    const sign = present.map((c) => /[£$€]/.exec(c)?.[0]).find(Boolean);
    const headerSign = /[£$€]/.exec(name)?.[0] ?? (/\bGBP\b/i.test(name) ? "£" : undefined);
    const percent = present.some((c) => c.endsWith("%")) || /%|per ?cent/i.test(name);
    const reasons: string[] = [];
    let unit: string | undefined;
    if (sign || headerSign) {
      unit = CURRENCY_UNITS[(sign ?? headerSign)!];
      reasons.push(sign ? `cells start with ${sign}` : `the header says ${headerSign}`);
    } else if (percent) {
      unit = "percent";
      reasons.push(present.some((c) => c.endsWith("%")) ? "cells end with %" : "the header says per cent");
    }
    const scale = unit && unit !== "percent" ? (scaleOf(name) ?? scaleOf(titleText)) : undefined;
    if (scale) reasons.push(`the ${scaleOf(name) ? "header" : "title"} says ${scale.word}`);
    const integer = !unit && fits({ type: "integer" });
    reasons.push(integer ? "whole numbers" : unit ? "" : "numbers with decimals");
    // A title such as "(£000)" may cover this column too: say so rather than guess.
    const titleScale = !unit ? scaleOf(titleText) : undefined;
    if (titleScale)
      reasons.push(
        `if it is money, add \`unit: GBP\` and \`scale: ${titleScale.value}\` (the title says ${titleScale.word})`,
      );
    const guess: ColumnGuess = {
      ...base,
      type: integer ? "integer" : "number",
      reasons: [...reasons.filter(Boolean), ...missingNote],
    };
    if (unit) guess.unit = unit;
    if (scale) guess.scale = scale.value;
    return guess;
  }
  for (const pattern of DATE_PATTERNS) {
    if (fits({ type: "date", dateFormat: pattern })) {
      const guess: ColumnGuess = { ...base, type: "date", reasons: [`dates written ${pattern}`, ...missingNote] };
      if (pattern !== "YYYY-MM-DD") guess.dateFormat = pattern;
      return guess;
    }
  }
  if (fits({ type: "period" }))
    return { ...base, type: "period", reasons: ["periods such as 2023/24 or Q3 2023", ...missingNote] };
  return { ...base, type: "string", reasons: ["text"] };
}

/** `£m`, `£ million`, `£000`, `£k`, `£bn` in a header or title: the column's scale. */
function scaleOf(text: string): { value: number; word: string } | undefined {
  const match = /[£$€]\s?('?000s?|k|thousands?|m|mn|millions?|bn|billions?)\b/i.exec(text);
  if (!match) return undefined;
  const word = match[1]!.toLowerCase();
  const value = /^(b|bn|billion)/.test(word) ? 1e9 : /^m/.test(word) ? 1e6 : 1e3;
  return { value, word: `"${match[0]}"` };
}

/** The first column, text before numbers, whose cells are all filled and all different. */
function primaryKeyOf(fields: ColumnGuess[], table: CsvTable): string | undefined {
  const unique = (index: number) => {
    const cells = table.records.map((r) => r.cells[index]?.text.trim() ?? "");
    return cells.every((c) => c !== "" && !MISSING_MARKERS.includes(c)) && new Set(cells).size === cells.length;
  };
  const order = [
    ...fields.map((f, i) => [f, i] as const).filter(([f]) => f.type !== "number" && f.type !== "integer"),
    ...fields.map((f, i) => [f, i] as const).filter(([f]) => f.type === "integer"),
  ];
  return order.find(([, i]) => unique(i))?.[0].name;
}

/** Non-empty lines under the table's last row: its notes, with or without a blank row above them. */
function countNotes(lines: string[], lastTableLine: number): number {
  return lines.slice(lastTableLine).filter((l) => l.replace(/,/g, "").trim() !== "").length;
}

/** `budget_announced` → `Budget announced`; `icb-invoices` → `Icb invoices`. */
export function humanize(name: string): string {
  const words = name.replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
