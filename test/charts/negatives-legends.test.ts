// Negative values and long legends, as real council files have them.
import { describe, expect, it } from "vitest";
import { encode } from "../../src/charts/encoding.ts";
import { legendLayout } from "../../src/charts/legend.ts";
import { layouts, textWidth } from "../../src/charts/theme.ts";
import { draw } from "./helpers.ts";

const parking = (type: string, keys: string) =>
  `data: parking\ntype: ${type}\n${keys}\ntitle: The account made a loss once`;
describe("a value axis that goes below zero", () => {
  it("labels at least one negative tick, on columns and on bars, at both widths", () => {
    for (const block of [
      parking("column", "x: Financial Year\ny: Surplus"),
      parking("bar", "y: Financial Year\nx: Surplus"),
    ]) {
      for (const drawing of draw(block).chart!.drawings) {
        expect(drawing.svg, `${block} ${drawing.layout}`).toMatch(/>−£\d+k</);
      }
    }
  });
});

describe("a small negative among large positives", () => {
  it("stretches the axis down only to the least round figure whose label clears zero's", () => {
    // −£1.2m against £20.9m: the axis used to reach −£10m (a whole step) at 320 px.
    const { chart } = draw("data: budget\ntype: column\nx: year\ny: overspend\ntitle: T");
    for (const drawing of chart!.drawings) {
      const negatives = [...drawing.svg.matchAll(/>−£(\d+)m</g)].map((m) => Number(m[1]));
      expect(negatives, drawing.layout).toEqual([2]);
      // The negative column's value label, under it, stays clear of its category's label.
      const y = (text: string) =>
        Number(new RegExp(`translate\\([\\d.]+,([\\d.]+)\\)"[^>]*>${text}<`).exec(drawing.svg)![1]);
      expect(y("2020/21") - y("−£1.2m"), drawing.layout).toBeGreaterThanOrEqual(14);
      // Zero needs no scale on the axis.
      expect(drawing.svg).toMatch(/>£0</);
      expect(drawing.svg).not.toMatch(/>£0m</);
    }
  });
});

describe("a description of figures with pence in some rows", () => {
  it("prints every figure as the data table does, pence on all of them", () => {
    const { chart } = draw(parking("column", "x: Financial Year\ny: Surplus"));
    expect(chart!.description).toContain("£270,489.00 in 2017/18");
    expect(chart!.description).toContain("£246,177.37 in 2022/23");
  });
});

describe("a negative value label on bars", () => {
  it("starts right of the zero line, clear of the category labels and the chart's left edge", () => {
    const { chart } = draw(parking("bar", "y: Financial Year\nx: Surplus"));
    for (const drawing of chart!.drawings) {
      const label =
        /text-anchor="start" class="value-label">\s*<text transform="translate\(([\d.]+),[\d.]+\)"[^>]*>−£59k</.exec(
          drawing.svg,
        );
      const bar = /<rect[^>]*width="([\d.]+)" x="([\d.]+)">\s*<title>[^<]*2020\/21/.exec(drawing.svg);
      expect(label, drawing.layout).not.toBeNull();
      expect(bar, drawing.layout).not.toBeNull();
      // The negative bar ends at zero; its label starts there.
      expect(Number(label![1])).toBeCloseTo(Number(bar![2]) + Number(bar![1]), 0);
    }
  });
});

describe("a legend of six long series names", () => {
  it("wraps into rows that stay within the chart at 320 px", () => {
    const { data } = draw("data: boroughs\ntype: stacked-column\nx: year\ny: spend\nseries: borough\ntitle: T");
    for (const layout of layouts) {
      const legend = legendLayout(encode(data!, layout, 300))!;
      expect(legend.items).toHaveLength(6);
      for (const item of legend.items) {
        expect(
          item.x + 18 + textWidth(item.name, layout.fontSize),
          `${item.name} at ${layout.width}`,
        ).toBeLessThanOrEqual(layout.width);
      }
      expect(new Set(legend.items.map((i) => i.y)).size).toBeGreaterThan(layout.name === "narrow" ? 2 : 0);
    }
  });

  it("wraps a name wider than the chart on its own, inside the chart, and makes room for its lines", () => {
    const { chart, data } = draw(
      "data: directorates\ntype: stacked-column\nx: year\ny: spend\nseries: directorate\ntitle: T",
    );
    const narrow = layouts.find((l) => l.name === "narrow")!;
    const legend = legendLayout(encode(data!, narrow, 300))!;
    const long = legend.items.find((i) => i.name.startsWith("Children's"))!;
    expect(long.lines.length).toBeGreaterThan(1);
    for (const line of long.lines) expect(18 + textWidth(line, narrow.fontSize)).toBeLessThanOrEqual(narrow.width);
    expect(legend.height).toBeGreaterThan(long.lines.length * narrow.fontSize * 1.2);
    const svg = chart!.drawings.find((d) => d.layout === "narrow")!.svg;
    expect(svg).toContain(`<tspan x="18">${long.lines[0]!}</tspan>`);
  });
});
