// `alt` defaults to a description written from the data, for custom charts too: Plotline did not
// lay them out, but it knows their dataset, their rows and the columns on x and y.
import { describe, expect, it } from "vitest";
import { draw, lines } from "./helpers.ts";

const description = (block: string) => {
  const { chart, messages } = draw(block);
  expect(lines(messages)).toEqual([]);
  return chart!.description;
};

describe("the default alt of a custom chart", () => {
  it("names what is on x and y, the rows and the extremes of each value column", () => {
    expect(
      description(
        "data: lines\ntype: custom\nmodule: budget-gap\nx: line\ny: [budget, forecast]\ntitle: Every line overran",
      ),
    ).toBe(
      "Chart of budget and forecast by budget line: 4 rows of Test spending by budget line. " +
        "Budget is highest for Staffing and agency cover at £48.1m and lowest for Supported accommodation at £3.5m. " +
        "Forecast is highest for Staffing and agency cover at £50.3m and lowest for Supported accommodation at £15.5m.",
    );
  });

  it("gives the range of an ordered x and skips missing figures", () => {
    expect(
      description("data: budget\ntype: custom\nmodule: budget-gap\nx: year\ny: [budget, overspend]\ntitle: T"),
    ).toBe(
      "Chart of budget and overspend by financial year, 2020/21 to 2023/24: 4 rows of Test trust budget. " +
        "Budget is highest in 2023/24 at £153.0m and lowest in 2020/21 at £120.5m. " +
        "Overspend is highest in 2022/23 at £20.9m and lowest in 2020/21 at −£1.2m.",
    );
  });

  it("asks for alt when there is no x or y, since nothing then says what the module draws", () => {
    const { messages } = draw("data: lines\ntype: custom\nmodule: budget-gap\ntitle: Every line overran");
    expect(lines(messages)).toEqual(["story.md:10:1: Missing required key `alt` in chart"]);
  });

  it("gives the span of y alone, and counts the rows left by a filter", () => {
    expect(
      description(
        "data: lines\ntype: custom\nmodule: budget-gap\ny: budget\nfilter: { line: [Fostering, Supported accommodation] }\ntitle: T",
      ),
    ).toBe("Chart of budget: 2 rows of Test spending by budget line. Budget ranges from £3.5m to £20.2m.");
  });

  it("keeps the author's alt when there is one", () => {
    expect(description("data: lines\ntype: custom\nmodule: budget-gap\ntitle: T\nalt: Written by hand.")).toBe(
      "Written by hand.",
    );
  });
});
