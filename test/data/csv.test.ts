// Reading CSV text: encodings, line ends as an editor counts them, quoting, and the table's extent.
import { describe, expect, it } from "vitest";
import * as csv from "../../src/data/csv.ts";
import { countLines, lineStarts, makeLocator } from "../../src/data/csv.ts";
import { loadDataset } from "../../src/data/index.ts";
import { printed, tempProject } from "./helpers.ts";

const SIDECAR = [
  "title: Budget",
  "fields:",
  "  - { name: year, type: period }",
  "  - { name: notes, type: string }",
  "  - { name: budget, type: number, unit: GBP }",
  "",
].join("\n");

/** Loads `data/budget.csv` (bytes or text) with `sidecar`. */
const load = (content: string | Uint8Array, sidecar = SIDECAR) =>
  loadDataset({ root: tempProject({ "budget.csv": content, "budget.yml": sidecar }), id: "budget" });
const where = (content: string | Uint8Array, sidecar?: string) =>
  load(content, sidecar).messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId}`);

describe("the csv module", () => {
  it("exports the table reader and its line helpers", () => {
    expect(Object.keys(csv).sort()).toEqual(["countLines", "lineStarts", "makeLocator", "readCsvTable"]);
  });

  it("counts CR, LF and CRLF as one line end each", () => {
    expect(lineStarts("a\r\nb\rc\nd")).toEqual([0, 3, 5, 7]);
    expect(countLines("a\r\nb\rc\n")).toBe(3);
    expect(countLines("")).toBe(0);
    expect(makeLocator("ab\r\ncd\ref")(8)).toEqual({ line: 3, column: 2 });
  });
});

describe("decoding", () => {
  it("strips a UTF-8 byte order mark instead of gluing it to the first header", () => {
    const { dataset, messages } = load("\uFEFFyear,notes,budget\n2023/24,,12\n");
    expect(messages).toEqual([]);
    expect(Object.keys(dataset!.rows[0]!)).toEqual(["year", "notes", "budget"]);
  });

  it("rejects a Windows-1252 file without `encoding`, naming the first bad byte at its line and column", () => {
    const bytes = Buffer.from([...Buffer.from("year,notes,budget\n2023/24,ok,"), 0xa3, ...Buffer.from("12\n")]);
    expect(printed(load(bytes).messages)).toEqual([
      "data/budget.csv:2:12: error: Unexpected byte `0xA3`, expected text in UTF-8  [CsvEncodingInvalid]\n" +
        "  hint: the file looks like it was saved by Excel in Windows-1252: add `encoding: windows-1252` to the sidecar, or re-save the file as CSV UTF-8",
    ]);
  });

  it("decodes a Windows-1252 file when the sidecar says so: £, € and curly quotes", () => {
    // £ is 0xA3, € 0x80, “ and ” 0x93 and 0x94 in Windows-1252.
    const bytes = Buffer.from([
      ...Buffer.from("year,notes,budget\n2023/24,"),
      0x93,
      ...Buffer.from("cost "),
      0x80,
      ...Buffer.from("5"),
      0x94,
      ...Buffer.from(',"'),
      0xa3,
      ...Buffer.from('1,234"\n'),
    ]);
    const { dataset, messages } = load(bytes, `encoding: windows-1252\n${SIDECAR}`);
    expect(messages).toEqual([]);
    expect(dataset?.rows[0]).toEqual({ year: "2023/24", notes: "“cost €5”", budget: 1234 });
  });

  it("refuses to read a UTF-8 file as Windows-1252, which would garble it", () => {
    expect(printed(load("year,notes,budget\n2023/24,ok,£12\n", `encoding: windows-1252\n${SIDECAR}`).messages)).toEqual(
      [
        "data/budget.csv:2:12: error: Unexpected UTF-8 text `£` in a file the sidecar says is `windows-1252`  [CsvEncodingMismatch]\n" +
          "  hint: the file is already UTF-8: remove `encoding` from the sidecar (reading it as Windows-1252 would garble it)",
      ],
    );
  });

  it("rejects a byte Windows-1252 leaves undefined", () => {
    const bytes = Buffer.from([...Buffer.from("year,notes,budget\n2023/24,"), 0x81, ...Buffer.from(",12\n")]);
    expect(where(bytes, `encoding: windows-1252\n${SIDECAR}`)).toEqual(["data/budget.csv:2:9 CsvEncodingInvalid"]);
  });
});

describe("line ends", () => {
  it("reports lines as an editor shows them in a CRLF file with CRLF inside a quoted cell", () => {
    const text = 'year,notes,budget\r\n2022/23,"line one\r\nline two",12\r\n2023/24,ok,lots\r\n';
    expect(printed(load(text).messages)).toEqual([
      "data/budget.csv:4:12: error: Unexpected `lots` in column `budget`, expected a number  [CellInvalid]\n" +
        "  hint: write a number in digits; if `lots` means there is no value, add it to `missingValues` in the sidecar",
    ]);
    expect(load(text.replace("lots", "13")).dataset?.rows[0]?.notes).toBe("line one\r\nline two");
  });

  it("reports lines as an editor shows them in an old bare-CR file with CR inside a quoted cell", () => {
    const text = 'year,notes,budget\r2022/23,"one\rtwo\rthree",12\r2023/24,ok,lots\r';
    expect(where(text)).toEqual(["data/budget.csv:5:12 CellInvalid"]);
  });

  it("reports a cell after a multi-line quoted cell at its own line and column", () => {
    const text = 'year,notes,budget\n2022/23,"first\r\nsecond\rthird",lots\n';
    expect(where(text)).toEqual(["data/budget.csv:4:8 CellInvalid"]);
  });

  it("counts the opening quote in the column of a quoted cell", () => {
    expect(where('year,notes,budget\n2022/23,ok,"lots"\n')).toEqual(["data/budget.csv:2:12 CellInvalid"]);
  });
});

describe("quotes", () => {
  it("reports an unterminated quote at the opening quote, not at the end of the file", () => {
    expect(printed(load('year,notes,budget\n2022/23,"open,12\n2023/24,ok,13\n').messages)).toEqual([
      'data/budget.csv:2:9: error: Unexpected end of file inside a quoted cell, expected a closing `"`  [CsvQuoteUnterminated]\n' +
        '  hint: add the missing `"` at the end of this cell; a `"` inside a quoted cell is written twice (`""`)',
    ]);
  });

  it("reports text after a closing quote at that text", () => {
    expect(where('year,notes,budget\n2022/23,"a"b,12\n')).toEqual(["data/budget.csv:2:12 CsvQuoteStray"]);
  });

  it("reads doubled quotes inside a quoted cell as one quote", () => {
    expect(load('year,notes,budget\n2022/23,"the ""best"" year",12\n').dataset?.rows[0]?.notes).toBe('the "best" year');
  });
});

