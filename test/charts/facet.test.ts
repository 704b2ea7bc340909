// Small multiples: `facet: <column>` splits a chart into panels on shared (or independent)
// scales, laid out in a grid that keeps the chart's text size at 320 px.
import { describe, expect, it } from "vitest";
import { facetGrid, facetPanels } from "../../src/charts/facet.ts";
import { resolveChart } from "../../src/charts/resolve.ts";
import { parseChartBlock } from "../../src/charts/spec.ts";
import { layouts } from "../../src/charts/theme.ts";
import { datasets, draw, lines } from "./helpers.ts";

const [wide, narrow] = [layouts.find((l) => l.name === "wide")!, layouts.find((l) => l.name === "narrow")!];

const resolve = (block: string) => {
  const { spec, messages } = parseChartBlock(block, { file: "story.md", fenceLine: 10, defaultId: "story-1" });
  if (!spec) throw new Error(lines(messages).join("\n"));
  const resolved = resolveChart(spec, datasets);
  if (!resolved.chart) throw new Error(lines(resolved.messages).join("\n"));
  return resolved.chart;
};
const errors = (block: string) => lines(draw(block).messages);

const byCouncil = "data: care\ntype: column\nx: year\ny: rate\nfacet: council\ntitle: T";

/** The tick labels of the value axis of each panel, as drawn. */
function valueTicks(svg: string): string[][] {
  const panels = svg.split('class="facet-panel">').slice(1);
  return panels.map((panel) => {
    const axis = /<g[^>]*text-anchor="end"[^>]*>((?:<text[^>]*>[^<]*<\/text>)+)<\/g>/.exec(panel)?.[1] ?? "";
    return [...axis.matchAll(/>([^<]*)<\/text>/g)].map((m) => m[1]!);
  });
}

describe("facetGrid", () => {
  it("puts up to four panels across the wide drawing and two across the narrow one", () => {
    expect(facetGrid(12, wide)).toEqual({ columns: 4, rows: 3, panelWidth: 145 });
    expect(facetGrid(12, narrow)).toEqual({ columns: 2, rows: 6, panelWidth: 150 });
  });

  it("fills the last row as evenly as it can: nine panels three by three, five in rows of three and two", () => {
    expect(facetGrid(9, wide)).toMatchObject({ columns: 3, rows: 3 });
    expect(facetGrid(5, wide)).toMatchObject({ columns: 3, rows: 2 });
    expect(facetGrid(1, narrow)).toMatchObject({ columns: 1, rows: 1, panelWidth: 320 });
  });

  it("takes fewer columns, never smaller text, when a panel needs more room than the columns leave", () => {
    expect(facetGrid(6, narrow, 180)).toMatchObject({ columns: 1, rows: 6, panelWidth: 320 });
    expect(facetGrid(6, wide, 190)).toMatchObject({ columns: 3, rows: 2 });
    for (const layout of [wide, narrow]) {
      for (const drawing of draw(byCouncil).chart!.drawings)
        expect(drawing.svg).toMatch(new RegExp(`^<svg [^>]*font-size="${layout.fontSize}"`));
    }
  });
});

