import { describe, expect, it } from "vitest";
import { draw, lines, prettySvg } from "./helpers.ts";

// One named case per chart kind and option: the name is the snapshot file beside this test.
const cases: Record<string, string> = {
  "column-parking-account-loss-year":
    "data: parking\ntype: column\nx: Financial Year\ny: Surplus\ntitle: The account made a loss once",
  "bar-parking-account-loss-year":
    "data: parking\ntype: bar\ny: Financial Year\nx: Surplus\ntitle: The account made a loss once",
  "column-negative-and-missing": "data: budget\ntype: column\nx: year\ny: overspend\ntitle: The overspend grew",
  "column-highlight": "data: budget\ntype: column\nx: year\ny: overspend\nhighlight: 2022/23\ntitle: A record year",
  "bar-sorted": "data: lines\ntype: bar\ny: line\nx: forecast\nsort: -x\ntitle: Staffing costs the most",
  "bar-two-columns": "data: lines\ntype: bar\ny: line\nx: [budget, forecast]\ntitle: Every line is over budget",
  "line-dates-series":
    "data: staff\ntype: line\nx: month\ny: vacancies\nseries: team\ntitle: Vacancies eased in the West",
  "line-periods": "data: budget\ntype: line\nx: year\ny: budget\ntitle: The budget rose every year",
  "area-periods": "data: budget\ntype: area\nx: year\ny: budget\ntitle: The budget rose every year",
  "dot-periods": "data: budget\ntype: dot\nx: year\ny: budget\ntitle: The budget rose every year",
  "bar-top-ten-suppliers":
    "data: suppliers\ntype: bar\ny: Supplier Name\nx: Total\nfilter: { Supplier Name: { not: [Grand Total] } }\nsort: -x\nlimit: 10\ntitle: Ten suppliers took most",
  "dot-strip-highlight-row":
    "data: councils\ntype: dot\nx: region\ny: rate\nfilter: { region: [London, East Midlands, North East] }\nhighlight: { la_name: Northamptonshire }\ntitle: One council among all",
  "dot-dates-every-row": "data: invoices\ntype: dot\nx: Payment Date\ny: Amount\ntitle: Payments came in bursts",
  "stacked-column": "data: staff\ntype: stacked-column\nx: month\ny: vacancies\nseries: team\ntitle: Vacancies by team",
  "stacked-bar": "data: lines\ntype: stacked-bar\ny: line\nx: [budget, forecast]\ntitle: Budget and forecast",
  "grouped-column":
    "data: lines\ntype: grouped-column\nx: line\ny: [budget, forecast]\ntitle: Forecasts exceed budgets",
  "column-annotations":
    "data: budget\ntype: column\nx: year\ny: overspend\ntitle: T\nannotations:\n  - { x: 2022/23, text: The first year after the councils split }\n  - { x: 2020/21, text: An underspend }",
  "line-annotation":
    "data: budget\ntype: line\nx: year\ny: budget\ntitle: T\nannotations: [{ x: 2022/23, text: New contract }]",
  "bar-annotation":
    "data: lines\ntype: bar\ny: line\nx: forecast\ntitle: T\nannotations: [{ x: Fostering, text: In-house carers }]",
  "stacked-column-mixed-signs": "data: mixed\ntype: stacked-column\nx: year\ny: amount\nseries: part\ntitle: T",
  "grouped-column-series-highlight":
    "data: staff\ntype: grouped-column\nx: month\ny: vacancies\nseries: team\nhighlight: 2024-02-29\ntitle: T",
  "stacked-column-highlight":
    "data: staff\ntype: stacked-column\nx: month\ny: vacancies\nseries: team\nhighlight: 2024-02-29\ntitle: T",
  "line-series-highlight":
    "data: staff\ntype: line\nx: month\ny: vacancies\nseries: team\nhighlight: 2024-02-29\ntitle: T",
  "line-highlight": "data: budget\ntype: line\nx: year\ny: budget\nhighlight: 2022/23\ntitle: T",
  "range-sorted-by-change": "data: lines\ntype: range\ny: line\nx: [budget, forecast]\nsort: -change\ntitle: T",
  "range-falls": "data: lines\ntype: range\ny: line\nx: [forecast, budget]\nsort: change\ntitle: T",
  "waterfall-budget-bridge":
    "data: bridge\ntype: waterfall\ny: step\nx: amount\ntotals: [2023/24 budget, 2024/25 budget]\ntitle: T",
  "waterfall-steps-below-zero":
    "data: mixed\ntype: waterfall\ny: part\nx: amount\nfilter: { year: 2022/23 }\ntotals: Placements\ntitle: T",
  "table-bar-sorted-highlight":
    "data: lines\ntype: table\ncolumns: [line, budget, forecast]\nbar: forecast\nsort: -forecast\nhighlight: Fostering\ntitle: T",
  "table-color-scale":
    "data: councils\ntype: table\ncolumns: [la_name, region, rate]\ncolor: rate\nlimit: 12\ntitle: T",
  "area-series-highlight":
    "data: staff\ntype: area\nx: month\ny: vacancies\nseries: team\nhighlight: 2024-02-29\ntitle: T",
  // Small multiples (facet.ts): panels drawn by their kind, in a grid in one SVG.
  "column-facet-council-shared":
    "data: care\ntype: column\nx: year\ny: rate\nfacet: council\nfilter: { region: East Midlands }\ntitle: T",
  "line-facet-region-independent":
    "data: regions\ntype: line\nx: year\ny: per_head\nfacet: region\nscales: independent\nfilter: { region: [London, North East, East Midlands] }\ntitle: T",
  "dot-facet-strip-region":
    "data: care\ntype: dot\nx: year\ny: rate\nfacet: region\nhighlight: { council: Wigan }\ntitle: T",
};

