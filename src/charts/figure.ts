// The markup around a rendered chart, as a hast tree: caption, both drawings (CSS picks one),
// notes, source line and the data table. Knows nothing of markdown or pages.
import type { ElementContent, Element } from "hast";
import { h } from "hastscript";
import type { RenderedChart } from "./render.ts";

export interface FigureOptions {
  /** Extra panels under the chart (embed code, downloads), added by later layers. */
  panels?: Element[];
}

export function chartFigure(chart: RenderedChart, options: FigureOptions = {}): Element {
  const drawings: ElementContent[] = chart.drawings.map((d) =>
    h("div", { className: ["chart-drawing", `chart-${d.layout}`] }, [
      { type: "raw", value: d.svg } as unknown as ElementContent,
    ]),
  );
  const foot: ElementContent[] = [];
  for (const note of chart.notes) foot.push(h("p", { className: ["chart-note"] }, `Note: ${note}`));
  foot.push(h("p", { className: ["chart-source"] }, `Source: ${chart.source}`));
  return h("figure", { className: ["chart"], id: chart.id }, [
    h("figcaption", { className: ["chart-head"] }, [
      h("span", { className: ["chart-title"] }, chart.title),
      chart.subtitle ? h("span", { className: ["chart-subtitle"] }, chart.subtitle) : null,
    ]),
    h("div", { className: ["chart-drawings"] }, drawings),
    h("div", { className: ["chart-foot"] }, foot),
    dataTablePanel(chart),
    ...(options.panels ?? []),
  ]);
}

function dataTablePanel(chart: RenderedChart): Element {
  const { table } = chart;
  return h("details", { className: ["chart-panel", "chart-data"] }, [
    h("summary", "Data table"),
    h("div", { className: ["table-scroll"] }, [
      h("table", [
        h("caption", table.caption),
        h("thead", [
          h(
            "tr",
            table.head.map((cell) => h("th", { scope: "col" }, cell)),
          ),
        ]),
        h(
          "tbody",
          table.rows.map((row) =>
            h(
              "tr",
              row.map((cell, i) => (i === 0 ? h("th", { scope: "row" }, cell) : h("td", cell))),
            ),
          ),
        ),
      ]),
    ]),
  ]);
}
