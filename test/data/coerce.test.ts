// Cells to values: lenient numbers, strict options, scale, integers, booleans and missing values.
import { describe, expect, it } from "vitest";
import * as coerce from "../../src/data/coerce.ts";
import { coerceCell, DEFAULT_FALSE_VALUES, DEFAULT_TRUE_VALUES, type CellContext } from "../../src/data/coerce.ts";
import * as numbers from "../../src/data/numbers.ts";
import { numberRules, parseNumberCell } from "../../src/data/numbers.ts";
import type { Field } from "../../src/data/types.ts";

const field = (extra: Partial<Field> = {}): Field => ({
  name: "amount",
  type: "number",
  title: "Amount",
  scale: 1,
  line: 1,
  column: 1,
  ...extra,
});
const context: CellContext = {
  missingValues: [""],
  trueValues: DEFAULT_TRUE_VALUES,
  falseValues: DEFAULT_FALSE_VALUES,
  reference: "2024-03-01",
};
const value = (text: string, extra: Partial<Field> = {}, ctx = context) => {
  const result = coerceCell(text, field(extra), ctx);
  return "value" in result ? result.value : result.problem;
};
const read = (text: string, extra: Partial<Field> = {}) => {
  const result = parseNumberCell(text, field(extra));
  return "value" in result ? result.value : result.problem;
};

describe("the coerce and numbers modules", () => {
  it("export the cell readers and their defaults", () => {
    expect(Object.keys(coerce).sort()).toEqual([
      "DEFAULT_FALSE_VALUES",
      "DEFAULT_MISSING_VALUES",
      "DEFAULT_TRUE_VALUES",
      "coerceCell",
    ]);
    expect(Object.keys(numbers).sort()).toEqual([
      "currencyOfUnit",
      "describeNumber",
      "isPercentUnit",
      "numberRules",
      "parseNumberCell",
    ]);
  });
});