describe("renderChart", () => {
  for (const [name, block] of Object.entries(cases)) {
    it(`draws ${name} as the same SVG every time`, async () => {
      const { chart, messages } = draw(block);
      expect(messages).toEqual([]);
      for (const drawing of chart!.drawings) {
        await expect(prettySvg(drawing.svg)).toMatchFileSnapshot(`./__snapshots__/${name}-${drawing.layout}.svg`);
      }
    });
  }

  it("draws each axis's ticks as one path, at the places Plot put them", () => {
    for (const block of Object.values(cases)) {
      for (const drawing of draw(block).chart!.drawings) {
        // No tick is left as its own path moved into place by a transform.
        expect(drawing.svg).not.toMatch(/<path d="M0,0L[^"]*" transform=/);
      }
    }
    // A column chart's value axis: a tick 6 px long to the left of each value label.
    const svg = draw(cases["column-highlight"]!).chart!.drawings[0]!.svg;
    const ticks = /<path d="((?:M[\d.]+,[\d.]+l-6,0)+)"/.exec(svg)?.[1]?.split("M").filter(Boolean);
    const labels = [...svg.matchAll(/<text[^>]*transform="translate\(([\d.]+),([\d.]+)\)"[^>]*>−?£/g)];
    expect(ticks?.length).toBeGreaterThan(2);
    expect(labels.map((l) => `${l[1]},${l[2]}l-6,0`)).toEqual(expect.arrayContaining(ticks!));
  });

  it("gives byte-identical SVG whatever was drawn before it", () => {
    const block = cases["line-dates-series"]!;
    const first = draw(block).chart!.drawings.map((d) => d.svg);
    for (const other of Object.values(cases)) draw(other);
    expect(draw(block).chart!.drawings.map((d) => d.svg)).toEqual(first);
  });

  it("names the SVG by its title and describes it, with ids unique to chart and layout", () => {
    const { chart } = draw("id: growth\n" + cases["column-negative-and-missing"]);
    const wide = chart!.drawings.find((d) => d.layout === "wide")!.svg;
    expect(wide).toMatch(/^<svg [^>]*role="img"/);
    expect(wide).toContain('aria-labelledby="growth-wide-title"');
    expect(wide).toContain('<title id="growth-wide-title">The overspend grew</title>');
    expect(wide).toContain('<desc id="growth-wide-desc">');
    expect(wide).not.toMatch(/aria-label=|font-variant=|<style/);
  });

  it("writes a description from the data when there is no alt", () => {
    const { chart } = draw(cases["column-negative-and-missing"]!);
    expect(chart!.description).toBe(
      "Column chart of overspend by financial year, 2020/21 to 2023/24. It rises from −£1.2m in 2020/21 to £20.9m in 2022/23, its highest. No figure for 2023/24.",
    );
  });

  it("notes a missing figure instead of drawing it as zero", () => {
    const { chart } = draw(cases["column-negative-and-missing"]!);
    expect(chart!.notes.join(" ")).toContain("2023/24");
    expect(chart!.table.rows.at(-1)).toEqual(["2023/24", "–"]);
  });

  it("defaults the source line to the dataset's source", () => {
    expect(draw(cases["line-periods"]!).chart!.source).toBe("Test council report (2024)");
  });

  it("shows markup in data as text, never as elements", () => {
    const { chart } = draw("data: script\ntype: bar\ny: name\nx: amount\ntitle: <b>Hostile</b> title");
    for (const drawing of chart!.drawings) {
      expect(drawing.svg).not.toMatch(/<script|<img|<b>/);
      expect(drawing.svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
  });
});

describe("custom charts", () => {
  const block =
    "data: lines\ntype: custom\nmodule: budget-gap\nx: line\ny: [budget, forecast]\ntitle: Every line overran\nalt: Budget and forecast by line, with the gap shaded.";

  it("draws a module's Plot options at both sizes, finished like every chart", async () => {
    const { chart, messages } = draw(block);
    expect(messages).toEqual([]);
    for (const drawing of chart!.drawings) {
      expect(drawing.svg).toContain('role="img"');
      await expect(prettySvg(drawing.svg)).toMatchFileSnapshot(
        `./__snapshots__/custom-budget-gap-${drawing.layout}.svg`,
      );
    }
    expect(chart!.table.head).toEqual(["Budget line", "Budget", "Forecast"]);
    expect(chart!.table.rows[0]).toEqual(["Supported accommodation", "£3.5m", "£15.5m"]);
  });

  it("reports a module that does not exist at `module`", () => {
    const { messages } = draw(block.replace("budget-gap", "no-such-chart"));
    expect(lines(messages)).toEqual([
      "story.md:13:9: Cannot use custom chart module `no-such-chart`: there is no file `src/charts/custom/no-such-chart.ts`",
    ]);
  });

  it("without alt, is described from its data, as every chart is", () => {
    const { chart, messages } = draw(block.replace(/\nalt: .*/, ""));
    expect(messages).toEqual([]);
    for (const drawing of chart!.drawings) expect(drawing.svg).toMatch(/<desc[^>]*>[^<]*Budget[^<]*<\/desc>/);
  });
});
