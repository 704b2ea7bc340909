// The data layer's orchestrator: reads `data/<id>.csv` with its sidecar into typed rows, or
// positioned messages for every problem found (never only the first).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { contentEntry, linkProblem } from "../content-files.ts";
import { Diagnostics, sortMessages, VFileMessage, type Place } from "../errors/diagnostic.ts";
import { codePointOf, type YamlSource } from "../errors/yaml.ts";
import { coerceCell, DEFAULT_FALSE_VALUES, DEFAULT_TRUE_VALUES, type CellContext } from "./coerce.ts";
import { lineStarts, makeLocator, readCsvTable, type ColumnValueTest, type CsvCell, type CsvTable } from "./csv.ts";
import { decodeCsv } from "./decode.ts";
import { evaluateExpression, expressionNames, parseExpression, type Expression } from "./derive.ts";
import { isDatasetId, kebab } from "./ids.ts";
import { parseSidecar, type Sidecar } from "./sidecar.ts";
import type { Dataset, Field, Row } from "./types.ts";

/** Cell problems reported per column before one "and N more". */
const MAX_PER_COLUMN = 5;

export interface LoadDatasetOptions {
  /** The project root, which holds `data/`. */
  root: string;
  id: string;
  /** YYYY-MM-DD, the build date: settles two-digit years when the sidecar has no `source.published`. */
  today?: string;
  /** Datasets already read from the same bytes (src/cache/datasets.ts); without one, all are read. */
  store?: DatasetStore;
}

/** What a dataset is read from: its id, its two files' bytes and the day two-digit years settle by. */
export interface DatasetBytes {
  id: string;
  csv: Uint8Array;
  sidecar: Uint8Array;
  /** YYYY-MM-DD: the build date, or today's when there is none. */
  day: string;
}

/** Datasets kept between builds by what they were read from; only those read without a message. */
export interface DatasetStore {
  get(bytes: DatasetBytes): Dataset | undefined;
  set(bytes: DatasetBytes, dataset: Dataset): void;
}

export interface LoadDatasetResult {
  /** Present only when there were no errors (warnings allowed). */
  dataset?: Dataset;
  messages: VFileMessage[];
}

/** sha256 (hex) of the CSV bytes followed by the sidecar bytes: the dataset's cache key. */
export function digestDataset(csv: Uint8Array, sidecar: Uint8Array): string {
  return createHash("sha256").update(csv).update(sidecar).digest("hex");
}

/** Reads one dataset. Paths in messages and in the dataset are project-relative. */
export function loadDataset(options: LoadDatasetOptions): LoadDatasetResult {
  const result = readDataset(options);
  return { ...result, messages: sortMessages(result.messages) };
}

