// Reads CSV text into records with the editor line and column of every cell, and checks the shape.
import type { Diagnostics, Place } from "../errors/diagnostic.ts";

/** A cell as written (quotes removed, `""` unescaped) and where it starts: the quote if it has one. */
export interface CsvCell {
  text: string;
  line: number;
  column: number;
  /** The first control character in the cell (see CONTROL) and where it is: a cell with one is an error. */
  control?: Position & { char: string };
}

/**
 * C0 controls but tab, LF and CR, and DEL: SVG, XML and RSS cannot carry them (resvg and browsers
 * reject the file), so no cell holding one may become a value. A vertical tab (U+000B) is not among
 * them: Word writes a line break typed with Shift+Enter as one, and Excel for Mac exported in-cell
 * line breaks the same way, so a pasted cell often holds one between two words. It is read as a
 * space (see VERTICAL_TAB): the author meant the words apart, and a space is how a break inside a
 * cell reads in a table row, a chart label or a sentence; failing on an invisible character the
 * journalist cannot find in Excel would help no one. Every other control is an error at its place.
 */
const CONTROL = /[\u0000-\u0008\u000C\u000E-\u001F\u007F]/;
const VERTICAL_TAB = /\u000B/g;

export interface CsvRecord {
  cells: CsvCell[];
  /** Editor line where the record starts. */
  line: number;
  /** Where the record's last cell ends (before its line end). */
  endLine: number;
  endColumn: number;
}

export interface CsvTable {
  header: CsvCell[];
  /** Data rows with as many cells as the header, in file order. */
  records: CsvRecord[];
}

export interface Position {
  line: number;
  column: number;
}

/** The offsets where lines start; CR, LF and CRLF each end one line, as in an editor. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

/** Maps an offset in `text` to a 1-based line and column (columns count UTF-16 code units). */
export function makeLocator(text: string): (offset: number) => Position {
  const starts = lineStarts(text);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** Lines as an editor counts them, not counting the empty line after a final line end. */
export function countLines(text: string): number {
  const starts = lineStarts(text);
  return starts[starts.length - 1] === text.length ? starts.length - 1 : starts.length;
}

interface ScannedCell {
  text: string;
  offset: number;
}

type Scan = { cells: ScannedCell[]; end: number; next: number; strays: number[] } | { unterminated: number };

const QUOTE = 34;
const COMMA = 44;
const isLineEnd = (c: number): boolean => c === 10 || c === 13;

/**
 * Scans one RFC 4180 record from `start`. Grammar:
 *   record   = cell ("," cell)* (CRLF | CR | LF | end of text)
 *   cell     = quoted | bare
 *   quoted   = '"' (any character but '"' | '""')* '"'     may span lines
 *   bare     = (any character but ',' CR LF)*               a '"' inside is kept as written
 * Text after a closing quote (`"a"b`) is kept in the cell and its offset returned as a stray.
 */
function scanRecord(text: string, start: number): Scan {
  const cells: ScannedCell[] = [];
  const strays: number[] = [];
  let i = start;
  for (;;) {
    const offset = i;
    let value = "";
    if (text.charCodeAt(i) === QUOTE) {
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) return { unterminated: offset };
        value += text.slice(i, close);
        i = close + 1;
        if (text.charCodeAt(i) !== QUOTE) break;
        value += '"';
        i++;
      }
      if (i < text.length && text.charCodeAt(i) !== COMMA && !isLineEnd(text.charCodeAt(i))) strays.push(i);
    }
    const from = i;
    while (i < text.length && text.charCodeAt(i) !== COMMA && !isLineEnd(text.charCodeAt(i))) i++;
    value += text.slice(from, i);
    cells.push({ text: value, offset });
    if (text.charCodeAt(i) === COMMA) {
      i++;
      continue;
    }
    const end = i;
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i += 2;
    else if (i < text.length) i++;
    return { cells, end, next: i, strays };
  }
}

/** A row with nothing but empty or space-only cells (`,,,` included) ends the table. */
const isBlank = (cells: readonly { text: string }[]): boolean => cells.every((c) => c.text.trim() === "");

/**
 * A row that may be a note under the table (`Source: DfE`, or `"Note: provisional",,` as Excel pads
 * it): in a table of two columns or more, text in its first cell only, no more cells than the
 * header, words rather than a figure (see NOTE_TEXT), and not a value of the first column, or
 * opening as a note does (`Source:`, `Note:`, `*`; see NOTE_LEAD). So a mistyped figure
 * (`2025 (provisional)`, `2024-13-01`, `£1.2bn`) is still reported, and so is a truncated last
 * row (`2024/25` is a value of a `period` column); in a one-column table every row is text in its
 * first cell only, and under a `string` column any other words are a value, so such notes there
 * need a blank row above them.
 */
