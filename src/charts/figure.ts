// The markup around a rendered chart, as a hast tree: caption, both drawings (CSS picks one),
// notes, source line, then the data table and share panels on a story page, or a link to the
// story on an embed page. Knows nothing of markdown or pages.
import type { ElementContent, Element } from "hast";
import { h } from "hastscript";
import { paths } from "../urls.ts";
import type { RenderedChart } from "./render.ts";

/**
 * Rows the data table under a chart prints: a dot chart draws every row of its dataset, which may
 * be thousands, and every one would be in the story page. The rest are in the CSV download.
 */
export const FIGURE_TABLE_ROWS = 100;

export interface FigureOptions {
  /** Extra panels under the chart (embed code, downloads), added by later layers. */
  panels?: Element[];
}

type FigureInput = Omit<RenderedChart, "table"> & Partial<Pick<RenderedChart, "table">>;

export function chartFigure(chart: RenderedChart, options: FigureOptions = {}): Element {
  return h("figure", { className: ["chart"], id: chart.id }, [
    ...figureBody(chart, h("span", { className: ["chart-title"] }, chart.title)),
    // A table is its own data: a second copy under it would only repeat it.
    chart.tableView ? null : dataTablePanel(chart),
    ...(options.panels ?? []),
  ]);
}

/**
 * The chart alone for `/embed/<id>/`: the title as the page's heading, both drawings, notes,
 * source, and a link to the story (in a new tab, so the host page stays where it is).
 */
export function embedFigure(chart: FigureInput, story: { title: string; url: string }): Element {
  return h("figure", { className: ["chart", "chart-embedded"], id: chart.id }, [
    ...figureBody(chart, h("h1", { className: ["chart-title"] }, chart.title)),
    h("p", { className: ["chart-story"] }, [
      h("a", { href: story.url, target: "_blank", rel: "noopener" }, `Read the story: ${story.title}`),
    ]),
  ]);
}

function figureBody(chart: FigureInput, title: Element): ElementContent[] {
  const drawings: ElementContent[] = chart.drawings.map((d) =>
    h("div", { className: ["chart-drawing", `chart-${d.layout}`] }, [
      { type: "raw", value: d.svg } as unknown as ElementContent,
    ]),
  );
  const foot: ElementContent[] = [];
  for (const note of chart.notes) foot.push(h("p", { className: ["chart-note"] }, `Note: ${note}`));
  if (chart.tableView?.more)
    foot.push(
      h("p", { className: ["chart-note"] }, [
        h("a", { href: paths.dataset(chart.dataset) }, `Every row of the data, on the dataset's page`),
      ]),
    );
  foot.push(h("p", { className: ["chart-source"] }, `Source: ${chart.source}`));
  return [
    h("figcaption", { className: ["chart-head"] }, [
      title,
      chart.subtitle ? h("span", { className: ["chart-subtitle"] }, chart.subtitle) : null,
    ]),
    // A table chart shows its HTML table (kinds/table-html.ts); its drawing is for the image.
    chart.tableView
      ? ({ type: "raw", value: chart.tableView.html } as unknown as ElementContent)
      : h("div", { className: ["chart-drawings"] }, drawings),
    h("div", { className: ["chart-foot"] }, foot),
  ];
}

function dataTablePanel(chart: RenderedChart): Element {
  const { table } = chart;
  const shown = table.rows.slice(0, FIGURE_TABLE_ROWS);
  const more = table.rows.length - shown.length;
  return h("details", { className: ["chart-panel", "chart-data"] }, [
    h("summary", "Data table"),
    // Focusable, so a keyboard can scroll a table wider than the page; named by the caption.
    h("div", { className: ["table-scroll"], tabIndex: 0, role: "region", ariaLabelledBy: `${chart.id}-data` }, [
      h("table", [
        h("caption", { id: `${chart.id}-data` }, table.caption),
        h("thead", [
          h(
            "tr",
            table.head.map((cell) => h("th", { scope: "col" }, cell)),
          ),
        ]),
        h(
          "tbody",
          shown.map((row) =>
            h(
              "tr",
              row.map((cell, i) => (i === 0 ? h("th", { scope: "row" }, cell) : h("td", cell))),
            ),
          ),
        ),
      ]),
    ]),
    more > 0
      ? h("p", { className: ["chart-data-more"] }, [
          `And ${more.toLocaleString("en-GB")} more ${more === 1 ? "row" : "rows"}: `,
          h("a", { href: paths.datasetCsv(chart.dataset) }, "download the CSV"),
          ".",
        ])
      : null,
  ]);
}
