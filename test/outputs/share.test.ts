import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { chartFigure } from "../../src/charts/figure.ts";
import { altText, embedCode, embedHeight, newsletterSnippet, pngSize, sharePanels } from "../../src/charts/share.ts";
import { emailRows } from "../../src/layouts/email.ts";
import { loadSite } from "../../src/site/site.ts";
import { emailProblems, fixtureRoot, parsePage, SITE } from "./helpers.ts";

const site = loadSite({
  root: fixtureRoot,
  panels: (chart, story) => sharePanels(chart, `${SITE}/`, `${SITE}/stories/${story.slug}/#${chart.id}`),
});
const chart = (id: string) => site.charts.get(id)!.chart;

describe("share panels", () => {
  it("writes embed code an editor can paste: absolute, titled, lazy, full width, sized from the chart", () => {
    expect(embedCode(chart("collected-by-year"), `${SITE}/`)).toBe(
      `<iframe src="${SITE}/embed/collected-by-year/" title="Collections rose every year" loading="lazy" ` +
        `width="100%" height="${embedHeight(chart("collected-by-year"))}" style="width:100%;border:0"></iframe>`,
    );
  });

  it("sizes the iframe from the drawings' aspect ratios, taller for a taller chart", () => {
    const base = chart("collected-by-year");
    const taller = {
      ...base,
      drawings: base.drawings.map((d) => ({ ...d, height: d.height * 2 })),
    };
    expect(embedHeight(base)).toBeGreaterThan(base.drawings[0]!.height);
    expect(embedHeight(taller) - embedHeight(base)).toBeGreaterThan(base.drawings[0]!.height * 0.8);
  });

  it("keeps quotes and apostrophes readable in the code and escapes only what HTML needs", () => {
    const code = embedCode({ ...chart("collected-by-year"), title: `The "tax" rose & that's that` }, `${SITE}/`);
    expect(code).toContain(`title="The &quot;tax&quot; rose &amp; that's that"`);
  });

  it("writes a newsletter snippet: a linked 600 px PNG with the finding and description as alt text", () => {
    const snippet = parsePage(newsletterSnippet(chart("collected-by-year"), `${SITE}/`));
    const img = snippet.querySelector("a > img")!;
    expect(snippet.querySelector("a")?.getAttribute("href")).toBe(`${SITE}/embed/collected-by-year/`);
    expect(img.getAttribute("src")).toBe(`${SITE}/charts/collected-by-year.png`);
    expect(img.getAttribute("width")).toBe("600");
    expect(img.getAttribute("height")).toBe(String(pngSize(chart("collected-by-year")).height));
    expect(img.getAttribute("alt")).toBe(altText(chart("collected-by-year")));
    expect(altText(chart("collected-by-year"))).toMatch(/^Collections rose every year\. Column chart of/);
  });

  it("puts the three share panels under the data table in the chart's figure", () => {
    const html = toHtml(
      chartFigure(chart("hostile-names"), { panels: sharePanels(chart("hostile-names"), `${SITE}/`) }),
      {
        allowDangerousHtml: true,
      },
    );
    const figure = parsePage(html).querySelector("figure")!;
    expect([...figure.querySelectorAll("details")].map((d) => d.className)).toEqual([
      "chart-panel chart-data",
      "chart-panel chart-share chart-embed",
      "chart-panel chart-share chart-newsletter",
      "chart-panel chart-share chart-downloads",
    ]);
    expect(figure.querySelectorAll("[data-plotline-share]")).toHaveLength(0);
    // Each code box is labelled, for screen readers and for clicking into.
    for (const textarea of figure.querySelectorAll("textarea")) {
      expect(figure.querySelector(`label[for="${textarea.id}"]`)).not.toBeNull();
      expect(textarea.hasAttribute("readonly")).toBe(true);
    }
    expect(site.stories.find((s) => s.slug === "rates-story")!.html).toContain("Embed this chart");
  });
});

describe("emailRows", () => {
  const story = site.stories.find((s) => s.slug === "rates-story")!;
  const rows = emailRows(story.html, {
    storyUrl: `${SITE}/stories/rates-story/`,
    site: `${SITE}/`,
    chart: (id) => site.charts.get(id)?.chart,
  });
  const table = `<html><body><table width="600">${rows}</table></body></html>`;

  it("keeps the email rules: inline styles, absolute URLs, no SVG, classes or panels", () => {
    expect(emailProblems(table)).toEqual([]);
  });

  it("gives each chart its own rows so the 600 px image fills the column", () => {
    const document = parsePage(table);
    const imageCells = [...document.querySelectorAll("td")].filter((td) => td.querySelector("img"));
    expect(imageCells.map((td) => td.getAttribute("style")?.split(";")[0])).toEqual(["padding:0", "padding:0"]);
    expect(document.body.textContent).toContain("Source: Test council statement of accounts (2024).");
  });

  it("styles prose tags inline and resolves relative links against the story", () => {
    const document = parsePage(table);
    expect(document.querySelector("h2")?.getAttribute("style")).toMatch(/^margin:28px 0 8px;font-size:22px/);
    expect(document.querySelector("p")?.getAttribute("style")).toContain("font-family:Georgia");
    expect(document.querySelector('a[href="https://news.test.example/data/rates/"]')?.textContent).toBe("the data");
    expect(document.querySelector("table table th")?.getAttribute("style")).toContain("padding:6px 8px");
  });

  it("fails loudly on a chart figure the charts collection does not know", () => {
    expect(() =>
      emailRows('<figure class="chart" id="gone"></figure>', {
        storyUrl: `${SITE}/`,
        site: `${SITE}/`,
        chart: () => undefined,
      }),
    ).toThrow("The story has a chart figure `gone` that is not in the charts collection");
  });
});
