import { describe, expect, it } from "vitest";
import * as exported from "../../src/data/export.ts";
import { datasetCsv, exportValue, neutraliseCell } from "../../src/data/export.ts";
import type { Field } from "../../src/data/types.ts";

const field = (name: string, type: Field["type"]): Field => ({ name, type, title: name, scale: 1, line: 1, column: 1 });

describe("the cleaned CSV writer", () => {
  it("exports the writer and its two cell helpers", () => {
    expect(Object.keys(exported).sort()).toEqual(["datasetCsv", "exportValue", "neutraliseCell"]);
  });

  it("neutralises text a spreadsheet would run: =, +, -, @, tab and carriage return", () => {
    expect(neutraliseCell('=HYPERLINK("http://evil.example/","Click")')).toBe(
      `'=HYPERLINK("http://evil.example/","Click")`,
    );
    expect(neutraliseCell("+1")).toBe("'+1");
    expect(neutraliseCell("-1")).toBe("'-1");
    expect(neutraliseCell("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(neutraliseCell("\t=1+2")).toBe("'\t=1+2");
    expect(neutraliseCell("\r=1+2")).toBe("'\r=1+2");
    expect(neutraliseCell("Fostering")).toBe("Fostering");
    expect(neutraliseCell("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
  });

  it("writes numbers plainly, negatives as numbers, dates as ISO, booleans as words and missing as empty", () => {
    expect(exportValue(20900000)).toBe("20900000");
    expect(exportValue(-1200000)).toBe("-1200000");
    expect(exportValue(0.25)).toBe("0.25");
    expect(exportValue(-0)).toBe("0");
    expect(exportValue(1e21)).toBe("1000000000000000000000");
    expect(exportValue(new Date(Date.UTC(2024, 0, 5)))).toBe("2024-01-05");
    expect(exportValue(true)).toBe("true");
    expect(exportValue(false)).toBe("false");
    expect(exportValue(null)).toBe("");
    expect(exportValue(Number.NaN)).toBe("");
  });

  it("quotes cells holding commas, quotes and line breaks, and quotes a neutralised carriage return", () => {
    const csv = datasetCsv({
      fields: [field("name", "string"), field("amount", "number")],
      rows: [
        { name: "Smith, J", amount: 1 },
        { name: 'The "best" home', amount: 2 },
        { name: "two\nlines", amount: null },
        { name: "\r=cmd", amount: -3 },
      ],
    });
    expect(csv).toBe('name,amount\n"Smith, J",1\n"The ""best"" home",2\n"two\nlines",\n"\'\r=cmd",-3\n');
  });
});