describe("facet panels", () => {
  it("draws one panel per value, strings in file order and periods in their own order", () => {
    const councils = resolve(byCouncil).facet!.values;
    expect(councils.slice(0, 3)).toEqual(["North Northamptonshire", "West Northamptonshire", "Leicestershire"]);
    expect(councils).toHaveLength(9);
    const years = resolve("data: care\ntype: bar\ny: council\nx: spend\nfacet: year\ntitle: T").facet!.values;
    expect(years).toEqual(["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"]);
  });

  it("gives every panel the same categories and the same value axis on a shared scale", () => {
    const chart = resolve(byCouncil);
    const panels = facetPanels(chart);
    for (const panel of panels) expect(panel.chart.categories).toEqual(chart.categories);
    const ticks = valueTicks(draw(byCouncil).chart!.drawings[0]!.svg);
    expect(ticks).toHaveLength(9);
    expect(ticks[0]!.length).toBeGreaterThan(2);
    for (const panel of ticks) expect(panel).toEqual(ticks[0]);
  });

  it("gives a panel of text categories only its own on a shared scale, in the chart's order", () => {
    const chart = resolve(
      "data: councils\ntype: bar\ny: la_name\nx: rate\nfacet: region\nfilter: { region: [London, North East] }\ntitle: T",
    );
    const panels = facetPanels(chart);
    for (const { label, chart: panel } of panels) {
      const own = datasets
        .get("councils")!
        .rows.filter((r) => r.region === label)
        .map((r) => r.la_name);
      expect(panel.categories).toEqual(chart.categories.filter((c) => own.includes(c as string)));
      expect(panel.valueSpan).toEqual(chart.points.map((p) => p.value).filter((v) => v !== null));
    }
  });

  it("gives each panel its own value axis with `scales: independent`, and says so under the chart", () => {
    const { chart } = draw(
      "data: regions\ntype: line\nx: year\ny: per_head\nfacet: region\nscales: independent\ntitle: T",
    );
    const ticks = valueTicks(chart!.drawings[0]!.svg);
    expect(new Set(ticks.map((t) => t.join())).size).toBe(6);
    expect(chart!.notes.join(" ")).toContain("Each panel has its own scale");
    expect(chart!.description).toContain("each on its own scale");
  });

  it("sorts within panels: in one order across shared panels, by each panel's own figures when independent", () => {
    const block = "data: care\ntype: bar\ny: council\nx: spend\nfacet: year\nsort: -x\ntitle: T";
    const shared = facetPanels(resolve(block)).map((p) => p.chart.categories);
    for (const order of shared) expect(order).toEqual(shared[0]);
    const independent = facetPanels(resolve(`${block}\nscales: independent`));
    for (const { chart } of independent) {
      const values = chart.categories.map((c) => chart.points.find((p) => p.category === c)!.value!);
      expect(values).toEqual([...values].sort((a, b) => b - a));
    }
  });

  it("keeps the first `limit` categories in every panel and sums each panel's rest into its own Other", () => {
    const chart = resolve("data: care\ntype: bar\ny: council\nx: spend\nfacet: year\nsort: -x\nlimit: 3\ntitle: T");
    for (const { label, chart: panel } of facetPanels(chart)) {
      expect(panel.categories).toHaveLength(4);
      const rows = datasets.get("care")!.rows.filter((r) => r.year === label);
      const total = rows.reduce((sum, r) => sum + (r.spend as number), 0);
      const drawn = panel.points.reduce((sum, p) => sum + p.value!, 0);
      expect(drawn).toBeCloseTo(total, 6);
    }
  });

  it("highlights a category in every panel, and a row selector's rows with a key naming them", () => {
    const { chart } = draw(`${byCouncil}\nhighlight: 2023/24`);
    const accents = chart!.drawings[0]!.svg.match(/fill="#d0572c"/g) ?? [];
    expect(accents).toHaveLength(9);
    const picked = draw(
      "data: care\ntype: dot\nx: year\ny: rate\nfacet: region\nhighlight: { council: Wigan }\ntitle: T",
    );
    const svg = picked.chart!.drawings[1]!.svg;
    expect(svg).toMatch(/<g [^>]*class="legend"/);
    expect(svg).toMatch(/<text[^>]*>Wigan<\/text>/);
    // Named once, in the key: not beside each of Wigan's five dots.
    expect(svg.match(/>Wigan</g)).toHaveLength(1);
    expect(picked.chart!.description).toContain("Wigan is highlighted.");
  });

  it("keys the series of line panels once above the grid instead of naming them at each line's end", () => {
    const { chart } = draw(
      "data: care\ntype: line\nx: year\ny: spend\nseries: council\nfacet: region\nfilter: { region: [South East, North West] }\ntitle: T",
    );
    for (const drawing of chart!.drawings) {
      expect(drawing.svg).toMatch(/<g [^>]*class="legend"/);
      expect(drawing.svg).not.toContain("series-label");
      const legend = /class="legend">(.*?)<\/g>/.exec(drawing.svg)![1]!;
      for (const council of ["Kent", "Surrey", "West Sussex", "Lancashire", "Cheshire East", "Wigan"])
        expect(legend).toContain(`>${council}</text>`);
    }
  });

  it("draws in each panel only the series it has, in the colours of the chart's key", () => {
    const chart = resolve(
      "data: care\ntype: column\nx: year\ny: spend\nseries: council\nfacet: region\nfilter: { region: [South East, North West] }\ntitle: T",
    );
    const [south, north] = facetPanels(chart);
    expect(south!.chart.seriesNames).toEqual(["Kent", "Surrey", "West Sussex"]);
    expect(north!.chart.seriesNames).toEqual(["Lancashire", "Cheshire East", "Wigan"]);
    const svg = draw(
      "data: care\ntype: column\nx: year\ny: spend\nseries: council\nfacet: region\nfilter: { region: [South East, North West] }\ntitle: T",
    ).chart!.drawings[0]!.svg;
    const [, northPanel] = svg.split('class="facet-panel">').slice(1);
    // Lancashire is the fourth series: the fourth colour of the palette, as in the key.
    expect(northPanel).toContain('fill="#864eda"');
    expect(northPanel).not.toContain('fill="#3b75b8"');
  });

  it("picks out a whole panel with a row selector on the facet column, named by its title alone", () => {
    const svg = draw(`${byCouncil}\nhighlight: { council: Kent }`).chart!.drawings[0]!.svg;
    const panels = svg.split('class="facet-panel">').slice(1);
    expect(panels[3]).toContain('fill="#d0572c"');
    expect(panels[3]).not.toContain('fill="#7b8190"');
    for (const other of [...panels.slice(0, 3), ...panels.slice(4)]) expect(other).not.toContain('fill="#d0572c"');
    expect(svg).not.toMatch(/class="legend"/);
  });

  it("describes the small multiples: of what, by what, the largest figure and how the panels compare", () => {
    expect(draw(byCouncil).chart!.description).toBe(
      "Small multiples: 9 column charts of rate per 10,000 children by year, one for each council (North Northamptonshire to Wigan, 9 in all), on a shared scale. The largest figure is 104.6, for 2022/23 in Wigan. In 2023/24 Wigan is highest, at 101.2, and Surrey lowest, at 40.3. From 2019/20 to 2023/24 it rises in 8 of the 9 panels and falls in 1.",
    );
  });

  it("keeps every row in the data table, with the facet column first", () => {
    const { chart } = draw(byCouncil);
    expect(chart!.table.head).toEqual(["Council", "Year", "Rate per 10,000 children"]);
    expect(chart!.table.rows).toHaveLength(45);
    expect(chart!.table.rows[5]).toEqual(["West Northamptonshire", "2019/20", "58.5"]);
    const strip = draw("data: care\ntype: dot\nx: year\ny: rate\nfacet: region\ntitle: T").chart!;
    expect(strip.table.rows).toHaveLength(45);
  });

  it("lays the panels out without overlap: each panel and its title inside its own cell of the grid", () => {
    for (const block of [byCouncil, "data: care\ntype: bar\ny: council\nx: spend\nfacet: year\ntitle: T"]) {
      for (const drawing of draw(block).chart!.drawings) {
        const layout = drawing.layout === "wide" ? wide : narrow;
        const at = [...drawing.svg.matchAll(/<g transform="translate\(([\d.]+),([\d.]+)\)" class="facet-panel"/g)].map(
          (m) => [Number(m[1]), Number(m[2])] as const,
        );
        const xs = [...new Set(at.map(([x]) => x))].sort((a, b) => a - b);
        const columns = xs.length;
        const panelWidth = Math.floor((layout.width - (columns - 1) * 20) / columns);
        // Columns a panel's width and a gap apart, the last ending inside the drawing.
        xs.forEach((x, i) => expect(x).toBe(i * (panelWidth + 20)));
        expect(xs.at(-1)! + panelWidth).toBeLessThanOrEqual(layout.width);
        // Titles wrapped to their panel's width: no title line wider than a panel.
        for (const m of drawing.svg.matchAll(/class="facet-title"[^>]*>(.*?)<\/text>/g))
          for (const line of m[1]!.matchAll(/>([^<]+)</g))
            expect(line[1]!.length * 14 * 0.76).toBeLessThan(panelWidth * 1.6);
      }
    }
  });
});

