import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { accent, bandOpacity, palette, primary } from "../../src/charts/theme.ts";
import { draw } from "./helpers.ts";

// The same blocks as the snapshot cases in render.test.ts, each drawn with and without its highlight.
const staff = "data: staff\nx: month\ny: vacancies\nseries: team\ntitle: T\n";
const highlighted = {
  "grouped-column": `${staff}type: grouped-column\nhighlight: 2024-02-29`,
  "grouped-column of two columns":
    "data: lines\ntype: grouped-column\nx: line\ny: [budget, forecast]\ntitle: T\nhighlight: Fostering",
  "stacked-column": `${staff}type: stacked-column\nhighlight: 2024-02-29`,
  "stacked-bar": "data: lines\ntype: stacked-bar\ny: line\nx: [budget, forecast]\ntitle: T\nhighlight: Fostering",
  "line with series": `${staff}type: line\nhighlight: 2024-02-29`,
  "area with series": `${staff}type: area\nhighlight: 2024-02-29`,
  "dot with series": `${staff}type: dot\nhighlight: 2024-02-29`,
  "single-series line": "data: budget\ntype: line\nx: year\ny: budget\ntitle: T\nhighlight: 2022/23",
  "single-series area": "data: budget\ntype: area\nx: year\ny: budget\ntitle: T\nhighlight: 2022/23",
};
const withLegend = ["grouped-column", "grouped-column of two columns", "stacked-column", "stacked-bar"];
const withSeriesLabels = ["line with series", "area with series", "dot with series"];

/** Both drawings of a block, parsed. */
function drawings(block: string) {
  const { chart, messages } = draw(block);
  expect(messages).toEqual([]);
  const parse = (svg: string) => new DOMParser().parseFromString(svg, "image/svg+xml").querySelector("svg")!;
  return chart!.drawings.map((d) => ({ layout: d.layout, svg: parse(d.svg) }));
}

/** Fill and stroke of every mark that shows data, in drawing order. */
const dataColours = (svg: Element) =>
  [...svg.querySelectorAll(".bars *, .lines *, .areas *, .points *")].map(
    (e) => `${e.getAttribute("fill") ?? e.parentElement?.getAttribute("fill")}/${e.getAttribute("stroke") ?? ""}`,
  );

const box = (e: Element) => {
  const [x, y, w, h] = ["x", "y", "width", "height"].map((n) => Number(e.getAttribute(n)));
  return { x: x!, y: y!, width: w!, height: h! };
};

