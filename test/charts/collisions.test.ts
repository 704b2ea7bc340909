// Chart text that used to collide (issue 18's overlap gate found each): line end names, notes in
// bar charts and beside long series names, strip names stood on end, and series highlights.
import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { spreadLabels } from "../../src/charts/kinds/line.ts";
import { accent, muted, textWidth } from "../../src/charts/theme.ts";
import { draw } from "./helpers.ts";

const closeEnds = "data: close-ends\ntype: line\nx: year\ny: spend\nseries: service\ntitle: T\n";

function drawing(block: string, layout: "wide" | "narrow") {
  const { chart, messages } = draw(block);
  expect(messages).toEqual([]);
  const d = chart!.drawings.find((x) => x.layout === layout)!;
  return { ...d, svg: new DOMParser().parseFromString(d.svg, "image/svg+xml").querySelector("svg")!, chart: chart! };
}

/** The y a text's anchor sits at in the SVG: its own translate plus its groups'. */
function anchorY(text: Element, svg: Element): number {
  let y = 0;
  for (let e: Element | null = text; e && e !== svg; e = e.parentElement) {
    y += Number(/translate\(-?[\d.]+,(-?[\d.]+)\)/.exec(e.getAttribute("transform") ?? "")?.[1] ?? 0);
  }
  return y;
}

describe("line end names", () => {
  it("spreads names of lines that end close together a line's height apart, each as near its line as it can", () => {
    const placed = spreadLabels([100, 104, 40, 101], { gap: 17, low: 0, high: 300 });
    const sorted = [...placed].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(17);
    expect(placed[2]).toBe(40);
    expect(placed[0]).toBe(100);
  });

  it("keeps spread names inside the plot, moving up from its foot", () => {
    const placed = spreadLabels([295, 298, 300], { gap: 17, low: 0, high: 300 });
    expect(Math.max(...placed)).toBeLessThanOrEqual(300);
    expect([...placed].sort((a, b) => a - b)).toEqual([266, 283, 300]);
  });

  it("prints the names of three lines ending within £0.2m of each other, none over another", () => {
    const three = "filter: { service: [Parks, Highways maintenance, Home to school transport] }";
    const { svg } = drawing(`${closeEnds}${three}`, "wide");
    const labels = [...svg.querySelectorAll(".series-label text")];
    expect(labels).toHaveLength(3);
    const ys = labels.map((t) => anchorY(t, svg) + Number(t.getAttribute("dy") ?? 0)).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(14);
  });

  it("gives a key above the chart instead when the names would take more than a third of its width", () => {
    const narrow = drawing(closeEnds, "narrow");
    expect(narrow.svg.querySelectorAll(".series-label text")).toHaveLength(0);
    const keys = [...narrow.svg.querySelectorAll(".legend text")].map((t) => t.textContent);
    expect(keys).toContain("Waste collection and disposal");
  });
});

describe("notes", () => {
  it("runs a note in the right half of a narrow plot to the side that has room for it", () => {
    const block = `${closeEnds}annotations: [{ x: 2023/24, text: Budgets were set together for the first time }]`;
    const narrow = drawing(block, "narrow");
    const note = narrow.svg.querySelector("g.annotation")!;
    // Left of its leader, from the chart's right edge: every line fits in the 320 px.
    expect(note.getAttribute("text-anchor")).toBe("end");
    const x = Number(/translate\(([\d.]+),/.exec(note.querySelector("text")!.getAttribute("transform")!)![1]);
    for (const line of [...note.querySelectorAll("tspan")].map((s) => s.textContent!)) {
      expect(x - textWidth(line, 14)).toBeGreaterThanOrEqual(0);
    }
  });

  it("puts a note in a bar chart on its row's name line, with room above the bars for every line of it", () => {
    const block =
      "data: parking\ntype: column\nx: Financial Year\ny: Surplus\ntitle: T\nannotations: [{ x: 2020/21, text: Lockdown emptied the car parks }]";
    const narrow = drawing(block, "narrow");
    const note = narrow.svg.querySelector("g.annotation text")!;
    const lines = Math.max(1, note.querySelectorAll("tspan").length);
    // The bars of each row start below the room for names (and notes): as many lines as the note.
    const bar = narrow.svg.querySelector(".bars rect")!;
    const rowTop = anchorY(note, narrow.svg) - anchorY(note.parentElement!, narrow.svg);
    expect(Number(bar.getAttribute("y")) - rowTop).toBeGreaterThanOrEqual(lines * 14 * 1.25);
  });
});

describe("a strip with names on end", () => {
  it("keeps the dots their height at 320 px and gives the longest name room below them", () => {
    const block = "data: councils\ntype: dot\nx: region\ny: rate\ntitle: T";
    const narrow = drawing(block, "narrow");
    const name = [...narrow.svg.querySelectorAll("text")].find((t) => t.textContent === "Yorkshire and The Humber")!;
    expect(name.getAttribute("transform")).toContain("rotate(-90)");
    // Stood on end from its anchor down: the whole name inside the SVG, the dots above it at least 240 px.
    const top = anchorY(name, narrow.svg);
    expect(top + textWidth("Yorkshire and The Humber", 14)).toBeLessThanOrEqual(narrow.height);
    expect(top).toBeGreaterThanOrEqual(240);
  });
});

describe("a highlight that names a series", () => {
  const boroughs = "data: boroughs\ntype: line\nx: year\ny: spend\nseries: borough\ntitle: T\n";
  const strokes = (svg: Element) =>
    [...svg.querySelectorAll(".lines path")].map(
      (p) => p.getAttribute("stroke") ?? p.parentElement!.getAttribute("stroke"),
    );

  for (const highlight of ["Hounslow", "{ borough: Hounslow }"]) {
    it(`draws the series in the accent over the rest in grey (highlight: ${highlight})`, () => {
      const { svg, chart } = drawing(`${boroughs}highlight: ${highlight}`, "wide");
      const drawn = strokes(svg);
      expect(drawn.filter((s) => s === accent)).toHaveLength(1);
      expect(drawn.filter((s) => s === muted)).toHaveLength(5);
      // Drawn last, so no grey line crosses over it.
      expect(drawn.at(-1)).toBe(accent);
      expect(chart.description).toContain("Hounslow");
    });
  }

  it("keys the grey series once, as Others, on a chart with a colour key", () => {
    const block =
      "data: boroughs\ntype: stacked-column\nx: year\ny: spend\nseries: borough\nhighlight: Hounslow\ntitle: T";
    const { svg } = drawing(block, "wide");
    expect([...svg.querySelectorAll(".legend text")].map((t) => t.textContent)).toEqual(["Hounslow", "Others"]);
    const fills = new Set([...svg.querySelectorAll(".legend rect")].map((r) => r.getAttribute("fill")));
    expect(fills).toEqual(new Set([accent, muted]));
  });

  it("keeps the name of a single grey series in the key", () => {
    const block =
      "data: services\ntype: grouped-column\nx: Year\ny: [Children's Social Care, Adult Social Care]\nhighlight: Children's Social Care\ntitle: T";
    const { svg } = drawing(block, "wide");
    const keys = [...svg.querySelectorAll(".legend text")].map((t) => [
      t.textContent,
      t.previousElementSibling?.getAttribute("fill"),
    ]);
    expect(keys).toEqual([
      ["Children's Social Care", accent],
      ["Adult Social Care", muted],
    ]);
  });
});
