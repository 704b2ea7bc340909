// Period labels and their chronological order.
import { describe, expect, it } from "vitest";
import * as periods from "../../src/data/periods.ts";
import { comparePeriods, parsePeriod } from "../../src/data/periods.ts";

const month = (year: number, index: number) => year * 12 + index;

describe("the periods module", () => {
  it("exports the period parser, its order and its examples", () => {
    expect(Object.keys(periods).sort()).toEqual(["PERIOD_EXAMPLES", "comparePeriods", "parsePeriod"]);
  });
});

describe("parsePeriod", () => {
  it.each([
    ["2023", "year", month(2023, 0), 12],
    ["2021/22", "financial-year", month(2021, 3), 12],
    ["2021-22", "financial-year", month(2021, 3), 12],
    ["2021–22", "financial-year", month(2021, 3), 12],
    ["2021/2022", "financial-year", month(2021, 3), 12],
    ["FY2021/22", "financial-year", month(2021, 3), 12],
    ["FY 2021/22", "financial-year", month(2021, 3), 12],
    ["1999/00", "financial-year", month(1999, 3), 12],
    ["Q3 2023", "quarter", month(2023, 6), 3],
    ["2023 Q3", "quarter", month(2023, 6), 3],
    ["2023-Q3", "quarter", month(2023, 6), 3],
    ["2023q3", "quarter", month(2023, 6), 3],
    ["Q1 2023/24", "financial-quarter", month(2023, 3), 3],
    ["2023/24 Q4", "financial-quarter", month(2024, 0), 3],
    ["Jan 2024", "month", month(2024, 0), 1],
    ["January 2024", "month", month(2024, 0), 1],
    ["Sept 2024", "month", month(2024, 8), 1],
  ])("reads `%s` as a %s", (label, kind, start, months) => {
    expect(parsePeriod(label)).toEqual({ label, kind, start, months });
  });

  it("refuses labels that are not periods, or whose years do not follow", () => {
    expect(["2021/23", "Spring 2023", "Q5 2023", "2024-01", "Janu 2024", "23/24", ""].map(parsePeriod)).toEqual(
      Array(7).fill(undefined),
    );
  });
});

describe("comparePeriods", () => {
  it("sorts mixed labels chronologically, longer periods first, non-periods last", () => {
    const labels = ["zzz", "2023/24", "Jan 2023", "Q1 2023", "2023", "2021-22", "2022/23", "Q2 2023", "abc", "2023 Q4"];
    expect(labels.sort(comparePeriods)).toEqual([
      "2021-22",
      "2022/23",
      "2023",
      "Q1 2023",
      "Jan 2023",
      "2023/24",
      "Q2 2023",
      "2023 Q4",
      "abc",
      "zzz",
    ]);
  });
});
