import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { textWidth } from "../../src/charts/theme.ts";
import { draw } from "./helpers.ts";

const monthEnds = "data: month-ends\nx: month\ny: referrals\ntitle: T\n";
const staff = "data: staff\nx: month\ny: vacancies\nseries: team\ntitle: T\n";
const budget = "data: budget\nx: year\ny: budget\ntitle: T\n";
const lines = "data: lines\ny: line\nx: [budget, forecast]\ntitle: T\n";

/** Every kind over dates, periods and text, with and without highlights and annotations. */
const blocks: Record<string, string> = {
  "area over month-end dates": `${monthEnds}type: area`,
  "line over month-end dates": `${monthEnds}type: line`,
  "dot over month-end dates": `${monthEnds}type: dot`,
  "area over dates, one team": `${staff.replace("series: team", "filter: { team: North }")}type: area`,
  "area over dates by team": `${staff}type: area\nhighlight: 2024-02-29`,
  "line over dates by team": `${staff}type: line`,
  "dot over dates by team": `${staff}type: dot`,
  "column over dates by team": `${staff}type: column\nfilter: { team: West }`,
  "stacked column over dates": `${staff}type: stacked-column`,
  "grouped column over dates": `${staff}type: grouped-column`,
  "area over periods": `${budget}type: area\nhighlight: 2023/24`,
  "line over periods": `${budget}type: line\nannotations: [{ x: 2022/23, text: New contract }]`,
  "dot over periods": `${budget}type: dot`,
  "column over periods": `${budget.replace("y: budget", "y: overspend")}type: column`,
  "bar of text": `${lines.replace("x: [budget, forecast]", "x: forecast")}type: bar`,
  "stacked bar of text": `${lines}type: stacked-bar`,
  "bar of whole pounds by two columns": "data: spend\ntype: bar\ny: line\nx: [budget, forecast]\ntitle: T",
  "stacked bar of whole pounds": "data: spend\ntype: stacked-bar\ny: line\nx: [budget, forecast]\ntitle: T",
  "grouped column of text":
    lines.replace("y: line\nx: [budget, forecast]", "x: line\ny: [budget, forecast]") + "type: grouped-column",
};

/** Both drawings of a block, parsed. */
function drawings(block: string) {
  const { chart, messages } = draw(block);
  expect(messages).toEqual([]);
  return chart!.drawings.map((d) => ({
    layout: d.layout,
    svg: new DOMParser().parseFromString(d.svg, "image/svg+xml").querySelector("svg")!,
  }));
}

const number = (value: string | null, fontSize: number) =>
  value === null ? 0 : value.endsWith("em") ? parseFloat(value) * fontSize : parseFloat(value);

/** Where a text element runs across the SVG, by the same width estimate the layout uses. */
function extent(text: Element, svg: Element) {
  const fontSize = Number(svg.getAttribute("font-size"));
  let x = number(text.getAttribute("x"), fontSize) + number(text.getAttribute("dx"), fontSize);
  for (let e: Element | null = text; e && e !== svg; e = e.parentElement) {
    x += Number(/translate\((-?[\d.]+),/.exec(e.getAttribute("transform") ?? "")?.[1] ?? 0);
  }
  const anchor = text.closest("[text-anchor]")?.getAttribute("text-anchor") ?? "start";
  const spans = [...text.querySelectorAll("tspan")].map((s) => s.textContent ?? "");
  const lines = spans.length ? spans : [text.textContent ?? ""];
  const width = Math.max(...lines.map((l) => textWidth(l, fontSize)));
  const left = anchor === "middle" ? x - width / 2 : anchor === "end" ? x - width : x;
  return { text: lines.join(" "), x, left, right: left + width };
}

/** The x axis's labels: the group Plot moves 12 px down under the plot (tick 6, padding 6). */
const xLabels = (svg: Element) =>
  [...svg.querySelectorAll('g[transform="translate(0,12)"] > text')].map((t) => extent(t, svg));

describe("axis labels", () => {
  for (const [name, block] of Object.entries(blocks)) {
    it(`keeps every label of a ${name} inside the chart at both widths`, () => {
      for (const { layout, svg } of drawings(block)) {
        const width = Number(svg.getAttribute("viewBox")!.split(" ")[2]);
        const outside = [...svg.querySelectorAll("text")]
          .map((t) => extent(t, svg))
          .filter((e) => e.left < 0 || e.right > width)
          .map((e) => `${e.text} ${Math.round(e.left)}..${Math.round(e.right)}`);
        expect(outside, layout).toEqual([]);
      }
    });
  }

  it("puts each date label of a dot chart on a dot of the month it names", () => {
    for (const { layout, svg } of drawings(blocks["dot over month-end dates"]!)) {
      const dots = [...svg.querySelectorAll(".points circle")].map((c) => ({
        x: Number(c.getAttribute("cx")),
        month: c.textContent!.split(" ")[1]!.slice(0, 3),
      }));
      const labels = xLabels(svg);
      expect(labels.length, layout).toBeGreaterThan(2);
      for (const label of labels) {
        const dot = dots.find((d) => Math.abs(d.x - label.x) < 0.5);
        expect(dot, `${layout} ${label.text}`).toBeDefined();
        expect(label.text.slice(0, 3), layout).toBe(dot!.month);
      }
    }
  });

  it("labels a highlighted month-end date with its own month, alone in its band", () => {
    for (const block of [
      `${monthEnds}type: area\nhighlight: 2024-02-29`,
      `${staff}type: line\nhighlight: 2024-02-29`,
      `${staff}type: area\nhighlight: 2024-02-29`,
    ]) {
      for (const { layout, svg } of drawings(block)) {
        const band = svg.querySelector("g.highlight-band rect")!;
        const [from, width] = ["x", "width"].map((n) => Number(band.getAttribute(n)));
        const inside = xLabels(svg).filter((l) => l.x >= from! && l.x <= from! + width!);
        expect(inside.length, `${block} ${layout}`).toBe(1);
        expect(inside[0]!.text, `${block} ${layout}`).toMatch(/\bFeb/);
      }
    }
  });

  it("keeps labelling every date on the wide layout as the data prints it, when they fit", () => {
    const wide = drawings(blocks["line over dates by team"]!).find((d) => d.layout === "wide")!;
    expect(xLabels(wide.svg).map((l) => l.text)).toEqual(["31 January 2024", "29 February 2024", "31 March 2024"]);
  });

  it("always shows a highlighted category's label on a narrow axis that shows every other label", () => {
    for (const kind of ["line", "area", "dot"]) {
      for (const highlight of ["2023/24", "2021/22", "[2020/21, 2023/24]"]) {
        const block = `${budget}type: ${kind}\nhighlight: ${highlight}`;
        const narrow = drawings(block).find((d) => d.layout === "narrow")!;
        const shown = xLabels(narrow.svg).map((l) => l.text);
        expect(shown.length, block).toBeLessThan(4);
        for (const wanted of highlight.replace(/[[\]]/g, "").split(", ")) expect(shown, block).toContain(wanted);
      }
    }
  });
});
