// The sidecar: its schema, defaults, and mistakes reported at their own line and column.
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data/index.ts";
import * as sidecarModule from "../../src/data/sidecar.ts";
import { parseSidecar } from "../../src/data/sidecar.ts";
import { sortMessages } from "../../src/errors/diagnostic.ts";
import { printed, tempProject } from "./helpers.ts";

const parse = (source: string) => parseSidecar({ source, file: "data/x.yml" });
const sorted = (source: string) => sortMessages(parse(source).diagnostics.messages);
const messagesOf = (source: string) => printed(sorted(source));
const FIELDS = "fields:\n  - { name: year, type: period }\n  - { name: budget, type: number }\n";

describe("the sidecar module", () => {
  it("exports the parser and the names it accepts", () => {
    expect(Object.keys(sidecarModule).sort()).toEqual(["DERIVED_TYPES", "ENCODINGS", "FIELD_TYPES", "parseSidecar"]);
  });
});

describe("a valid sidecar", () => {
  it("fills in defaults: title from name, scale 1, lenient numbers, one note as a list", () => {
    const { sidecar, diagnostics } = parse(`title: Budget\nnotes: One note.\nprimaryKey: year\n${FIELDS}`);
    expect(diagnostics.messages).toEqual([]);
    expect(sidecar).toMatchObject({
      title: "Budget",
      notes: ["One note."],
      headerRow: 1,
      encoding: "utf-8",
      primaryKey: ["year"],
      missingValues: [""],
      derive: [],
    });
    expect(sidecar?.fields).toEqual([
      { name: "year", type: "period", title: "year", scale: 1, line: 5, column: 5 },
      {
        name: "budget",
        type: "number",
        title: "budget",
        scale: 1,
        groupChar: ",",
        bareNumber: false,
        line: 6,
        column: 5,
      },
    ]);
  });

  it("makes a field with another groupChar strict unless it says `bareNumber: false`", () => {
    const { sidecar } = parse(
      "title: T\nfields:\n  - { name: a, type: number, groupChar: '.' }\n  - { name: b, type: number, groupChar: ' ', bareNumber: false }\n",
    );
    expect(sidecar?.fields.map((f) => [f.groupChar, f.bareNumber])).toEqual([
      [".", true],
      [" ", false],
    ]);
  });
});

