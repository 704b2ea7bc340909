// Printing: the `format` mini-language, d3 specifiers, and defaults by unit and type.
import { describe, expect, it } from "vitest";
import * as format from "../../src/data/format.ts";
import { formatColumn, formatValue, numberFormatter, parseNumberFormat } from "../../src/data/format.ts";
import { parseSidecar } from "../../src/data/sidecar.ts";
import type { Field } from "../../src/data/types.ts";

const field = (extra: Partial<Field> = {}): Field => ({
  name: "x",
  type: "number",
  title: "X",
  scale: 1,
  line: 1,
  column: 1,
  ...extra,
});
const print = (pattern: string, n: number, unit?: string) => parseNumberFormat(pattern, unit)!(n);

describe("the format module", () => {
  it("exports the printers and their defaults", () => {
    expect(Object.keys(format).sort()).toEqual([
      "DEFAULT_DATE_FORMAT",
      "MISSING",
      "exactNumberFormatter",
      "formatColumn",
      "formatPatternProblem",
      "formatValue",
      "numberFormatter",
      "parseNumberFormat",
    ]);
  });
});

describe("format patterns", () => {
  it.each([
    ["£0.0m", 20_900_000, "GBP", "£20.9m"],
    ["£0m", 153_000_000, "GBP", "£153m"],
    ["£0.00bn", 1_200_000_000, "GBP", "£1.20bn"],
    ["£0k", 12_345, "GBP", "£12k"],
    ["£#,##0", 1234, "GBP", "£1,234"],
    ["£#,##0.00", 1234.5, "GBP", "£1,234.50"],
    ["#,##0", 1323, "people", "1,323"],
    ["0", 2020, undefined, "2020"],
    ["0.0", 4.4286, "ratio", "4.4"],
    ["0.0#", 4.5, undefined, "4.5"],
    ["0.0%", 32.4, "percent", "32.4%"],
    ["0%", 32.4, "percent", "32%"],
    ["0.0%", 0.324, "ratio", "32.4%"],
    ["$#,##0", 1234, "USD", "$1,234"],
    ["€0.0m", 2_500_000, "EUR", "€2.5m"],
  ])("prints with `%s`: %d (%s) as %s", (pattern, n, unit, expected) => {
    expect(print(pattern, n, unit)).toBe(expected);
  });

  it("puts the minus sign before the currency", () => {
    expect(print("£0.0m", -1_200_000, "GBP")).toBe("−£1.2m");
    expect(print("£#,##0", -0.2, "GBP")).toBe("£0");
  });

  it("accepts raw d3-format specifiers, in the currency of the field's unit", () => {
    expect(print(",.1f", 1234.56)).toBe("1,234.6");
    expect(print("$,.0f", 1234, "GBP")).toBe("£1,234");
    expect(print("$,.0f", 1234, "USD")).toBe("$1,234");
    expect(print(".1%", 0.324)).toBe("32.4%");
  });

  it("refuses a pattern that is neither grammar", () => {
    expect(["£0.0mm", "#,##0.0.0", "0,0 per week", "money"].map((p) => parseNumberFormat(p))).toEqual(
      Array(4).fill(undefined),
    );
  });
});