function mayBeNote(cells: readonly CsvCell[], header: readonly CsvCell[], isValue: ColumnValueTest): boolean {
  const [first, ...rest] = cells;
  if (!first || header.length < 2 || cells.length > header.length || !isBlank(rest)) return false;
  const text = first.text.trim();
  return NOTE_TEXT.test(text) && (!isValue(header[0]!.text, first.text) || NOTE_LEAD.test(text));
}

// Words, as a note is written: either a numbered note (`1. Figures are rounded`, `2) See ...`), or
// a letter somewhere and not the start of a figure (a digit, a sign, a currency sign, a bracket or
// a decimal point), so `2025 (provisional)` is not a note.
const NOTE_TEXT = /^\d{1,2}[.)]\s+\p{L}|^(?![\d+\-−£$€(.])(?=.*\p{L})/su;

// How a note opens (`Source: DfE`, `Note: provisional`, `* Estimated`, `© Crown copyright`): a
// note even under a text column, where any words would be a value, since no school or council is
// called `Source: ...`.
const NOTE_LEAD =
  /^(?:(?:sources?|notes?|n\.?b\.?|footnotes?|caveats?)\s*[:.]\s*\S|[*†‡]+\s*\p{L}|(?:©|copyright\b))/iu;

/** Whether `text` reads as a value of the column named `column` (a declared missing value counts). */
export type ColumnValueTest = (column: string, text: string) => boolean;

const MAX_RAGGED = 5;

/**
 * Reads the table: skips the lines above `headerRow`, reads the header, then data rows until the
 * first blank row or the end of the file. Everything after the first blank row is notes and is not
 * read as data; a later line that looks like a table row draws a warning, so rows are never lost
 * without a word. With `isValue`, the rows that end the table (before any blank row) are notes too
 * when every one of them may be a note (see `mayBeNote`); a row that may be a note but has data
 * rows after it is read as a row, and reported if its width is wrong. Reports unterminated and
 * stray quotes, empty and repeated header names and rows with the wrong number of cells. Returns
 * undefined when there is no usable header.
 */
export function readCsvTable(options: {
  text: string;
  headerRow: number;
  file: string;
  diagnostics: Diagnostics;
  /** Tells a first cell that is a value of its column; without it, only a blank row ends the table. */
  isValue?: ColumnValueTest;
  /** Columns of text (`string`), whose every cell is a value: not evidence that a row is data. */
  textColumns?: ReadonlySet<string>;
}): CsvTable | undefined {
  const { text, headerRow, file, diagnostics, isValue, textColumns } = options;
  const locate = makeLocator(text);
  const at = (offset: number) => ({ file, ...locate(offset) });
  const starts = lineStarts(text);
  const lines = countLines(text);
  if (headerRow > lines) {
    diagnostics.add("CsvHeaderMissing", { headerRow, lines }, { file, line: Math.max(1, lines), column: 1 });
    return undefined;
  }
  const toCells = (cells: ScannedCell[]): CsvCell[] =>
    cells.map((c) => {
      const cell: CsvCell = { text: c.text.replace(VERTICAL_TAB, " "), ...locate(c.offset) };
      const char = CONTROL.exec(cell.text)?.[0];
      if (char !== undefined) cell.control = { char, ...locate(text.indexOf(char, c.offset)) };
      return cell;
    });
  const scan = (from: number): Scan => {
    const result = scanRecord(text, from);
    if ("unterminated" in result) diagnostics.add("CsvQuoteUnterminated", {}, at(result.unterminated));
    else for (const s of result.strays) diagnostics.add("CsvQuoteStray", { actual: text[s]! }, at(s));
    return result;
  };

  // Header: trimmed names, none empty, none repeated.
  const head = scan(starts[headerRow - 1]!);
  if ("unterminated" in head) return undefined;
  const header = toCells(head.cells).map((c) => ({ ...c, text: c.text.trim() }));
  checkHeaderNames(header, file, diagnostics);

  // Data rows up to the first blank row; rows that may be notes wait until a data row follows them.
  const records: CsvRecord[] = [];
  const ragged: { place: Place; actual: number; noteLike: boolean }[] = [];
  const addRow = (cells: CsvCell[], end: Position): void => {
    if (cells.length === header.length) {
      records.push({ cells, line: cells[0]!.line, endLine: end.line, endColumn: end.column });
      return;
    }
    // Too many cells: point at the first extra one; too few: at the end of the row.
    const extra = cells[header.length];
    const place = extra ? { file, line: extra.line, column: extra.column } : { file, ...end };
    const noteLike = cells[0]!.text.trim() !== "" && isBlank(cells.slice(1));
    ragged.push({ place, actual: cells.length, noteLike });
  };
  let notes: { cells: CsvCell[]; end: Position }[] = [];
  const readNotesAsRows = (): void => {
    for (const note of notes) addRow(note.cells, note.end);
    notes = [];
  };
  let next = head.next;
  let blank: number | undefined;
  let unterminated = false;
  while (next < text.length) {
    const row = scan(next);
    if ("unterminated" in row) {
      unterminated = true;
      break;
    }
    const cells = toCells(row.cells);
    next = row.next;
    if (isBlank(cells)) {
      blank = cells[0]!.line;
      break;
    }
    const end = locate(row.end);
    if (isValue && mayBeNote(cells, header, isValue)) notes.push({ cells, end });
    else {
      readNotesAsRows();
      addRow(cells, end);
    }
  }
  // Rows that may be notes are notes only when nothing but a blank row or the file's end follows.
  if (unterminated) readNotesAsRows();
  reportRaggedRows(ragged, header.length, diagnostics);
  if (records.length === 0 && ragged.length === 0 && !unterminated) {
    diagnostics.add("CsvRowsMissing", { headerRow }, { file, line: header[0]!.line, column: 1 });
  }
  if (blank !== undefined) {
    // A cell past the header's width belongs to no column, so it is no column's value.
    const typed = (index: number, cell: string) =>
      isValue !== undefined &&
      index < header.length &&
      !textColumns?.has(header[index]!.text) &&
      isValue(header[index]!.text, cell);
    warnRowsAfterBlank({ text, from: next, blank, width: header.length, typed, file, diagnostics, locate });
  }
  return { header, records };
}

/** Reports empty and repeated names in the header (trimmed already). */
function checkHeaderNames(header: readonly CsvCell[], file: string, diagnostics: Diagnostics): void {
  const seen = new Map<string, number>();
  header.forEach((cell, index) => {
    const place = { file, line: cell.line, column: cell.column };
    if (cell.text === "") diagnostics.add("CsvHeaderEmpty", { index: index + 1 }, place);
    else if (!seen.has(cell.text)) seen.set(cell.text, index + 1);
    else {
      const message = diagnostics.add("CsvHeaderDuplicate", { column: cell.text, first: seen.get(cell.text)! }, place);
      message.actual = cell.text;
    }
  });
}

/** Reports rows of the wrong width: the first few at their places, then how many more. */
function reportRaggedRows(
  ragged: ReadonlyArray<{ place: Place; actual: number; noteLike: boolean }>,
  width: number,
  diagnostics: Diagnostics,
): void {
  for (const { place, actual, noteLike } of ragged.slice(0, MAX_RAGGED)) {
    diagnostics.add("CsvRowRagged", { expected: width, actual, noteLike }, place);
  }
  if (ragged.length > MAX_RAGGED) {
    diagnostics.add("CsvRowRepeats", { count: ragged.length - MAX_RAGGED }, ragged[MAX_RAGGED]!.place);
  }
}

/**
 * Warns at the first line after the blank row that looks like a table row, with how many do: as
 * wide as the table and at least half filled, with two cells or more, or (in a narrow table, a
 * one-column register of dates say) with every filled cell a value of a number, date or other
 * typed column; or no wider than the table with such a value outside its first cell, as a
 * council's check totals under a wide table are written (`Total,,,,,2837397.00`). A note is text
 * in its first cell, so neither rule mistakes one for a row.
 */
function warnRowsAfterBlank(options: {
  text: string;
  from: number;
  blank: number;
  width: number;
  /** Whether a cell of the column at `index` reads as a value of a column that not every text fits. */
  typed: (index: number, cell: string) => boolean;
  file: string;
  diagnostics: Diagnostics;
  locate: (offset: number) => Position;
}): void {
  const { text, blank, width, typed, file, diagnostics, locate } = options;
  let first: number | undefined;
  let count = 0;
  let next = options.from;
  while (next < text.length) {
    const row = scanRecord(text, next);
    if ("unterminated" in row) break;
    next = row.next;
    const cells = row.cells.map((c, index) => ({ text: c.text.trim(), index })).filter((c) => c.text !== "");
    const filled = cells.length;
    const enough = filled >= Math.ceil(width / 2);
    const valuesOnly = filled > 0 && cells.every((c) => typed(c.index, c.text));
    const asWide = row.cells.length === width && enough && (filled >= 2 || valuesOnly);
    const totals = row.cells.length <= width && cells.some((c) => c.index > 0 && typed(c.index, c.text));
    if (!asWide && !totals) continue;
    first ??= row.cells[0]!.offset;
    count++;
  }
  if (first !== undefined)
    diagnostics.warn("CsvRowAfterBlank", { blankLine: blank, count }, { file, ...locate(first) });
}
