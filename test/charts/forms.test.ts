import { describe, expect, it } from "vitest";
import { draw, lines } from "./helpers.ts";

const range = "data: lines\ntype: range\ny: line\nx: [budget, forecast]\ntitle: T\n";
const waterfall = "data: bridge\ntype: waterfall\ny: step\nx: amount\ntitle: T\n";

describe("range charts", () => {
  it("orders categories by the change from the first value to the second with sort: -change", () => {
    const { data } = draw(`${range}sort: -change`);
    expect(data!.categories).toEqual([
      "Supported accommodation",
      "Independent placements",
      "Staffing and agency cover",
      "Fostering",
    ]);
    expect(draw(`${range}sort: change`).data!.categories[0]).toBe("Fostering");
  });

  it("names the biggest rise and says when nothing falls", () => {
    const { chart } = draw(range);
    expect(chart!.description).toContain("Each arrow runs from budget to forecast.");
    expect(chart!.description).toContain(
      "The biggest rise is Supported accommodation, from £3.5m to £15.5m (+£12.0m); every category rises.",
    );
    expect(chart!.description).toContain("None falls.");
  });

  it("prints each change beside its arrow, signed", () => {
    const svg = draw(range).chart!.drawings[0]!.svg;
    expect(svg).toContain(">+£12.0m<");
  });

  it("rejects a range without two value columns at `x`", () => {
    const { messages } = draw(range.replace("x: [budget, forecast]", "x: budget"));
    expect(lines(messages)).toEqual(["story.md:14:4: Unexpected `budget` for `x`, expected two columns"]);
  });

  it("rejects `sort: change` on any other chart", () => {
    const { messages } = draw("data: lines\ntype: bar\ny: line\nx: forecast\nsort: -change\ntitle: T");
    expect(lines(messages)).toEqual([
      "story.md:15:7: Unexpected `-change` for `sort`, expected one of `x`, `-x`, `y` or `-y`",
    ]);
  });
});

describe("waterfall charts", () => {
  it("steps from each total through the rows in order and names the largest steps", () => {
    const { chart } = draw(`${waterfall}totals: [2023/24 budget, 2024/25 budget]`);
    expect(chart!.description).toBe(
      "Waterfall chart of amount by step, 6 categories. It runs from 2023/24 budget at £150.0m to 2024/25 budget at £159.5m. The largest steps are Placements (+£9.0m), Pay inflation (+£6.2m) and Savings (−£4.5m). 2 steps rise and 2 fall.",
    );
  });

  it("rejects a waterfall with no totals at its fence", () => {
    expect(lines(draw(waterfall).messages)).toEqual(["story.md:10:1: Missing required key `totals` in chart"]);
  });

  it("rejects a total that is not one of the chart's categories", () => {
    const { messages } = draw(`${waterfall}totals: [2023/24 budget, 2024/25 budgte]`);
    expect(lines(messages)).toEqual([
      "story.md:16:26: Unexpected `2024/25 budgte` for `totals`, not a value of `step` in the chart",
    ]);
  });

  it("rejects `totals` on any other chart and `sort` on a waterfall", () => {
    const bar = draw("data: lines\ntype: bar\ny: line\nx: forecast\ntotals: Fostering\ntitle: T");
    expect(lines(bar.messages)).toEqual([
      "story.md:15:9: Unexpected `Fostering` for `totals`, expected no `totals` on this chart",
    ]);
    const sorted = draw(`${waterfall}totals: 2024/25 budget\nsort: -x`);
    expect(lines(sorted.messages)).toEqual(["story.md:17:7: Unexpected `-x` for `sort`, expected rows in their order"]);
  });

  it("notes the part of a change between two totals that no step itemises", () => {
    const { chart } = draw(
      `${waterfall}totals: [2023/24 budget, 2024/25 budget]\nfilter: { step: { not: [Savings] } }`,
    );
    expect(chart!.notes).toEqual([
      "The steps from 2023/24 budget to 2024/25 budget add up to +£14.0m; the other −£4.5m is not itemised.",
    ]);
    expect(draw(`${waterfall}totals: [2023/24 budget, 2024/25 budget]`).chart!.notes).toEqual([]);
  });

  it("marks a highlighted row with a band, as its colours already say rise, fall and total", () => {
    const svg = draw(`${waterfall}totals: [2023/24 budget, 2024/25 budget]\nhighlight: Placements`).chart!.drawings[0]!
      .svg;
    expect(svg).toContain('class="highlight-band');
  });
});