function readDataset(options: LoadDatasetOptions): LoadDatasetResult {
  const { root, id } = options;
  const diagnostics = new Diagnostics();
  const csvPath = `data/${id}.csv`;
  const sidecarPath = `data/${id}.yml`;
  const hasCsv = existsSync(join(root, csvPath));
  const hasSidecar = existsSync(join(root, sidecarPath));

  // 1. The files: a valid id, and both halves present.
  if (!isDatasetId(id)) {
    const file = hasCsv || !hasSidecar ? csvPath : sidecarPath;
    diagnostics.add("DatasetIdInvalid", { id, suggestion: kebab(id) }, { file, line: 1, column: 1 });
    return { messages: diagnostics.messages };
  }
  if (!hasCsv) diagnostics.add("CsvMissing", { id }, { file: sidecarPath, line: 1, column: 1 });
  if (!hasSidecar) diagnostics.add("SidecarMissing", { id }, { file: csvPath, line: 1, column: 1 });
  if (!hasCsv || !hasSidecar) return { messages: diagnostics.messages };
  const csvBytes = readFileSync(join(root, csvPath));
  const sidecarBytes = readFileSync(join(root, sidecarPath));
  const bytes: DatasetBytes = { id, csv: csvBytes, sidecar: sidecarBytes, day: options.today ?? todayUtc() };
  const kept = options.store?.get(bytes);
  if (kept) return { dataset: kept, messages: [] };

  // 2. The sidecar; its encoding and header row are used even when other keys are wrong, and the
  //    rest of it when its only mistakes change no cell's reading (an unknown key, a bad title).
  const parsed = parseSidecar({ source: new TextDecoder().decode(sidecarBytes), file: sidecarPath });
  diagnostics.push(...parsed.diagnostics.messages);

  // 3. Bytes to text, then text to records with their editor lines.
  const decoded = decodeCsv({ bytes: csvBytes, encoding: parsed.settings.encoding });
  if ("failure" in decoded) {
    const { kind, actual, before, encoding } = decoded.failure;
    const place = { file: csvPath, ...makeLocator(before)(before.length) };
    if (kind === "invalid") diagnostics.add("CsvEncodingInvalid", { byte: actual, encoding }, place);
    else diagnostics.add("CsvEncodingMismatch", { actual, encoding: "windows-1252" }, place);
    return { messages: diagnostics.messages };
  }
  const sidecar = parsed.sidecar;
  const context = sidecar ? cellContext(sidecar, options.today) : undefined;
  // Notes rows straight under the table are told from data rows by the first column's type.
  const isValue = sidecar && context ? columnValueTest(sidecar.fields, context) : undefined;
  const headerRow = parsed.settings.headerRow;
  const textColumns = new Set(sidecar?.fields.filter((f) => f.type === "string").map((f) => f.name));
  const table = readCsvTable({ text: decoded.text, headerRow, file: csvPath, diagnostics, isValue, textColumns });
  // Without a readable sidecar (a bad field list, `missingValues`, `dateFormat`...) no column has a
  // type to check its cells against: checking them anyway would report mistakes not in the CSV.
  if (!table || !sidecar || !context) return { messages: diagnostics.messages };

  // 4. Columns against fields, derived expressions against columns, cells against types.
  const columns = matchColumns({ table, sidecar, csvPath, sidecarPath, diagnostics });
  const yaml = { yaml: parsed.yaml, yamlText: parsed.source };
  const derived = compileDerived({ sidecar, ...yaml, sidecarPath, diagnostics });
  const { rows, cells, invalid } = readRows({ table, sidecar, columns, context, csvPath, diagnostics });
  checkPrimaryKey({ table, sidecar, columns, rows, invalid, csvPath, diagnostics });

  // 5. Derived columns, in order, so each may use the ones before it.
  for (const { field, expression, place } of derived) {
    let reported = false;
    rows.forEach((row, i) => {
      const value = evaluateExpression(expression, row);
      row[field.name] = value;
      if (field.type === "integer" && value !== null && !Number.isInteger(value) && !reported) {
        reported = true;
        const params = { column: field.name, actual: String(value), line: table.records[i]!.line };
        diagnostics.add("DeriveNotInteger", params, place);
      }
    });
  }

  if (diagnostics.hasErrors) return { messages: diagnostics.messages };
  const dataset: Dataset = {
    id,
    title: sidecar.title,
    notes: sidecar.notes,
    primaryKey: sidecar.primaryKey,
    fields: [...sidecar.fields, ...sidecar.derive],
    rows,
    rowLines: table.records.map((r) => r.line),
    cells,
    csvPath,
    sidecarPath,
    digest: digestDataset(csvBytes, sidecarBytes),
    encoding: sidecar.encoding,
    headerRow: sidecar.headerRow,
    missingValues: context.missingValues.slice(),
    trueValues: context.trueValues.slice(),
    falseValues: context.falseValues.slice(),
  };
  for (const key of ["description", "source", "licence", "updated"] as const) {
    if (sidecar[key] !== undefined) Object.assign(dataset, { [key]: sidecar[key] });
  }
  if (!diagnostics.messages.length) options.store?.set(bytes, dataset);
  return { dataset, messages: diagnostics.messages };
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** What every cell is read with; two-digit years settle by the source's date, else the build date. */
function cellContext(sidecar: Sidecar, today: string | undefined): CellContext {
  return {
    missingValues: sidecar.missingValues,
    trueValues: sidecar.trueValues ?? DEFAULT_TRUE_VALUES,
    falseValues: sidecar.falseValues ?? DEFAULT_FALSE_VALUES,
    reference: sidecar.source?.published ?? today ?? todayUtc(),
  };
}

/** Whether a text reads as a value of a column; an undeclared column's cannot be told, so it does. */
function columnValueTest(fields: readonly Field[], context: CellContext): ColumnValueTest {
  return (column, text) => {
    const field = fields.find((f) => f.name === column);
    return !field || "value" in coerceCell(text, field, context);
  };
}

/** Reads every dataset in `<root>/data/`, sorted by id, with every problem in every file. */
export function loadDatasets(options: { root: string; today?: string; store?: DatasetStore }): {
  datasets: Map<string, Dataset>;
  messages: VFileMessage[];
} {
  const datasets = new Map<string, Dataset>();
  const messages: VFileMessage[] = [];
  const dir = join(options.root, "data");
  if (!existsSync(dir)) return { datasets, messages };
  const ids = new Set<string>();
  // A link out of the project or to nothing is reported and never read, nor its dataset loaded
  // (see src/content-files.ts); a folder named like a CSV is not a dataset.
  const refused = new Set<string>();
  for (const name of readdirSync(dir)) {
    const match = /^(.+)\.(csv|yml)$/.exec(name);
    if (!match) continue;
    const entry = contentEntry(options.root, `data/${name}`);
    const problem = linkProblem(options.root, `data/${name}`, entry);
    if (problem) messages.push(problem);
    if (problem) refused.add(match[1]!);
    else if (entry.kind === "file") ids.add(match[1]!);
  }
  for (const id of [...ids].sort().filter((id) => !refused.has(id))) {
    const result = loadDataset({ root: options.root, id, today: options.today, store: options.store });
    messages.push(...result.messages);
    if (result.dataset) datasets.set(id, result.dataset);
  }
  return { datasets, messages };
}

/** Column index of each declared field; reports undeclared and missing columns. */
function matchColumns(options: {
  table: CsvTable;
  sidecar: Sidecar;
  csvPath: string;
  sidecarPath: string;
  diagnostics: Diagnostics;
}): Map<string, number> {
  const { table, sidecar, csvPath, sidecarPath, diagnostics } = options;
  const columns = new Map<string, number>();
  const declared = new Set(sidecar.fields.map((f) => f.name));
  table.header.forEach((cell, index) => {
    if (cell.text === "" || columns.has(cell.text)) return;
    columns.set(cell.text, index);
    if (declared.has(cell.text)) return;
    const field = sidecar.derive.find((f) => f.name === cell.text);
    if (field) {
      const fix = `rename the derived field, or the CSV column on line ${cell.line}`;
      const params = { key: "name", actual: cell.text, expected: "a name no CSV column has", fix };
      diagnostics.add("SidecarInvalidValue", params, { file: sidecarPath, line: field.line, column: field.column });
      return;
    }
    const place = { file: csvPath, line: cell.line, column: cell.column };
    diagnostics.add("CsvColumnUndeclared", { column: cell.text, sidecar: sidecarPath }, place).actual = cell.text;
  });
  const names = table.header.map((c) => c.text).filter(Boolean);
  for (const field of sidecar.fields) {
    if (columns.has(field.name)) continue;
    const params = { column: field.name, csv: csvPath, columns: names };
    const place = { file: sidecarPath, line: field.line, column: field.column };
    const message = diagnostics.add("CsvColumnMissing", params, place);
    message.actual = field.name;
    message.expected = names;
  }
  return columns;
}

interface CompiledDerive {
  field: Field;
  expression: Expression;
  place: Place;
}

/** Parses each `derive` expression; names must be numeric columns or earlier derived fields. */
function compileDerived(options: {
  sidecar: Sidecar;
  yaml: YamlSource;
  yamlText: string;
  sidecarPath: string;
  diagnostics: Diagnostics;
}): CompiledDerive[] {
  const { sidecar, yaml, yamlText, sidecarPath, diagnostics } = options;
  // Every declared number column counts, even one missing from the CSV: that is reported once, as such.
  const numeric = sidecar.fields.filter((f) => f.type === "number" || f.type === "integer").map((f) => f.name);
  const compiled: CompiledDerive[] = [];
  sidecar.derive.forEach((field, i) => {
    const text = field.expression!;
    const path = ["derive", i, "expression"];
    const placeAt = (index: number): Place =>
      scalarPlace({ yaml, yamlText, path, value: text, index, file: sidecarPath });
    const parsed = parseExpression(text);
    if ("error" in parsed) {
      const params = { column: field.name, expression: shorten(text), reason: parsed.error.reason };
      const code = parsed.error.tooComplex ? "DeriveTooComplex" : "DeriveSyntax";
      diagnostics.add(code, params, placeAt(parsed.error.index)).actual = text;
      numeric.push(field.name); // later expressions may still name it without a second error
      return;
    }
    const unknown = expressionNames(parsed.expression).filter((n) => !numeric.includes(n.name));
    for (const { name, index } of unknown) {
      diagnostics.add("DeriveUnknownColumn", { column: field.name, name, columns: numeric }, placeAt(index)).actual =
        name;
    }
    if (unknown.length === 0) compiled.push({ field, expression: parsed.expression, place: placeAt(0) });
    numeric.push(field.name);
  });
  return compiled;
}

/**
 * The place of character `index` inside the YAML scalar at `path`: its start plus the offset when
 * the scalar is written on one line as it reads (plain, or quoted without escapes), else its start.
 */
function scalarPlace(options: {
  yaml: YamlSource;
  yamlText: string;
  path: (string | number)[];
  value: string;
  index: number;
  file: string;
}): Place {
  const start = options.yaml.placeOf(options.path);
  const sidecarText = options.yamlText;
  const offset = lineStarts(sidecarText)[start.line - 1]! + start.column - 1;
  const quoted = sidecarText[offset] === '"' || sidecarText[offset] === "'";
  const from = offset + (quoted ? 1 : 0);
  if (sidecarText.slice(from, from + options.value.length) !== options.value) return { file: options.file, ...start };
  return { file: options.file, line: start.line, column: start.column + (quoted ? 1 : 0) + options.index };
}

/** Coerces every cell of every declared column; caps the reports per column. */
function readRows(options: {
  table: CsvTable;
  sidecar: Sidecar;
  columns: Map<string, number>;
  context: CellContext;
  csvPath: string;
  diagnostics: Diagnostics;
}): { rows: Row[]; cells: Record<string, string>[]; invalid: Set<CsvCell> } {
  const { table, sidecar, columns, context, csvPath, diagnostics } = options;
  const invalid = new Set<CsvCell>();
  // Per column: how many cells failed, and where the first unreported one is. A count, not a list:
  // a wrong type on every row of a 200,000-row file must not copy a growing list per cell.
  const problems = new Map<string, { count: number; overflow?: Place }>();
  /** Reports a cell's problem by `report`, unless its column has had MAX_PER_COLUMN already. */
  const countProblem = (column: string, place: Place, report: () => void): void => {
    const seen = problems.get(column) ?? { count: 0 };
    problems.set(column, seen);
    seen.count++;
    if (seen.count <= MAX_PER_COLUMN) report();
    else seen.overflow ??= place;
  };
  const cells: Record<string, string>[] = [];
  const rows = table.records.map((record) => {
    const row: Row = {};
    const written: Record<string, string> = {};
    cells.push(written);
    for (const field of sidecar.fields) {
      const index = columns.get(field.name);
      const cell = index === undefined ? undefined : record.cells[index];
      if (!cell) continue;
      if (cell.control) {
        row[field.name] = null;
        invalid.add(cell);
        const { char, line, column } = cell.control;
        const params = { column: field.name, actual: codePointOf(char) };
        countProblem(field.name, { file: csvPath, line, column }, () =>
          diagnostics.add("CellControlCharacter", params, { file: csvPath, line, column }),
        );
        continue;
      }
      written[field.name] = cell.text.trim();
      const result = coerceCell(cell.text, field, context);
      if ("value" in result) {
        row[field.name] = result.value;
        continue;
      }
      row[field.name] = null;
      invalid.add(cell);
      const place = { file: csvPath, line: cell.line, column: cell.column };
      const { expected, fix } = result.problem;
      countProblem(field.name, place, () => {
        const params = { column: field.name, actual: shorten(cell.text), expected, fix };
        diagnostics.add("CellInvalid", params, place).expected = [expected];
      });
    }
    return row;
  });
  for (const [column, { count, overflow }] of problems) {
    if (overflow) diagnostics.add("CellRepeats", { column, count: count - MAX_PER_COLUMN }, overflow);
  }
  return { rows, cells, invalid };
}

/** Every row needs the key's cells, and no two rows the same key. */
function checkPrimaryKey(options: {
  table: CsvTable;
  sidecar: Sidecar;
  columns: Map<string, number>;
  rows: Row[];
  invalid: Set<CsvCell>;
  csvPath: string;
  diagnostics: Diagnostics;
}): void {
  const { table, sidecar, columns, rows, invalid, csvPath, diagnostics } = options;
  const key = sidecar.primaryKey;
  if (key.length === 0 || key.some((name) => !columns.has(name))) return;
  const firstLines = new Map<string, number>();
  const repeats: Place[] = [];
  rows.forEach((row, i) => {
    const record = table.records[i]!;
    const cells = key.map((name) => record.cells[columns.get(name)!]!);
    if (cells.some((cell) => invalid.has(cell))) return;
    const missing = key.filter((name) => row[name] === null);
    for (const name of missing) {
      const cell = record.cells[columns.get(name)!]!;
      diagnostics.add(
        "CellMissing",
        { column: name, actual: cell.text },
        { file: csvPath, line: cell.line, column: cell.column },
      );
    }
    if (missing.length) return;
    const identity = JSON.stringify(key.map((name) => canonical(row[name]!)));
    const first = firstLines.get(identity);
    if (first === undefined) {
      firstLines.set(identity, record.line);
      return;
    }
    const actual = cells.map((c) => c.text.trim()).join(", ");
    const place = { file: csvPath, line: record.line, column: cells[0]!.column };
    repeats.push(place);
    if (repeats.length > MAX_PER_COLUMN) return;
    const message = diagnostics.add("PrimaryKeyDuplicate", { key: key.join(", "), actual, firstLine: first }, place);
    const cause = new VFileMessage(`first used here`, { place: { line: first, column: 1 } });
    cause.file = csvPath;
    message.cause = cause;
  });
  if (repeats.length > MAX_PER_COLUMN) {
    diagnostics.add(
      "CellRepeats",
      { column: key.join(", "), count: repeats.length - MAX_PER_COLUMN },
      repeats[MAX_PER_COLUMN]!,
    );
  }
}

/** The same value written two ways (`05/01/2024`, `5/1/2024`) is the same key. */
const canonical = (value: string | number | boolean | Date): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value);

/** One line, at most 60 characters: a value quoted in a message must not break the layout. */
function shorten(text: string): string {
  const line = text.replace(/\r\n|\r|\n/g, "↵");
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
