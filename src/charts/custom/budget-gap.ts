// Budget against forecast spending per year, with the gap between them shaded: the overspend
// as an area between two lines. An example of a `type: custom` chart.
import type * as PlotTypes from "@observablehq/plot";
import type { CustomChartContext } from "../custom.ts";

export default function budgetGap({
  rows,
  dataset,
  spec,
  layout,
  formatter,
  colors,
  Plot,
}: CustomChartContext): PlotTypes.PlotOptions {
  const x = spec.x[0] ?? dataset.fields[0]!.name;
  const [budget = "budget", forecast = "forecast"] = spec.y;
  // Drawn from other columns, the chart would be empty without a word: say which are missing.
  const columns = new Set(dataset.fields.map((field) => field.name));
  const absent = [x, budget, forecast].filter((name) => !columns.has(name));
  if (absent.length) {
    throw new Error(
      `no column ${absent.map((name) => `\`${name}\``).join(" or ")} in \`${dataset.id}\`: give them as \`x\` and \`y: [budget, forecast]\``,
    );
  }
  const data = rows.filter((row) => typeof row[budget] === "number" && typeof row[forecast] === "number");
  const format = formatter(budget);
  return {
    marginLeft: layout.fontSize * 4.5,
    marginRight: layout.fontSize * 6,
    x: { type: "point", label: null, padding: 0.2 },
    y: { grid: true, label: null, tickFormat: format, zero: false, nice: true, ticks: layout.ticks },
    marks: [
      Plot.areaY(data, { x, y1: budget, y2: forecast, fill: colors.accent, fillOpacity: 0.25 }),
      Plot.lineY(data, { x, y: budget, stroke: colors.primary, strokeWidth: 2.5 }),
      Plot.lineY(data, { x, y: forecast, stroke: colors.accent, strokeWidth: 2.5 }),
      Plot.dot(data, { x, y: budget, fill: colors.primary, r: 4 }),
      Plot.dot(data, { x, y: forecast, fill: colors.accent, r: 4 }),
      Plot.text(data.slice(-1), {
        x,
        y: budget,
        text: () => "Budget",
        dx: 10,
        textAnchor: "start",
        fill: "currentColor",
      }),
      Plot.text(data.slice(-1), {
        x,
        y: forecast,
        text: () => "Forecast",
        dx: 10,
        textAnchor: "start",
        fill: "currentColor",
      }),
    ],
  };
}
