// What `/data/<id>.source.csv` publishes besides the table: it is the file as received, byte for
// byte (provenance), so `npm run check` warns about what the cleaned CSV takes care of and the
// original does not: cells a spreadsheet would run as formulas, and text outside the table (title
// rows above the header, notes below it).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { makeLocator } from "../data/csv.ts";
import { decodeCsv } from "../data/decode.ts";
import type { Dataset } from "../data/types.ts";
import { Diagnostics, type VFileMessage } from "../errors/diagnostic.ts";

// As src/data/export.ts: a cell starting with one of these is run by Excel, LibreOffice and Google
// Sheets as a formula (or a DDE command)...
const FORMULA_START = /^[=+\-@\t\r]/;
// ...except a signed number, which a spreadsheet reads as that number: `-3`, `+1,234.5`, `-£20.9`.
const SIGNED_NUMBER = /^[+-] ?[£$€]?[\d.,]+%?$/;
// Where an unquoted field ends: a comma or a line end.
const FIELD_END = /[,\r\n]/g;

/** A cell of the file as written (quotes removed), with the offset where it starts. */
interface SourceCell {
  text: string;
  offset: number;
}

/**
 * Calls `onRecord` with each record of the file, quotes removed (RFC 4180; CR, LF or CRLF line
 * ends, inside quotes too). In one pass, storing one record at a time: files run to 15 MB.
 */
function eachRecord(text: string, onRecord: (cells: SourceCell[]) => void): void {
  let cells: SourceCell[] = [];
  let i = 0;
  while (i <= text.length) {
    const offset = i;
    let value = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote === -1) {
          value += text.slice(i);
          i = text.length;
          break;
        }
        value += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        value += '"';
        i++;
      }
    }
    FIELD_END.lastIndex = i;
    const end = FIELD_END.exec(text)?.index ?? text.length;
    value += text.slice(i, end);
    cells.push({ text: value, offset });
    i = end;
    if (text[i] === ",") {
      i++;
      continue;
    }
    onRecord(cells);
    cells = [];
    i += text.startsWith("\r\n", i) ? 2 : 1;
  }
}

/** Warnings about what the original file publishes that the cleaned CSV does not. */
export function sourceFileWarnings(root: string, dataset: Dataset): VFileMessage[] {
  const decoded = decodeCsv({
    bytes: readFileSync(join(root, dataset.csvPath)),
    encoding: dataset.encoding ?? "utf-8",
  });
  if (!("text" in decoded)) return [];
  const text = decoded.text;
  const locate = makeLocator(text);
  const headerLine = dataset.headerRow ?? 1;
  // A record that starts on the last row's line is that row, however many lines its quoted cells take.
  const lastLine = dataset.rowLines.at(-1) ?? headerLine;
  let formula: SourceCell | undefined;
  let formulas = 0;
  let outside: SourceCell | undefined;
  let outsideRows = 0;
  eachRecord(text, (cells) => {
    for (const cell of cells) {
      if (!FORMULA_START.test(cell.text) || SIGNED_NUMBER.test(cell.text)) continue;
      formula ??= cell;
      formulas++;
    }
    if (cells.every((cell) => cell.text.trim() === "")) return;
    const line = locate(cells[0]!.offset).line;
    if (line >= headerLine && line <= lastLine) return;
    outside ??= cells[0];
    outsideRows++;
  });

  const diagnostics = new Diagnostics();
  const at = (cell: SourceCell) => ({ file: dataset.csvPath, ...locate(cell.offset) });
  if (formula) {
    const params = { actual: formula.text.slice(0, 40), count: formulas, id: dataset.id };
    diagnostics.warn("SourceFormulaCell", params, at(formula));
  }
  if (outside) diagnostics.warn("SourceTextOutsideTable", { count: outsideRows, id: dataset.id }, at(outside));
  return diagnostics.messages;
}
