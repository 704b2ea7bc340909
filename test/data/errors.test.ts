// Each committed fixture is a tiny project whose dataset has one kind of mistake; the messages are
// pinned exactly as a reporter's terminal shows them.
import { describe, expect, it } from "vitest";
import { loadDatasets } from "../../src/data/index.ts";
import { fixtureRoot, printed } from "./helpers.ts";

const messagesOf = (name: string): string[] =>
  printed(loadDatasets({ root: fixtureRoot(name), today: "2024-06-01" }).messages);

describe("errors in CSV cells", () => {
  it("rejects `£1.2bn`, `twelve`, `1.2.3` and `12abc` in a number column with their line, column and a fix", () => {
    expect(messagesOf("number-words")).toEqual([
      "data/budget.csv:2:9: error: Unexpected `£1.2bn` in column `budget`, expected a number in millions  [CellInvalid]\n" +
        "  hint: write `1200`, since the column is in millions (`scale: 1000000`), or change the field's scale",
      "data/budget.csv:3:9: error: Unexpected `twelve` in column `budget`, expected a number in millions  [CellInvalid]\n" +
        "  hint: write it in digits: `12`",
      "data/budget.csv:4:9: error: Unexpected `1.2.3` in column `budget`, expected a number in millions with at most one decimal point  [CellInvalid]\n" +
        "  hint: check the cell: it has more than one `.`",
      "data/budget.csv:5:9: error: Unexpected `12abc` in column `budget`, expected a number in millions  [CellInvalid]\n" +
        "  hint: remove `abc` from the cell (put notes in the sidecar's `notes`), or declare the column `type: string`",
    ]);
  });

  it("rejects a cell that does not match the field's dateFormat, and a date that does not exist", () => {
    expect(messagesOf("dates")).toEqual([
      "data/events.csv:3:7: error: Unexpected `2024-01-05` in column `date`, expected a date written `DD/MM/YYYY`  [CellInvalid]\n" +
        "  hint: write it like `05/01/2024` (`DD/MM/YYYY`), or change the field's `dateFormat` to match the file",
      "data/events.csv:4:8: error: Unexpected `31/02/2024` in column `date`, expected a date that exists  [CellInvalid]\n" +
        "  hint: February 2024 has 29 days: check the day and the month",
      "data/events.csv:4:19: error: Unexpected `5-Jan-07` in column `short`, expected a date written `DD-MMM-YY`  [CellInvalid]\n" +
        "  hint: write it like `05-Jan-24` (`DD-MMM-YY`), or change the field's `dateFormat` to match the file",
      "data/events.csv:5:6: error: Unexpected `29/02/2023` in column `date`, expected a date that exists  [CellInvalid]\n" +
        "  hint: February 2023 has 28 days: check the day and the month",
      "data/events.csv:5:17: error: Unexpected `31-Sep-20` in column `short`, expected a date that exists  [CellInvalid]\n" +
        "  hint: September 2020 has 30 days: check the day and the month",
    ]);
  });

  it("reports a repeated primary key at the repeating row, naming the first row's line, and a missing key cell", () => {
    expect(messagesOf("duplicate-key")).toEqual([
      "data/rates.csv:4:1: error: Unexpected repeated key `North, 2023` in `area, year`, first used on line 2  [PrimaryKeyDuplicate]\n" +
        "  hint: each row needs a different key: remove the duplicate row, or add a column to `primaryKey`",
      "data/rates.csv:5:1: error: Missing value in column `area`, which is part of the primary key  [CellMissing]\n" +
        "  hint: every row needs a value in each primary-key column",
    ]);
  });
});

describe("errors in the CSV's shape", () => {
  it("reports rows with too many cells at the first extra cell and too few at the end of the row", () => {
    expect(messagesOf("ragged-row")).toEqual([
      "data/budget.csv:3:15: error: Unexpected 4 cells in this row, expected 3 like the header  [CsvRowRagged]\n" +
        "  hint: remove the extra cells, or put quotes around a cell that contains a comma",
      "data/budget.csv:4:11: error: Unexpected 2 cells in this row, expected 3 like the header  [CsvRowRagged]\n" +
        "  hint: add the missing cells (leave them empty if there is no value)",
    ]);
  });

  it("reports a duplicated and an empty header name at their header cells", () => {
    expect(messagesOf("duplicate-header")).toEqual([
      "data/budget.csv:1:13: error: Unexpected second column named `budget`, the same name as column 2  [CsvHeaderDuplicate]\n" +
        "  hint: give each column a different name in the header row",
      "data/budget.csv:1:20: error: Missing name for column 4 in the header row  [CsvHeaderEmpty]\n" +
        "  hint: type a name in the header cell, or delete the empty column",
    ]);
  });

  it("reports a CSV column the sidecar does not declare at its header cell", () => {
    expect(messagesOf("undeclared-column")).toEqual([
      "data/budget.csv:1:13: error: Unexpected column `comment`, not declared in the sidecar  [CsvColumnUndeclared]\n" +
        "  hint: add `- { name: comment, type: string }` (with the right type) to `fields` in `data/budget.yml`, or delete the column",
    ]);
  });

  it("reports a declared column missing from the CSV at the field in the sidecar", () => {
    expect(messagesOf("missing-column")).toEqual([
      "data/budget.yml:7:5: error: Missing column `outturn` in `data/budget.csv`  [CsvColumnMissing]\n" +
        "  hint: the file has `year`, `budget`; fix the `name` here or add the column to the CSV",
    ]);
  });
});