describe("mistakes in a sidecar", () => {
  it("reports invalid YAML at the parser's position", () => {
    expect(messagesOf("title: Budget: 2024\nfields: []\n")).toEqual([
      "data/x.yml:1:8: error: Invalid YAML in sidecar: Nested mappings are not allowed in compact mappings  [SidecarYamlInvalid]\n" +
        "  hint: check the indentation and that values containing `:` or `#` are in quotes",
    ]);
  });

  it("reports missing required keys, at the map that lacks them", () => {
    expect(messagesOf("description: no title or fields\n")).toEqual([
      "data/x.yml:1:1: error: Missing required key `fields` in sidecar  [SidecarMissingKey]\n" +
        "  hint: add it, for example `fields: [{ name: year, type: period }]`",
      "data/x.yml:1:1: error: Missing required key `title` in sidecar  [SidecarMissingKey]\n" +
        "  hint: add it, for example `title: Council budget and outturn`",
    ]);
    expect(messagesOf("title: T\nfields:\n  - name: year\n")).toEqual([
      "data/x.yml:3:5: error: Missing required key `type` in sidecar  [SidecarMissingKey]\n  hint: add it, for example `type: number`",
    ]);
  });

  it("asks for quotes around a name YAML reads as a number", () => {
    expect(messagesOf("title: T\nfields:\n  - { name: 2019, type: number }\n")).toEqual([
      "data/x.yml:3:13: error: Unexpected `2019` for `fields[0].name`, expected a column name (in quotes if it looks like a number)  [SidecarInvalidValue]\n" +
        '  hint: put it in quotes: `"2019"`',
    ]);
  });

  it("reports values of the wrong kind at the value", () => {
    const source = `title: T\nheaderRow: two\nencoding: latin-1\nsource: { name: C, published: 2024-02-30 }\nscale: 1\n${FIELDS}`;
    expect(sorted(source).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toEqual([
      "2:12 SidecarInvalidValue Unexpected `two` for `headerRow`, expected a line number such as `3`",
      "3:11 SidecarInvalidValue Unexpected `latin-1` for `encoding`, expected `utf-8` or `windows-1252`",
      "4:31 SidecarInvalidValue Unexpected `2024-02-30` for `source.published`, expected a date that exists, written `YYYY-MM-DD`",
      "5:1 SidecarUnknownKey Unexpected key `scale` in sidecar",
    ]);
  });

  it("accepts only web addresses as a source url, so no script link reaches a page", () => {
    const source = `title: T\nsource: { name: C, url: "javascript:alert(1)" }\n${FIELDS}`;
    expect(sorted(source).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toEqual([
      "2:25 SidecarInvalidValue Unexpected `javascript:alert(1)` for `source.url`, expected a web address starting with `https://` or `http://`",
    ]);
    expect(sorted(`title: T\nsource: { name: C, url: "https://example.org/report.pdf" }\n${FIELDS}`)).toEqual([]);
  });

  it("reports keys that do not fit the field's type at the key", () => {
    const source =
      "title: T\nfields:\n  - name: a\n    type: number\n    dateFormat: DD/MM/YYYY\nderive:\n  - name: b\n    scale: 1000\n    expression: a * 2\n";
    expect(messagesOf(source)).toEqual([
      "data/x.yml:5:5: error: Unexpected `dateFormat` on field `a` of type `number`  [SidecarKeyNotApplicable]\n" +
        "  hint: `dateFormat` applies to `date` fields only: remove it, or change the field's `type`",
      "data/x.yml:8:5: error: Unexpected `scale` on derived field `b`  [SidecarKeyNotApplicable]\n" +
        "  hint: a derived column is computed, not read from the CSV: remove `scale`",
    ]);
  });

  it("reports date patterns and number formats that do not parse", () => {
    const source =
      "title: T\nfields:\n  - { name: d, type: date, dateFormat: DD/MM/YYYY hh }\n  - { name: n, type: number, format: £0.0 per week }\n";
    expect(messagesOf(source)).toEqual([
      "data/x.yml:3:40: error: Unexpected `DD/MM/YYYY hh` for `dateFormat`, expected a date pattern such as `DD/MM/YYYY`  [SidecarInvalidValue]\n" +
        "  hint: `hh` is not a date token (use YYYY, YY, MMMM, MMM, MM, M, DD or D)",
      "data/x.yml:4:38: error: Unexpected `£0.0 per week` for `format`, expected a number format such as `£0.0m`, `£#,##0`, `#,##0` or `0.0%`  [SidecarInvalidValue]\n" +
        "  hint: use `0` and `#` for digits, `,` for thousands, an optional `£`, and `k`, `m`, `bn` or `%` at the end; or a d3-format specifier such as `,.1f`",
    ]);
  });

  it("reports a repeated field name, a primary key that is not a field, and a word both true and false", () => {
    const source = `title: T\nprimaryKey: [year, area]\ntrueValues: [Y]\nfalseValues: [N, y]\n${FIELDS}  - { name: year, type: string }\n`;
    expect(sorted(source).map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual([
      "2:20 Unexpected `area` for `primaryKey`, expected one of the declared fields: `year`, `budget`, `year`",
      "4:18 Unexpected `y` for `falseValues`, expected a word not in `trueValues`",
      "8:13 Unexpected `year` for `name`, expected a name no other field has",
    ]);
  });
});

describe("sidecar and CSV together", () => {
  it("checks the CSV's shape even when the sidecar has mistakes, and reports both", () => {
    const root = tempProject({
      "x.csv": "Title row\nyear,budget\n2023/24,1,2\n",
      "x.yml": `title: T\nheaderRow: 2\nlicense: OGL\n${FIELDS}`,
    });
    expect(loadDataset({ root, id: "x" }).messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      "data/x.csv:3:11 CsvRowRagged",
      "data/x.yml:3:1 SidecarUnknownKey",
    ]);
  });

  const together = (csv: string, sidecar: string) =>
    loadDataset({ root: tempProject({ "x.csv": csv, "x.yml": sidecar }), id: "x" }).messages.map(
      (m) => `${m.file}:${m.line}:${m.column} ${m.ruleId}`,
    );
  const BAD_CELL = "year,budget\n2023/24,lots\n";

  it("checks the cells when the sidecar's only mistakes are descriptive: title, source, unit, print format", () => {
    const sidecar = [
      "description: no title",
      "source: { url: council.gov.uk, organisation: C }",
      "updated: 2024-02-30",
      "fields:",
      "  - { name: year, type: period, title: [Year] }",
      "  - { name: budget, type: number, unit: 5, format: £0.0 per week, colour: red }",
      "",
    ].join("\n");
    expect(together(BAD_CELL, sidecar)).toEqual([
      "data/x.csv:2:9 CellInvalid",
      "data/x.yml:1:1 SidecarMissingKey",
      "data/x.yml:2:1 SidecarMissingKey",
      "data/x.yml:2:16 SidecarInvalidValue",
      "data/x.yml:2:32 SidecarUnknownKey",
      "data/x.yml:3:10 SidecarInvalidValue",
      "data/x.yml:5:40 SidecarInvalidValue",
      "data/x.yml:6:41 SidecarInvalidValue",
      "data/x.yml:6:52 SidecarInvalidValue",
      "data/x.yml:6:67 SidecarUnknownKey",
    ]);
  });

  it("stops at the sidecar when a field's type is wrong, since the column's cells cannot be checked without it", () => {
    const sidecar = `title: T\nlicense: OGL\nfields:\n  - { name: year, type: period }\n  - { name: budget, type: money }\n`;
    expect(together(BAD_CELL, sidecar)).toEqual([
      "data/x.yml:2:1 SidecarUnknownKey",
      "data/x.yml:5:27 SidecarInvalidValue",
    ]);
  });

  it("stops at the sidecar when an unknown key is a typo of one that changes how cells read", () => {
    expect(together(BAD_CELL, `title: T\nmissingValue: [lots]\n${FIELDS}`)).toEqual([
      "data/x.yml:2:1 SidecarUnknownKey",
    ]);
    expect(together(BAD_CELL, `title: T\nheaderrow: 2\n${FIELDS}`)).toEqual(["data/x.yml:2:1 SidecarUnknownKey"]);
    const field =
      "title: T\nfields:\n  - { name: year, type: period }\n  - { name: budget, type: number, groupchar: '.' }\n";
    expect(together(BAD_CELL, field)).toEqual(["data/x.yml:4:35 SidecarUnknownKey"]);
  });

  it("stops at the sidecar when a key that changes how cells read is wrong, such as `missingValues` or `dateFormat`", () => {
    const missing = `title: T\nmissingValues: n/a\n${FIELDS}`;
    expect(together(BAD_CELL, missing)).toEqual(["data/x.yml:2:16 SidecarInvalidValue"]);
    const dates =
      "title: T\nfields:\n  - { name: year, type: date, dateFormat: DD/MM/YYYY hh }\n  - { name: budget, type: number }\n";
    expect(together(BAD_CELL, dates)).toEqual(["data/x.yml:3:43 SidecarInvalidValue"]);
  });
});