describe("facet errors", () => {
  it("rejects `facet` on a chart type that draws no panels, naming the types that do", () => {
    expect(
      errors("data: staff\ntype: stacked-column\nx: month\ny: vacancies\nseries: team\nfacet: team\ntitle: T"),
    ).toEqual([
      "story.md:16:8: Unexpected `facet` on a `stacked-column` chart, expected one of `column`, `bar`, `line`, `area`, `dot`",
    ]);
  });

  it("rejects a facet column the dataset does not have, at its value", () => {
    expect(errors("data: care\ntype: column\nx: year\ny: rate\nfacet: councl\ntitle: T")).toEqual([
      "story.md:15:8: Unexpected column `councl` for `facet`, not in dataset `care`",
    ]);
  });

  it("rejects more than 24 panels at the `facet` key, with how many values the column has", () => {
    expect(errors("data: councils\ntype: dot\nx: region\ny: rate\nfacet: la_name\ntitle: T")).toEqual([
      "story.md:15:8: Unexpected 152 values of `la_name` for `facet`, expected at most 24 panels",
    ]);
  });

  it("rejects a bad `scales`, `scales` without `facet`, and annotations on small multiples", () => {
    expect(errors(`${byCouncil}\nscales: free`)).toEqual([
      "story.md:17:9: Unexpected `free` for `scales`, expected `shared` or `independent`",
    ]);
    expect(
      errors("data: care\ntype: column\nx: year\ny: rate\nscales: independent\nfilter: { council: Kent }\ntitle: T"),
    ).toEqual(["story.md:15:9: Unexpected `independent` for `scales`, expected no `scales` without `facet`"]);
    expect(errors(`${byCouncil}\nannotations: [{ x: 2022/23, text: New rules }]`)[0]).toMatch(
      /^story\.md:17:14: Unexpected `New rules` for `annotations`, expected no annotations on small multiples$/,
    );
  });
});
