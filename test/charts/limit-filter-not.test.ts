import { describe, expect, it } from "vitest";
import { draw, lines } from "./helpers.ts";

const suppliers = [
  "data: suppliers",
  "type: bar",
  "y: Supplier Name",
  "x: Total",
  "filter:",
  "  Supplier Name: { not: [Grand Total] }",
  "sort: -x",
  "limit: 10",
  "title: Ten suppliers took most of the money",
].join("\n");

describe("top N and rows left out", () => {
  it("drops the total row, keeps the ten largest suppliers and sums the rest into Other", () => {
    const { chart, data, messages } = draw(suppliers);
    expect(lines(messages)).toEqual([]);
    const labels = data!.points.map((p) => p.label);
    expect(labels).toHaveLength(11);
    expect(labels).not.toContain("Grand Total");
    expect(labels.at(-1)).toBe("Other");
    const values = data!.points.map((p) => p.value!);
    expect(values.slice(0, 10)).toEqual([...values.slice(0, 10)].sort((a, b) => b - a));
    // The sum of every supplier is the Grand Total row the council left in.
    const total = data!.dataset.rows.find((r) => r["Supplier Name"] === "Grand Total")!.Total as number;
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 2);
    expect(chart!.notes).toEqual(["Other is the sum of 6 more categories of Supplier."]);
    expect(chart!.table.rows.at(-1)![0]).toBe("Other");
  });

  it("drops the rest with `other: false`, and says how many", () => {
    const { chart, data } = draw(`${suppliers}\nother: false`);
    expect(data!.points).toHaveLength(10);
    expect(chart!.notes).toEqual(["6 more categories of Supplier are left out."]);
  });

  it("reports an excluded value that no row has, with a suggestion", () => {
    const { messages } = draw(suppliers.replace("[Grand Total]", "[Grand Totl]"));
    expect(lines(messages)).toEqual([
      "story.md:16:26: Unexpected `Grand Totl` in `filter`, no row of `suppliers` has it in `Supplier Name`",
    ]);
  });

  it("rejects a limit that is not a whole number of one or more", () => {
    for (const limit of ["0", "2.5", "ten"]) {
      const { messages } = draw(suppliers.replace("limit: 10", `limit: ${limit}`));
      expect(lines(messages)[0]).toMatch(/^story\.md:18:8: .*`limit`/);
    }
  });
});

describe("one number style per chart", () => {
  it("prints a chart's labels and ticks in one style from the size of its values, the table in full", async () => {
    const { chartNumberPattern } = await import("../../src/charts/number-style.ts");
    const gbp = { unit: "GBP", type: "number" as const };
    expect(chartNumberPattern([270489, 373399.84], gbp)).toBe("£0k");
    expect(chartNumberPattern([1.2e6, 350000], gbp)).toBe("£0.0m");
    expect(chartNumberPattern([31.1, 12], { unit: "percent", type: "number" })).toBe("0.0%");
    expect(chartNumberPattern([1323, 20], { unit: "count", type: "integer" })).toBe("#,##0");
    expect(chartNumberPattern([2019, 2020], { type: "integer" })).toBeUndefined();
    const { chart } = draw(suppliers);
    const svg = chart!.drawings[1]!.svg;
    expect(svg).toContain(">£0<");
    expect(svg).not.toMatch(/>£[\d,]+\.\d\d</);
    // The data table prints every figure in full (money never abbreviated).
    const { data } = draw(suppliers);
    const { exactNumberFormatter } = await import("../../src/data/index.ts");
    const values = data!.points.map((p) => p.value);
    expect(chart!.table.rows[0]![1]).toBe(exactNumberFormatter(data!.measures[0]!, values)(data!.points[0]!.value!));
    expect(chart!.table.rows[0]![1]).toBe("£1,494,590.78");
  });
});

describe("limit and the cap on categories", () => {
  it("draws the top ten of 152 councils as bars, where all 152 are too many", () => {
    const all = "data: councils\ntype: bar\ny: la_name\nx: rate\nsort: -x\ntitle: T";
    expect(lines(draw(all).messages)[0]).toMatch(/Unexpected 152 categories in `la_name`/);
    const { data, messages } = draw(`${all}\nlimit: 10`);
    expect(lines(messages)).toEqual([]);
    expect(data!.categories).toHaveLength(11);
  });
});