describe("lenient numbers", () => {
  it.each([
    ["1234", 1234],
    ["1,234,567.5", 1234567.5],
    ["£1,234", 1234],
    ["1,234 €", 1234],
    ["$ 12", 12],
    ["32.4%", 32.4],
    ["(1,234)", -1234],
    ["(£1,234)", -1234],
    ["-£5", -5],
    ["£-5", -5],
    ["−5", -5],
    ["+5", 5],
    ["  12  ", 12],
    [".5", 0.5],
    ["1e3", 1000],
    ["-0", 0],
  ])("reads `%s` as %d", (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it("accepts the currency its unit names, as a code, a sign or a word", () => {
    expect(read("£6,012", { unit: "GBP per week" })).toBe(6012);
    expect(read("£5", { unit: "pounds" })).toBe(5);
    expect(read("5 £", { unit: "£ per hour" })).toBe(5);
    expect(read("$5", { unit: "USD" })).toBe(5);
    expect(read("€1,200", { unit: "euros" })).toBe(1200);
    expect(read("(£1,234)")).toBe(-1234);
  });

  it("refuses another currency's sign, which would silently mix currencies", () => {
    expect(read("$12", { unit: "GBP" })).toEqual({
      expected: "a number without `$` (the field's unit is `GBP`)",
      fix: "remove the `$`, or set the field's `unit` to the currency (e.g. `GBP`) if the column holds money",
    });
    expect(read("5€", { unit: "pounds" })).toMatchObject({
      expected: "a number without `€` (the field's unit is `pounds`)",
    });
    expect(read("£12", { unit: "count" })).toMatchObject({
      expected: "a number without `£` (the field's unit is `count`)",
    });
  });

  it("accepts `%` in a share, however its unit says so, and not in money", () => {
    expect(read("32.4%", { unit: "per cent of pupils" })).toBe(32.4);
    expect(read("12%", { unit: "percent" })).toBe(12);
    expect(read("7 %", { unit: "% of budget" })).toBe(7);
    expect(read("12%")).toBe(12);
    expect(read("12%", { unit: "GBP" })).toEqual({
      expected: "a number without `%` (the field's unit is `GBP`)",
      fix: "remove the `%`, or set the field's `unit` to `percent`",
    });
    expect(read("-3.5%", { unit: "percentage points" })).toMatchObject({
      expected: expect.stringContaining("without `%`"),
    });
  });

  it("refuses a currency sign in a share, and a cell with both", () => {
    expect(read("£5", { unit: "percent" })).toMatchObject({
      expected: "a number without `£` (the field's unit is `percent`)",
    });
    expect(read("£5%")).toEqual({
      expected: "a number with a currency sign or `%`, not both",
      fix: "remove the one that does not belong: a sum of money is not a share",
    });
  });

  it("rejects a second currency sign or a word beside the sign", () => {
    expect(read("£5€", { unit: "GBP" })).toEqual({
      expected: "a number",
      fix: "remove `€` from the cell (put notes in the sidecar's `notes`), or declare the column `type: string`",
    });
    expect(read("£n/a", { unit: "pounds" })).toEqual({
      expected: "a number",
      fix: "write a number in digits; if `£n/a` means there is no value, add it to `missingValues` in the sidecar",
    });
  });

  it("explains bad grouping, spaces between groups and notes after the number", () => {
    expect(read("1,23")).toEqual({
      expected: "a number with `,` between groups of three digits",
      fix: "write it without the `,` (e.g. `123`), or correct the grouping",
    });
    expect(read("1 234")).toMatchObject({
      fix: 'write it without spaces (`1234`), or set `groupChar: " "` on the field',
    });
    expect(read("12 (est)")).toMatchObject({
      fix: "remove `(est)` from the cell (put notes in the sidecar's `notes`), or declare the column `type: string`",
    });
    expect(read("n/a")).toMatchObject({
      fix: "write a number in digits; if `n/a` means there is no value, add it to `missingValues` in the sidecar",
    });
  });

  it("suggests the figure to write for a `bn` or `m` suffix, by the field's scale", () => {
    expect(read("£1.2bn")).toMatchObject({
      fix: "write `1200000000`, or write `1200` in a column in millions (`scale: 1000000`)",
    });
    expect(read("£350m", { scale: 1000 })).toMatchObject({
      expected: "a number in thousands",
      fix: "write `350000`, since the column is in thousands (`scale: 1000`), or change the field's scale",
    });
  });
});

describe("strict numbers", () => {
  it("with `bareNumber: true` accepts digits, a decimal point and a minus sign only", () => {
    expect(read("-1234.5", { bareNumber: true })).toBe(-1234.5);
    expect(read("2,837,397.00", { bareNumber: true })).toEqual({
      expected: "a plain number (the field has `bareNumber: true`)",
      fix: 'write it without the `,` (`2837397.00`), or set `groupChar: ","` on the field to accept thousands separators',
    });
    expect(read("2,837,397.00", { bareNumber: true, groupChar: "," })).toBe(2837397);
    expect(read("£5", { bareNumber: true })).toEqual({
      expected: "a plain number (the field has `bareNumber: true`)",
      fix: "remove the `£` from the cell, or set `bareNumber: false` on the field to accept currency signs, `%` and brackets",
    });
    expect(read("(5)", { bareNumber: true })).toMatchObject({ fix: expect.stringContaining("remove the brackets") });
    expect(read("5%", { bareNumber: true })).toMatchObject({ fix: expect.stringContaining("remove the `%`") });
  });

  it("keeps currency signs and `%` out of a strict column even when its unit names them", () => {
    expect(read("£5", { bareNumber: true, unit: "GBP" })).toMatchObject({
      expected: "a plain number (the field has `bareNumber: true`)",
    });
    expect(read("32.4%", { bareNumber: true, unit: "percent" })).toMatchObject({
      fix: expect.stringContaining("remove the `%`"),
    });
  });

  it("with another `groupChar` is strict and reads the other separator as the decimal point", () => {
    expect(numberRules({ groupChar: "." })).toMatchObject({ groupChar: ".", decimalChar: ",", bare: true });
    expect(read("1.234,5", { groupChar: "." })).toBe(1234.5);
    expect(read("1 234", { groupChar: " " })).toBe(1234);
    expect(read("£1 234", { groupChar: " " })).toMatchObject({
      expected: 'a plain number (the field has `groupChar: " "`)',
    });
    expect(read("£1 234", { groupChar: " ", bareNumber: false })).toBe(1234);
  });
});

describe("cells by type", () => {
  it("multiplies by `scale` to the true value without float noise", () => {
    expect(value("1.1", { scale: 1_000_000 })).toBe(1_100_000);
    expect(value("£20.9", { scale: 1_000_000, unit: "GBP" })).toBe(20_900_000);
  });

  it("rejects a fraction in an integer column", () => {
    expect(value("1.5", { type: "integer" })).toEqual({
      expected: "a whole number",
      fix: "write a whole number such as `2`, or change the field's `type` to `number`",
    });
    expect(value("1,323", { type: "integer" })).toBe(1323);
  });

  it("reads booleans in any case, with yes and no, or the sidecar's own words", () => {
    expect(["TRUE", "yes", "1", "False", "NO", "0"].map((t) => value(t, { type: "boolean" }))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(value("maybe", { type: "boolean" })).toEqual({
      expected: "one of `true`, `1`, `yes`, `false`, `0`, `no`",
      fix: "write one of those, or add the word to `trueValues` or `falseValues` in the sidecar",
    });
    expect(value("Y", { type: "boolean" }, { ...context, trueValues: ["Y"], falseValues: ["N"] })).toBe(true);
  });

  it("makes declared missing values null, whatever the spaces around them", () => {
    const ctx = { ...context, missingValues: ["", "n/a", ".."] };
    expect(["", "   ", "n/a", " .. "].map((t) => value(t, {}, ctx))).toEqual([null, null, null, null]);
    expect(value("n/a")).toMatchObject({ expected: "a number" });
  });

  it("keeps strings and periods as written, trimmed", () => {
    expect(value("  01234 ", { type: "string" })).toBe("01234");
    expect(value(" 2023/24 ", { type: "period" })).toBe("2023/24");
  });

  it("rejects a period it cannot read, listing the accepted forms", () => {
    expect(value("Spring 2023", { type: "period" })).toEqual({
      expected:
        "a period such as `2023`, `2023/24`, `2023-24`, `FY2023/24`, `Q3 2023`, `2023 Q3`, `Q1 2023/24`, `Jan 2024`",
      fix: "write the period in one of those forms, or declare the column `type: string` if it is not a period",
    });
  });

  it("reads dates as ISO unless the field has a `dateFormat`", () => {
    expect(value("2024-01-05", { type: "date" })).toEqual(new Date(Date.UTC(2024, 0, 5)));
    expect(value("05/01/2024", { type: "date" })).toEqual({
      expected: "a date written `YYYY-MM-DD`",
      fix: "write it as `2024-01-05` (YYYY-MM-DD), or add a `dateFormat` such as `DD/MM/YYYY` to the field to match the file",
    });
    expect(value("05/01/2024", { type: "date", dateFormat: "DD/MM/YYYY" })).toEqual(new Date(Date.UTC(2024, 0, 5)));
  });
});