describe("the table's extent", () => {
  it("skips title rows above `headerRow`, even ones with stray quotes", () => {
    const { dataset, messages } = load(
      'Budget "2023\nAll figures in £\nyear,notes,budget\n2023/24,,12\n',
      `headerRow: 3\n${SIDECAR}`,
    );
    expect(messages).toEqual([]);
    expect(dataset?.rowLines).toEqual([4]);
  });

  it("reports a `headerRow` beyond the end of the file", () => {
    expect(printed(load("year,notes,budget\n2023/24,,12\n", `headerRow: 5\n${SIDECAR}`).messages)).toEqual([
      "data/budget.csv:2:1: error: Missing header row: `headerRow` is 5 but the file has 2 lines  [CsvHeaderMissing]\n" +
        "  hint: set `headerRow` in the sidecar to the line that holds the column names",
    ]);
  });

  it("ends the table at the first blank row, `,,,` included, and ignores the notes after it", () => {
    const text = 'year,notes,budget\n2022/23,,12\n ,, \nFigures rounded, so totals may differ\n"Source: the council\n';
    const { dataset, messages } = load(text);
    expect(messages).toEqual([]);
    expect(dataset?.rows).toEqual([{ year: "2022/23", notes: null, budget: 12 }]);
  });

  it("warns when a line after the blank row looks like a table row, but still loads the data", () => {
    const { dataset, messages } = load("year,notes,budget\n2022/23,,12\n\n2023/24,late,13\n");
    expect(printed(messages)).toEqual([
      "data/budget.csv:4:1: warning: Unexpected table row after the blank line 3, expected notes only  [CsvRowAfterBlank]\n" +
        "  hint: the table ends at its first blank row and later lines are read as notes: delete the blank row if this row is data",
    ]);
    expect(dataset?.rows).toHaveLength(1);
  });

  it("warns of rows stranded below a blank line in a one-column register, where no row fills two cells", () => {
    const dates = "title: Decisions\nfields:\n  - { name: decided, type: date }\n";
    const { dataset, messages } = load("decided\n2024-01-03\n2024-01-09\n\n2024-02-11\n2024-02-15\n", dates);
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.fatal === false ? "warning" : "error"}`)).toEqual(
      ["5:1 CsvRowAfterBlank warning"],
    );
    expect(dataset?.rows).toHaveLength(2);
    // Notes after the blank line are not values of the column: no warning.
    expect(load("decided\n2024-01-03\n\nSource: the council's register\n", dates).messages).toEqual([]);
    // Under a text column any words are a value, so they are no sign of a stranded row.
    const names = "title: Names\nfields:\n  - { name: name, type: string }\n";
    expect(load("name\nAshfield\n\nCompiled by the newsroom\n", names).messages).toEqual([]);
  });

  it("warns of a council's check totals under a wide table at the first one, with how many are not read", () => {
    const wide =
      "title: Spend\nfields:\n  - { name: service, type: string }\n" +
      ["q1", "q2", "q3", "q4", "total"].map((q) => `  - { name: ${q}, type: number }\n`).join("");
    const text =
      'service,q1,q2,q3,q4,total\nParks,1,2,3,4,10\nRoads,5,6,7,8,26\n\nTotal,,,,,36\nCheck,,,,,"36.00"\nSource: the council\n';
    const { dataset, messages } = load(text, wide);
    expect(printed(messages)).toEqual([
      "data/budget.csv:5:1: warning: Unexpected table row after the blank line 4, expected notes only (2 rows like it are not read)  [CsvRowAfterBlank]\n" +
        "  hint: the table ends at its first blank row and later lines are read as notes: delete the blank row if this row is data",
    ]);
    expect(dataset?.rows).toHaveLength(2);
  });

  it("reads a row after the blank line that is wider than the header without failing (found by fuzzing)", () => {
    const one = "title: T\nfields:\n  - { name: year, type: period }\n";
    expect(where("year\n2023/24\n\n2024/25,12,13\n", one)).toEqual([]);
  });

  it("reports a header with no rows under it, and the rows stranded below a blank line", () => {
    expect(where("year,notes,budget\n\n2022/23,,12\n")).toEqual([
      "data/budget.csv:1:1 CsvRowsMissing",
      "data/budget.csv:3:1 CsvRowAfterBlank",
    ]);
  });
});

describe("notes rows straight under the table", () => {
  const rowsOf = (text: string, sidecar?: string) => {
    const { dataset, messages } = load(text, sidecar);
    return { rows: dataset?.rows.map((r) => r.year), lines: dataset?.rowLines, messages: printed(messages) };
  };

  it("ends the table at notes rows padded with commas, as Excel exports them", () => {
    const text = 'year,notes,budget\n2022/23,,12\n2023/24,,13\n"Note: 2023/24 figures are provisional",,\n';
    expect(rowsOf(text)).toEqual({ rows: ["2022/23", "2023/24"], lines: [2, 3], messages: [] });
  });

  it("ends the table at a notes row with no commas after it", () => {
    const text = "year,notes,budget\r\n2022/23,,12\r\nSource: Department for Education\r\n";
    expect(rowsOf(text)).toEqual({ rows: ["2022/23"], lines: [2], messages: [] });
  });

  it("reads several notes rows, padded or not, then a blank row and more notes", () => {
    const text =
      "year,notes,budget\n2022/23,,12\nSource: DfE,,\nNotes:\n1. Figures rounded,\n ,,\n2. See the council's report\n";
    expect(rowsOf(text)).toEqual({ rows: ["2022/23"], lines: [2], messages: [] });
  });

  it("still reports a truncated last row whose first cell is a value of the first column", () => {
    expect(rowsOf("year,notes,budget\n2022/23,,12\n2023/24\nSource: DfE\n").messages).toEqual([
      "data/budget.csv:3:8: error: Unexpected 1 cell in this row, expected 3 like the header  [CsvRowRagged]\n" +
        "  hint: add the missing cells (leave them empty if there is no value); if this row is a note under the table, leave a blank row above it",
    ]);
    expect(where("year,notes,budget\n2022/23,,12\n2023/24,,\n2024/25,13\n")).toEqual([
      "data/budget.csv:4:11 CsvRowRagged",
    ]);
  });

  it("keeps a last row with only its first cell as a data row when its other cells are missing values", () => {
    const { dataset, messages } = load("year,notes,budget\n2022/23,,12\n2023/24,,\n");
    expect(messages).toEqual([]);
    expect(dataset?.rows.at(-1)).toEqual({ year: "2023/24", notes: null, budget: null });
    expect(where("year,notes,budget\n2022/23,,12\n2023/24,,\n", `missingValues: [n/a]\n${SIDECAR}`)).toEqual([
      "data/budget.csv:3:10 CellInvalid",
    ]);
  });

  it("reports a row that looks like a note when data rows follow it", () => {
    expect(where("year,notes,budget\n2022/23,,12\nSource: DfE\n2023/24,,13\n")).toEqual([
      "data/budget.csv:3:12 CsvRowRagged",
    ]);
    expect(where("year,notes,budget\n2022/23,,12\nSource: DfE,,\n2023/24,,13\n")).toEqual([
      "data/budget.csv:3:1 CellInvalid",
    ]);
  });

  it("takes rows opening as notes do under a text first column, but other words there need a blank row", () => {
    const sidecar = "title: Areas\nfields:\n  - { name: area, type: string }\n  - { name: pupils, type: integer }\n";
    const notes =
      'area,pupils\nAshfield,120\nBrook Lane,95\nSource: DfE school census,\n"Note: 2024 is provisional",\n* Estimated\n';
    const loaded = load(notes, sidecar);
    expect(loaded.messages).toEqual([]);
    expect(loaded.dataset?.rows.map((r) => r.area)).toEqual(["Ashfield", "Brook Lane"]);
    expect(printed(load("area,pupils\nCamden,12\nFigures from the DfE\n", sidecar).messages)).toEqual([
      "data/budget.csv:3:21: error: Unexpected 1 cell in this row, expected 2 like the header  [CsvRowRagged]\n" +
        "  hint: add the missing cells (leave them empty if there is no value); if this row is a note under the table, leave a blank row above it",
    ]);
    // A row opening like a note, with data rows after it, is a row: the table does not end there.
    expect(load("area,pupils\nCamden,12\nNote: see below,\nIslington,9\n", sidecar).dataset?.rows).toHaveLength(3);
  });

  it("still reports a mistyped figure under a typed first column, and never takes notes in a one-column table", () => {
    expect(where("year,notes,budget\n2022/23,,12\n2025 (provisional),,\n")).toEqual([
      "data/budget.csv:3:1 CellInvalid",
    ]);
    const dates = "title: Dates\nfields:\n  - { name: day, type: date }\n  - { name: amount, type: number }\n";
    expect(where("day,amount\n2024-01-02,5\n2024-13-01,\n", dates)).toEqual(["data/budget.csv:3:1 CellInvalid"]);
    const amounts = "title: Amounts\nfields:\n  - { name: amount, type: number }\n";
    expect(where("amount\n100\n200\n£1.2bn\nn/a\n", amounts)).toEqual([
      "data/budget.csv:4:1 CellInvalid",
      "data/budget.csv:5:1 CellInvalid",
    ]);
  });

  it("reports a header with only notes under it as a table without rows", () => {
    expect(where("year,notes,budget\nSource: DfE\n")).toEqual(["data/budget.csv:1:1 CsvRowsMissing"]);
  });
});

describe("repeated problems", () => {
  it("reports the first five bad cells of a column, then how many more", () => {
    const rows = Array.from({ length: 8 }, (_, i) => `20${10 + i},,x${i}`).join("\n");
    const messages = load(`year,notes,budget\n${rows}\n`).messages;
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      "2:7 CellInvalid",
      "3:7 CellInvalid",
      "4:7 CellInvalid",
      "5:7 CellInvalid",
      "6:7 CellInvalid",
      "7:7 CellRepeats",
    ]);
    expect(messages.at(-1)?.reason).toBe("and 3 more problems like this in column `budget`");
  });

  it("reports the first five ragged rows, then how many more", () => {
    const rows = Array.from({ length: 7 }, (_, i) => `20${10 + i},12`).join("\n");
    const messages = load(`year,notes,budget\n${rows}\n`).messages;
    expect(messages.map((m) => m.ruleId)).toEqual([...Array(5).fill("CsvRowRagged"), "CsvRowRepeats"]);
    expect(messages.at(-1)?.reason).toBe("and 2 more rows with the wrong number of cells");
  });
});
