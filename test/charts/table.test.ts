// `type: table`: a dataset as a formatted table, on the page as HTML (escaped, right-aligned,
// highlighted, bars and shades), in the image as SVG, capped in rows, and described.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { chartFigure, embedFigure } from "../../src/charts/figure.ts";
import { TABLE_SVG_ROWS } from "../../src/charts/kinds/table-svg.ts";
import { renderChart } from "../../src/charts/render.ts";
import { resolveChart } from "../../src/charts/resolve.ts";
import { embedHeight } from "../../src/charts/share.ts";
import { parseChartBlock } from "../../src/charts/spec.ts";
import { standaloneSvg } from "../../src/charts/standalone.ts";
import { TABLE_MAX_ROWS } from "../../src/charts/table-rows.ts";
import { tableShades } from "../../src/charts/theme.ts";
import { loadDatasets } from "../../src/data/index.ts";
import { emailRows } from "../../src/layouts/email.ts";
import { draw, lines } from "./helpers.ts";

const barTable =
  "data: lines\ntype: table\ncolumns: [line, budget, { column: forecast, title: Forecast spend }]\nbar: forecast\nsort: -forecast\nhighlight: Fostering\ntitle: Staffing costs the most";
const cells = (html: string, tag: "td" | "th") =>
  [...html.matchAll(new RegExp(`<${tag}[ >][^>]*>|<${tag}>`, "g"))].map((m) => m[0]);

