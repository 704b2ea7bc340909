import { describe, expect, it } from "vitest";
import { draw } from "./helpers.ts";

const description = (block: string) => draw(block).chart!.description;

describe("the description written from the data", () => {
  it("names the direction, the ends and a peak in between", () => {
    expect(description("data: falling\ntype: line\nx: year\ny: count\ntitle: T")).toBe(
      "Line chart of children in care by year, 2019 to 2022. It falls from 40 in 2019 to 31 in 2022, its lowest. In between, the highest is 52 in 2020.",
    );
  });

  it("says when a value is unchanged", () => {
    expect(description("data: flat\ntype: column\nx: quarter\ny: rate\ntitle: T")).toBe(
      "Column chart of vacancy rate by quarter, Q1 2024 to Q2 2024. It is 5% in both Q1 2024 and Q2 2024.",
    );
  });

  it("gives the largest and smallest of unordered categories", () => {
    expect(description("data: lines\ntype: bar\ny: line\nx: forecast\ntitle: T")).toBe(
      "Bar chart of forecast by budget line, 4 categories. The largest is Staffing and agency cover at £50.3m; the smallest is Supported accommodation at £15.5m.",
    );
  });

  it("describes each series of a multi-series chart", () => {
    expect(description("data: staff\ntype: line\nx: month\ny: vacancies\nseries: team\ntitle: T")).toBe(
      "Line chart of vacancies by month, 31 January 2024 to 31 March 2024. North rises from 120 in 31 January 2024 to 128 in 31 March 2024. In between, the highest is 131 in 29 February 2024. West falls from 150 in 31 January 2024 to 139 in 31 March 2024, its lowest.",
    );
  });

  it("mentions missing figures", () => {
    expect(description("data: budget\ntype: column\nx: year\ny: overspend\ntitle: T")).toMatch(
      /No figure for 2023\/24\.$/,
    );
  });

  it("names a highlighted value as the x axis prints it", () => {
    expect(description("data: budget\ntype: column\nx: year\ny: overspend\nhighlight: 2022/23\ntitle: T")).toBe(
      "Column chart of overspend by financial year, 2020/21 to 2023/24. It rises from −£1.2m in 2020/21 to £20.9m in 2022/23, its highest. No figure for 2023/24. 2022/23 is highlighted.",
    );
  });

  it("lists several highlighted values in the chart's order, dates as printed", () => {
    const block = "data: staff\ntype: line\nx: month\ny: vacancies\nseries: team\ntitle: T\n";
    expect(description(`${block}highlight: [2024-03-31, 2024-01-31]`)).toMatch(
      /\. 31 January 2024 and 31 March 2024 are highlighted\.$/,
    );
    expect(description(`${block}highlight: [2024-03-31, 2024-01-31, 2024-02-29]`)).toMatch(
      /\. 31 January 2024, 29 February 2024 and 31 March 2024 are highlighted\.$/,
    );
  });

  it("gives each annotation's text at the category it points to", () => {
    const block =
      "data: budget\ntype: column\nx: year\ny: overspend\ntitle: T\nhighlight: 2021/22\nannotations:\n  - { x: 2022/23, text: The first year after the councils split }\n  - { x: 2020/21, text: An underspend! }";
    expect(description(block)).toMatch(
      /No figure for 2023\/24\. 2021\/22 is highlighted\. At 2022\/23: The first year after the councils split\. At 2020\/21: An underspend!$/,
    );
    // The SVG's <desc> is the same text, so a screen reader hears the notes drawn in the chart.
    for (const drawing of draw(block).chart!.drawings)
      expect(drawing.svg).toContain("At 2020/21: An underspend!</desc>");
  });

  it("uses the author's alt when there is one", () => {
    expect(description("data: budget\ntype: column\nx: year\ny: overspend\ntitle: T\nalt: Written by hand.")).toBe(
      "Written by hand.",
    );
  });
});

describe("names in the description", () => {
  it("keeps a category's name as written, and lowers only a plain title's first word", () => {
    const text = description(
      "data: services\ntype: grouped-column\nx: Year\ny: [Children's Social Care, Adult Social Care]\ntitle: T",
    );
    expect(text).toMatch(/^Grouped column chart of Children's Social Care and Adult Social Care by financial year/);
    expect(text).not.toMatch(/children's Social|adult Social/);
  });
});