describe("format sizes", () => {
  it("refuses a d3 width above 30 or more than 20 decimals, in the check every format goes through", () => {
    expect(format.formatPatternProblem("500000000f", "number")).toEqual({
      expected: "a number format with a width of at most 30",
      fix: "remove the width (the digits before `.` or the type letter): pages and charts size their own columns",
    });
    expect(format.formatPatternProblem(`${"9".repeat(400)}f`, "number")).toMatchObject({
      expected: "a number format with a width of at most 30",
    });
    expect(format.formatPatternProblem(".25f", "number")).toMatchObject({
      expected: expect.stringContaining("20 decimals"),
    });
    expect(format.formatPatternProblem(`0.${"0".repeat(21)}`, "number")).toMatchObject({
      expected: "a number format with at most 20 decimals",
    });
    expect(format.formatPatternProblem("30,.20f", "number")).toBeUndefined();
  });

  it("prints with the default instead of padding when an unchecked pattern asks for a huge width", () => {
    expect(parseNumberFormat("500000000f")).toBeUndefined();
    expect(numberFormatter(field({ unit: "GBP" }), "500000000f")(1234)).toBe("£1,234");
  });

  it("reports a huge width in a sidecar at the field's `format`", () => {
    const source = "title: T\nfields:\n  - name: a\n    type: number\n    format: 500000000f\n";
    const { diagnostics } = parseSidecar({ source, file: "data/t.yml" });
    expect(diagnostics.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual([
      "5:13 Unexpected `500000000f` for `format`, expected a number format with a width of at most 30",
    ]);
  });
});

describe("default formats", () => {
  it("prints money in pounds, and millions and billions from a million up", () => {
    const f = numberFormatter(field({ unit: "GBP" }));
    expect([1234, 1234.5, 20_900_000, 153_000_000, 1_200_000_000, 999_960_000, -1_200_000].map(f)).toEqual([
      "£1,234",
      "£1,234.50",
      "£20.9m",
      "£153m",
      "£1.2bn",
      "£1bn",
      "−£1.2m",
    ]);
    expect(numberFormatter(field({ unit: "GBP per week" }))(6012)).toBe("£6,012");
  });

  it("prints percent, counts and other numbers with separators and few decimals", () => {
    expect(numberFormatter(field({ unit: "percent" }))(32.44)).toBe("32.4%");
    expect(numberFormatter(field({ unit: "count", type: "integer" }))(1323)).toBe("1,323");
    expect(numberFormatter(field())(0.255)).toBe("0.26");
  });

  it("lets a chart's format override the field's", () => {
    const f = field({ unit: "GBP", format: "£0.0m" });
    expect(numberFormatter(f)(20_900_000)).toBe("£20.9m");
    expect(numberFormatter(f, "£#,##0")(20_900_000)).toBe("£20,900,000");
  });
});

describe("formatValue", () => {
  it("prints a missing or non-finite value as a dash, never NaN or undefined", () => {
    expect([
      formatValue(null, field()),
      formatValue(undefined, field()),
      formatValue(Number.NaN, field()),
      formatValue(Infinity, field()),
    ]).toEqual(["–", "–", "–", "–"]);
    expect(formatValue(new Date(Number.NaN), field({ type: "date" }))).toBe("–");
  });

  it("prints dates as `5 January 2024` unless a format says otherwise", () => {
    const date = new Date(Date.UTC(2024, 0, 5));
    expect(formatValue(date, field({ type: "date" }))).toBe("5 January 2024");
    expect(formatValue(date, field({ type: "date", format: "MMM YYYY" }))).toBe("Jan 2024");
    expect(formatValue(date, field({ type: "date" }), "DD/MM/YYYY")).toBe("05/01/2024");
  });

  it("prints booleans as yes and no, and strings and periods as they are", () => {
    expect(formatValue(true, field({ type: "boolean" }))).toBe("yes");
    expect(formatValue(false, field({ type: "boolean" }))).toBe("no");
    expect(formatValue("2023/24", field({ type: "period" }))).toBe("2023/24");
    expect(formatValue("<script>", field({ type: "string" }))).toBe("<script>");
  });
});

describe("integers without a unit", () => {
  it("prints them as written, since they are usually years or codes, and groups counts", () => {
    const year = { type: "integer", unit: undefined, format: undefined } as const;
    const count = { type: "integer", unit: "count", format: undefined } as const;
    expect(formatValue(2019, year)).toBe("2019");
    expect(formatValue(1323, count)).toBe("1,323");
  });
});

describe("printing a table column in full", () => {
  it("never abbreviates money where a reader checks the exact figure", () => {
    const money = field({ unit: "GBP" });
    expect(formatValue(6_234_232, money)).toBe("£6.2m");
    expect(formatColumn([6_234_232, 1_200], money)).toEqual(["£6,234,232", "£1,200"]);
  });

  it("prints pence on every row when any row of the column has them", () => {
    const money = field({ unit: "GBP" });
    expect(formatColumn([270_489, 373_399.84, -59_055.05, null], money)).toEqual([
      "£270,489.00",
      "£373,399.84",
      "−£59,055.05",
      "–",
    ]);
  });

  it("keeps the sidecar's format and a chart's format, and other units' defaults", () => {
    expect(formatColumn([6_234_232], field({ unit: "GBP", format: "£0.0m" }))).toEqual(["£6.2m"]);
    expect(formatColumn([6_234_232], field({ unit: "GBP" }), "£0k")).toEqual(["£6234k"]);
    expect(formatColumn([1323, 0.25], field({ unit: "count" }))).toEqual(["1,323", "0.25"]);
    expect(formatColumn(["Camden", undefined], field({ type: "string" }))).toEqual(["Camden", "–"]);
  });
});
