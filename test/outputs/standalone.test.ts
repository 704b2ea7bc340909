import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { PNG_WIDTH, renderPng } from "../../src/charts/png/render.ts";
import { standaloneLayout, standaloneSvg, STANDALONE_WIDTH } from "../../src/charts/standalone.ts";
import { loadSite } from "../../src/site/site.ts";
import { fixtureRoot, parseXml, pngDimensions } from "./helpers.ts";

const site = loadSite({ root: fixtureRoot });
const chart = (id: string) => site.charts.get(id)!.chart;

describe("standaloneSvg", () => {
  it("draws title, subtitle, notes and source around the wide drawing, on white, 600 px wide", () => {
    const { svg, width, height } = standaloneSvg(chart("collected-by-year"));
    const root = parseXml(svg, "image/svg+xml").documentElement;
    expect([width, Number(root.getAttribute("width")), Number(root.getAttribute("height"))]).toEqual([
      STANDALONE_WIDTH,
      STANDALONE_WIDTH,
      height,
    ]);
    expect(root.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    expect(root.getAttribute("role")).toBe("img");
    expect(root.querySelector("desc")?.textContent).toMatch(/^Column chart/);
    expect(root.querySelector("rect")?.getAttribute("fill")).toBe("#ffffff");
    expect([...root.querySelectorAll(":scope > text")].map((t) => t.textContent).join(" ")).toBe(
      "Collections rose every year £m collected Note: The 2024/25 figure is not published yet. " +
        "Note: No figure is available for 2024/25; it is left blank rather than drawn as zero. " +
        "Source: Test council statement of accounts (2024)",
    );
    // The page's drawing, nested and scaled, without the page's accessibility attributes.
    const nested = root.querySelector(":scope > svg")!;
    expect(nested.getAttribute("viewBox")).toBe(`0 0 ${chart("collected-by-year").drawings[0]!.width} 360`);
    expect(nested.hasAttribute("role")).toBe(false);
    expect(nested.querySelector(":scope > title")).toBeNull();
  });

  it("is well-formed XML that resvg's strict parser reads", () => {
    for (const id of ["collected-by-year", "hostile-names"]) {
      const resvg = new Resvg(standaloneSvg(chart(id)).svg);
      expect(resvg.width).toBe(STANDALONE_WIDTH);
    }
  });

  it("wraps a long title onto more lines and grows to fit", () => {
    const short = standaloneLayout(chart("collected-by-year"));
    const long = standaloneLayout({
      ...chart("collected-by-year"),
      title: "Collections rose every year for four years, even as the council froze the rate it charges households",
    });
    expect(long.lines.filter((l) => l.bold).length).toBeGreaterThan(1);
    expect(long.height).toBeGreaterThan(short.height);
    expect(long.chart.y).toBeGreaterThan(short.chart.y);
  });

  it("gives the same bytes on every render", () => {
    expect(standaloneSvg(chart("hostile-names")).svg).toBe(standaloneSvg(chart("hostile-names")).svg);
  });
});

describe("renderPng", () => {
  it("rasterises at 1200 px wide with the shipped Inter font, the same bytes every time, under 150 KB", () => {
    const { svg, height } = standaloneSvg(chart("collected-by-year"));
    const png = renderPng(svg);
    expect(pngDimensions(png)).toEqual({ width: PNG_WIDTH, height: height * 2 });
    expect(png.byteLength).toBeLessThan(150 * 1024);
    expect(Buffer.from(renderPng(svg)).equals(Buffer.from(png))).toBe(true);
  });

  it("draws the text: the PNG of a chart differs from one with its words removed", () => {
    const { svg } = standaloneSvg(chart("collected-by-year"));
    const wordless = svg.replace(/<text\b[^>]*>[^<]*<\/text>/g, "");
    expect(renderPng(wordless).byteLength).toBeLessThan(renderPng(svg).byteLength * 0.8);
  });

  it("draws text in scripts Inter lacks with the shipped Noto fonts, not as empty boxes", () => {
    // Drawn as Inter's empty box for each letter, two words of as many letters are one picture;
    // drawn in their script's font, they differ.
    const picture = (text: string) =>
      Buffer.from(
        renderPng(
          `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60" viewBox="0 0 600 60">` +
            `<text x="20" y="40" font-family="Inter, sans-serif" font-size="24">${text}</text></svg>`,
        ),
      );
    // Three of one letter against three of another, so only the letters' shapes differ.
    const pairs = [
      ["ببب", "سسس"], // Arabic (and Urdu)
      ["אאא", "בבב"], // Hebrew
      ["ককক", "খখখ"], // Bengali
      ["ककक", "खखख"], // Devanagari
      ["ਕਕਕ", "ਖਖਖ"], // Gurmukhi
      ["કકક", "ખખખ"], // Gujarati
    ];
    for (const [a, b] of pairs) expect(picture(a!).equals(picture(b!)), `${a} and ${b} drawn alike`).toBe(false);
  });

  it("reports how long a PNG takes", () => {
    const svgs = [...site.charts.values()].map(({ chart }) => standaloneSvg(chart).svg);
    renderPng(svgs[0]!); // warm-up: the first call loads the native module
    const runs = 5;
    const started = performance.now();
    for (let i = 0; i < runs; i++) for (const svg of svgs) renderPng(svg);
    const perPng = (performance.now() - started) / (runs * svgs.length);
    console.log(`renderPng: ${perPng.toFixed(1)} ms per 1200 px PNG (${runs * svgs.length} renders)`);
    expect(perPng).toBeGreaterThan(0);
  });
});