describe("highlight on charts coloured by series", () => {
  for (const [name, block] of Object.entries(highlighted)) {
    it(`keeps the series colours of a ${name} and marks the highlight with a band`, () => {
      const plain = drawings(block.replace(/\nhighlight: .*/, ""));
      for (const [i, { layout, svg }] of drawings(block).entries()) {
        expect(dataColours(svg), layout).toEqual(dataColours(plain[i]!.svg));
        const band = svg.querySelector("g.highlight-band");
        expect(band?.getAttribute("fill"), layout).toBe(accent);
        expect(band?.getAttribute("fill-opacity")).toBe(String(bandOpacity));
        expect(band?.querySelectorAll("rect").length).toBe(1);
        // Decoration only: nothing in it for a screen reader or a tooltip to announce.
        expect(band?.querySelector("title, text")).toBeNull();
        expect(band?.textContent).toBe("");
        // Behind the data: drawn before the first mark that shows it.
        const data = svg.querySelector(".bars, .lines, .areas, .points")!;
        const order = [...svg.querySelectorAll("g")];
        expect(order.indexOf(band as SVGGElement)).toBeLessThan(order.indexOf(data as SVGGElement));
      }
    });
  }

  for (const name of withLegend) {
    it(`keeps the legend of a highlighted ${name}, in the series colours`, () => {
      for (const { layout, svg } of drawings(highlighted[name as keyof typeof highlighted])) {
        const swatches = [...svg.querySelectorAll("g.legend rect")].map((r) => r.getAttribute("fill"));
        expect(swatches, layout).toEqual([palette[0], palette[1]]);
      }
    });
  }

  for (const name of withSeriesLabels) {
    it(`keeps the series labels of a highlighted ${name}`, () => {
      for (const { layout, svg } of drawings(highlighted[name as keyof typeof highlighted])) {
        const labels = [...svg.querySelectorAll(".series-label text")].map((t) => t.textContent);
        expect(labels, layout).toEqual(["North", "West"]);
      }
    });
  }

  it("lays the band over the highlighted category's whole stack, wider than its bars, across the plot", () => {
    // Wide, the stacks are columns; narrow, their month labels do not fit and they become bars.
    for (const { layout, svg } of drawings(highlighted["stacked-column"])) {
      const band = box(svg.querySelector("g.highlight-band rect")!);
      const bars = [...svg.querySelectorAll(".bars rect")].filter((r) => r.textContent?.includes("29 February"));
      expect(bars.length, layout).toBe(2);
      const columns = layout === "wide";
      const [at, size, crossAt, crossSize] = columns
        ? (["x", "width", "y", "height"] as const)
        : (["y", "height", "x", "width"] as const);
      for (const bar of bars.map(box)) {
        expect(band[at], layout).toBeLessThan(bar[at]);
        expect(band[at] + band[size]).toBeGreaterThan(bar[at] + bar[size]);
      }
      // Across the plot: from the first grid line of the value axis to the last.
      const grid = [...svg.querySelectorAll('[stroke-opacity="0.1"] line')].map((l) =>
        Number(l.getAttribute(columns ? "y1" : "x1")),
      );
      expect(band[crossAt]).toBeLessThanOrEqual(Math.min(...grid));
      expect(band[crossAt] + band[crossSize]).toBeGreaterThanOrEqual(Math.max(...grid));
    }
  });

  it("puts an accent dot on a single line or area at the highlighted year, and keeps the line in the primary colour", () => {
    for (const name of ["single-series line", "single-series area"] as const) {
      for (const { layout, svg } of drawings(highlighted[name])) {
        const dots = [...svg.querySelectorAll("g.highlight-point circle")];
        expect(dots.length, `${name} ${layout}`).toBe(1);
        expect(dots[0]!.closest("g")!.getAttribute("fill")).toBe(accent);
        expect(dots[0]!.textContent).toBe("2022/23: £130.0m");
        expect(svg.querySelector(".lines")!.innerHTML).toContain(`stroke="${primary}"`);
      }
    }
  });

  it("crosses the stacked areas, which hide the band, with a rule in the text colour", () => {
    for (const { layout, svg } of drawings(highlighted["area with series"])) {
      const rule = svg.querySelector("g.highlight-rule");
      expect(rule?.getAttribute("stroke"), layout).toBe("currentColor");
      expect(rule?.querySelectorAll("line").length).toBe(1);
    }
    for (const { svg } of drawings(highlighted["line with series"]))
      expect(svg.querySelector(".highlight-rule")).toBeNull();
  });

  it("still colours a single-series column's highlighted bar in the accent, with no band", () => {
    const block = "data: budget\ntype: column\nx: year\ny: overspend\nhighlight: 2022/23\ntitle: T";
    for (const { svg } of drawings(block)) {
      expect([...svg.querySelectorAll(".bars rect")].map((r) => r.getAttribute("fill"))).toEqual([
        "#7b8190",
        "#7b8190",
        accent,
      ]);
      expect(svg.querySelector("g.highlight-band, g.highlight-point")).toBeNull();
    }
  });

  it("bands each highlighted category when there are several", () => {
    const block = highlighted["line with series"].replace("2024-02-29", "[2024-01-31, 2024-03-31]");
    for (const { layout, svg } of drawings(block)) {
      const rects = [...svg.querySelectorAll("g.highlight-band rect")].map(box);
      expect(rects.length, layout).toBe(2);
      // The first and last months: half a band each, at the plot's two edges.
      expect(rects[0]!.x + rects[0]!.width).toBeLessThan(rects[1]!.x);
    }
  });
});