describe("errors in the sidecar", () => {
  it("reports unknown keys at the key's own line and column, with a suggestion for a near miss", () => {
    expect(messagesOf("unknown-key")).toEqual([
      "data/budget.yml:2:1: error: Unexpected key `license` in sidecar  [SidecarUnknownKey]\n" +
        "  hint: did you mean `licence`?",
      "data/budget.yml:5:3: error: Unexpected key `publisher` in sidecar  [SidecarUnknownKey]\n" +
        "  hint: did you mean `published`?",
      "data/budget.yml:10:11: error: Unexpected `money` for `fields[1].type`, expected one of `string`, `number`, `integer`, `date`, `boolean`, `period`  [SidecarInvalidValue]\n" +
        "  hint: change `fields[1].type` to one of `string`, `number`, `integer`, `date`, `boolean`, `period`",
      "data/budget.yml:11:5: error: Unexpected key `colour` in sidecar  [SidecarUnknownKey]\n" +
        "  hint: remove it or use one of `name`, `title`, `description`, `unit`, `scale`, `format`, `dateFormat`, `groupChar`, `bareNumber`, `type`",
    ]);
  });

  it("reports an unknown key together with the CSV's bad cell and repeated key, not instead of them", () => {
    expect(messagesOf("unknown-key-with-bad-cells")).toEqual([
      "data/pk.csv:3:7: error: Unexpected `lots` in column `pupils`, expected a whole number  [CellInvalid]\n" +
        "  hint: write a number in digits; if `lots` means there is no value, add it to `missingValues` in the sidecar",
      "data/pk.csv:4:1: error: Unexpected repeated key `Abbey` in `school`, first used on line 2  [PrimaryKeyDuplicate]\n" +
        "  hint: each row needs a different key: remove the duplicate row, or add a column to `primaryKey`",
      "data/pk.yml:3:1: error: Unexpected key `colour` in sidecar  [SidecarUnknownKey]\n" +
        "  hint: remove it or use one of `title`, `description`, `source`, `licence`, `notes`, `updated`, `publish`, `headerRow`, `encoding`, `primaryKey`, `missingValues`, `trueValues`, `falseValues`, `fields`, `derive`",
    ]);
  });

  it("reports a derive naming a missing or non-numeric column at the name inside the expression", () => {
    expect(messagesOf("derive-unknown")).toEqual([
      "data/budget.yml:9:27: error: Unexpected name `budgett` in the expression for `overspend`, expected a numeric column  [DeriveUnknownColumn]\n" +
        "  hint: numeric columns available: `budget`, `outturn`",
      "data/budget.yml:11:29: error: Unexpected name `service` in the expression for `per_service`, expected a numeric column  [DeriveUnknownColumn]\n" +
        "  hint: numeric columns available: `budget`, `outturn`, `overspend`",
    ]);
  });

  it("reports a derive that is not arithmetic at the offending character, quoted or not", () => {
    const hint = "  hint: use column names, numbers, `+ - * /` and brackets only, e.g. `outturn - budget`";
    expect(messagesOf("derive-syntax")).toEqual([
      "data/budget.yml:8:23: error: Invalid expression `budget; rm` for derived column `shell`: unexpected `;`  [DeriveSyntax]\n" +
        hint,
      "data/budget.yml:10:21: error: Invalid expression `Math.max(budget)` for derived column `call`: unexpected `.`  [DeriveSyntax]\n" +
        hint,
      "data/budget.yml:12:26: error: Invalid expression `budget ** 2` for derived column `power`: unexpected `*`  [DeriveSyntax]\n" +
        hint,
      "data/budget.yml:14:34: error: Invalid expression `(outturn - budget` for derived column `open`: missing `)`  [DeriveSyntax]\n" +
        hint,
    ]);
  });
});