describe("a table chart", () => {
  it("prints the chosen columns with their titles, the field's format and the rows sorted", () => {
    const { chart, messages } = draw(barTable);
    expect(messages).toEqual([]);
    expect(chart!.table.head).toEqual(["Budget line", "Budget", "Forecast spend"]);
    expect(chart!.table.rows.map((r) => r[0])).toEqual([
      "Staffing and agency cover",
      "Independent placements",
      "Fostering",
      "Supported accommodation",
    ]);
    expect(chart!.table.rows[0]).toEqual(["Staffing and agency cover", "£48.1m", "£50.3m"]);
  });

  it("prints a column in its own format when the block gives one", () => {
    const { chart } = draw(
      "data: lines\ntype: table\ncolumns: [line, { column: forecast, format: '£#,##0' }]\ntitle: T",
    );
    expect(chart!.table.rows[0]).toEqual(["Supported accommodation", "£15,500,000"]);
  });

  it("shows every column of the dataset when it names none", () => {
    expect(draw("data: lines\ntype: table\ntitle: T").chart!.table.head).toEqual(["Budget line", "Budget", "Forecast"]);
  });

  it("right-aligns number cells and their headings, and names each row by its first cell", () => {
    const html = draw(barTable).chart!.tableView!.html;
    expect(cells(html, "th")).toEqual([
      '<th scope="col">',
      '<th scope="col" class="num">',
      '<th scope="col" class="num">',
      ...Array(4).fill('<th scope="row">'),
    ]);
    expect(cells(html, "td").every((td) => td.includes('class="num'))).toBe(true);
  });

  it("marks a highlighted row by its first cell, or by a row selector, and draws its bar in the accent", () => {
    const html = draw(barTable).chart!.tableView!.html;
    expect(html.match(/<tr class="is-highlighted"><th scope="row">([^<]*)/)?.[1]).toBe("Fostering");
    expect(html).toContain('fill="#d0572c"');
    const selector = draw(
      barTable.replace("highlight: Fostering", "highlight: { line: [Fostering, Supported accommodation] }"),
    );
    expect(selector.chart!.tableView!.html.match(/is-highlighted/g)).toHaveLength(2);
    expect(selector.chart!.description).toContain("Fostering and Supported accommodation are highlighted.");
  });

  it("reports a highlight that names no row, with the rows it could name", () => {
    const { messages } = draw(barTable.replace("highlight: Fostering", "highlight: Fosterng"));
    expect(lines(messages)).toEqual([
      "story.md:16:12: Unexpected `Fosterng` in `highlight`, no row of the chart has it in `line`",
    ]);
    expect(messages[0]!.note).toContain("Fostering");
  });

  it("draws bars from zero on one scale, negative ones left of the zero line", () => {
    const { chart } = draw("data: hostile-table\ntype: table\ncolumns: [name, amount]\nbar: amount\ntitle: T");
    const rects = [...chart!.tableView!.html.matchAll(/<rect x="([\d.]+)" y="0" width="([\d.]+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    // -3 to 12: zero sits at 20% of the track.
    expect(rects).toEqual([
      [20, 33.3],
      [0, 20],
      [20, 80],
    ]);
  });

  it("shades the colour column in five steps whose text keeps AA contrast in light and dark mode", () => {
    const { chart } = draw("data: lines\ntype: table\ncolumns: [line, forecast]\ncolor: forecast\ntitle: T");
    const shades = [...chart!.tableView!.html.matchAll(/class="num shade-(\d)"/g)].map((m) => Number(m[1]));
    expect(shades).toEqual([0, 3, 0, 4]);
    for (const shade of tableShades.light) expect(contrast(shade, "#1b1d22")).toBeGreaterThanOrEqual(4.5);
    for (const shade of tableShades.dark) expect(contrast(shade, "#e8e9ec")).toBeGreaterThanOrEqual(4.5);
    // The stylesheet paints the same shades, light then dark.
    const css = readFileSync(join(import.meta.dirname, "../../src/styles/table-chart.css"), "utf8");
    const painted = [...css.matchAll(/\.shade-\d \{\s*background: (#[0-9a-f]{6});/g)].map((m) => m[1]);
    expect(painted).toEqual([...tableShades.light, ...tableShades.dark]);
  });

  it("prints hostile cells as text on the page and in the image, line breaks and tabs as spaces", () => {
    const { chart, messages } = draw(
      "data: hostile-table\ntype: table\ncolumns: [name, kind, amount]\ntitle: <b>T</b>",
    );
    expect(messages).toEqual([]);
    const { html } = chart!.tableView!;
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain("&#x3C;script>alert(1)&#x3C;/script>");
    expect(html).toContain("&#x3C;b>T&#x3C;/b>");
    const svg = chart!.drawings[0]!.svg;
    expect(svg).not.toMatch(/<script|<img|<b>|[\u0000-\u0008\u000B-\u001F]/);
    expect(svg).toContain(">Two lines &amp;amp; a tab<");
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // A missing figure is a dash, not a zero.
    expect(chart!.table.rows.at(-1)).toEqual(["Plain", "Other", "–"]);
  });

  it("wraps a long word within its column in the image, breaking it rather than cutting it off", () => {
    const root = mkdtempSync(join(tmpdir(), "plotline-table-word-"));
    mkdirSync(join(root, "data"));
    const word = "Donaudampfschifffahrtsgesellschaftskapitaenswitwe".repeat(4);
    writeFileSync(join(root, "data", "words.csv"), `name,amount\n${word},5\nShort,7\n`);
    writeFileSync(
      join(root, "data", "words.yml"),
      "title: W\nfields:\n  - { name: name, type: string }\n  - { name: amount, type: integer }\n",
    );
    const { spec } = parseChartBlock("data: words\ntype: table\nbar: amount\ntitle: T", {
      file: "s.md",
      fenceLine: 1,
      defaultId: "w",
    });
    const svg = renderChart(resolveChart(spec!, loadDatasets({ root }).datasets).chart!).drawings[0]!.svg;
    const texts = [...svg.matchAll(/<text x="0"[^>]*>([^<]*)</g)].map((m) => m[1]!);
    expect(texts.join("")).toContain(word);
    expect(texts.filter((t) => word.includes(t) && t.length > 5).length).toBeGreaterThan(1);
  });

  it("is described from its rows: columns, sort, extremes of the bar column, highlights", () => {
    expect(draw(barTable).chart!.description).toBe(
      "Table of 4 rows of Test spending by budget line: Budget line, Budget and Forecast spend. Sorted by forecast, largest first. Forecast is highest for Staffing and agency cover at £50.3m and lowest for Supported accommodation at £15.5m. Fostering is highlighted.",
    );
  });

  it("shows the HTML table on the page and in the embed, with no second data table", () => {
    const { chart } = draw(barTable);
    const page = toHtml(chartFigure(chart!), { allowDangerousHtml: true });
    expect(page).toContain(
      '<div class="chart-table table-scroll" tabindex="0" role="region" aria-labelledby="story-1-table-caption">',
    );
    expect(page).not.toContain("Data table");
    expect(page).not.toContain("chart-drawings");
    const embed = toHtml(embedFigure(chart!, { title: "S", url: "/s/" }), { allowDangerousHtml: true });
    expect(embed).toContain("<table");
    expect(embedHeight(chart!)).toBeGreaterThan(150);
  });

  it("goes into a newsletter as its linked PNG with alt text, not as an HTML table email clients mangle", () => {
    const { chart } = draw(barTable);
    const story = toHtml(chartFigure(chart!), { allowDangerousHtml: true });
    const email = emailRows(story, {
      storyUrl: "https://news.example/s/",
      site: "https://news.example/",
      chart: () => chart!,
    });
    expect(email).toContain('src="https://news.example/charts/story-1.png"');
    expect(email).toContain('alt="Staffing costs the most. Table of 4 rows');
    expect(email).not.toMatch(/<table|table-bar|<svg/);
  });

  it("draws the same HTML and SVG every time", async () => {
    const { chart } = draw(barTable);
    await expect(chart!.tableView!.html.replace(/></g, ">\n<") + "\n").toMatchFileSnapshot(
      "./__snapshots__/table-bar-sorted-highlight.html",
    );
    expect(draw(barTable).chart).toEqual(chart);
  });
});

describe("a table of a long register", () => {
  function register(count: number) {
    const root = mkdtempSync(join(tmpdir(), "plotline-table-"));
    mkdirSync(join(root, "data"));
    const rows = Array.from({ length: count }, (_, i) => `P${i + 1},Supplier ${i % 997},${(i * 7919) % 100003}.5`);
    writeFileSync(join(root, "data", "payments.csv"), `ref,supplier,amount\n${rows.join("\n")}\n`);
    writeFileSync(
      join(root, "data", "payments.yml"),
      "title: Payments\nfields:\n  - { name: ref, type: string, title: Reference }\n  - { name: supplier, type: string, title: Supplier }\n" +
        "  - { name: amount, type: number, title: Amount, unit: GBP }\n",
    );
    return loadDatasets({ root }).datasets;
  }

  it(`prints the first ${TABLE_MAX_ROWS} of 200,000 rows, says so, and keeps the page and image small`, () => {
    const datasets = register(200_000);
    const { spec } = parseChartBlock("data: payments\ntype: table\nsort: -amount\nbar: amount\ntitle: T", {
      file: "story.md",
      fenceLine: 10,
      defaultId: "story-1",
    });
    const chart = renderChart(resolveChart(spec!, datasets).chart!);
    expect(chart.table.rows).toHaveLength(TABLE_MAX_ROWS);
    expect(chart.notes).toEqual([
      "First 100 of 200,000 rows, sorted by amount, largest first; every row is on the dataset's page.",
    ]);
    const page = toHtml(chartFigure(chart), { allowDangerousHtml: true });
    expect(page).toContain('href="/data/payments/"');
    expect(Buffer.byteLength(page)).toBeLessThan(60_000);
    // The image draws its first rows and says how many more the table has.
    const svg = chart.drawings[0]!.svg;
    expect(svg.match(/<text/g)!.length).toBe(3 + TABLE_SVG_ROWS * 3 + 1);
    expect(svg).toContain(`And ${TABLE_MAX_ROWS - TABLE_SVG_ROWS} more rows: see the table on the site.`);
    expect(standaloneSvg(chart).height).toBeLessThan(1200);
  }, 60_000);

  it("drops the rows past `limit` with a note, and refuses a limit past the cap at its line", () => {
    const { chart } = draw("data: councils\ntype: table\ncolumns: [la_name, rate]\nsort: -rate\nlimit: 5\ntitle: T");
    expect(chart!.table.rows).toHaveLength(5);
    expect(chart!.notes).toEqual(["147 more rows are left out."]);
    const { messages } = draw("data: councils\ntype: table\ncolumns: [la_name, rate]\nlimit: 101\ntitle: T");
    expect(lines(messages)).toEqual(["story.md:14:8: Unexpected `101` for `limit`, expected at most 100 rows"]);
  });
});

describe("a table block's mistakes", () => {
  it("are reported at the offending key's line", () => {
    const cases: Record<string, string> = {
      "data: lines\ntype: table\ncolumns: [line, forcast]\ntitle: T":
        "story.md:13:17: Unexpected column `forcast` for `columns`, not in dataset `lines`",
      "data: lines\ntype: table\ncolumns: [line, forecast]\nbar: line\ntitle: T":
        "story.md:14:6: Unexpected string column `line` for `bar`, expected a number or integer column",
      "data: lines\ntype: table\ncolumns: [line, forecast]\nbar: forecast\ncolor: forecast\ntitle: T":
        "story.md:15:8: Unexpected `forecast` for `color`, expected no `color` beside `bar`",
      "data: lines\ntype: table\ny: line\ntitle: T":
        "story.md:13:4: Unexpected `line` for `y`, expected no `y` on a table",
      "data: lines\ntype: bar\ny: line\nx: forecast\ncolumns: [line]\ntitle: T":
        'story.md:15:10: Unexpected `["line"]` for `columns`, expected no `columns` on a bar chart',
    };
    for (const [block, message] of Object.entries(cases)) expect(lines(draw(block).messages)).toEqual([message]);
  });
});

const channel = (hex: string, i: number) => {
  const c = parseInt(hex.slice(i, i + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const luminance = (hex: string) => 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
