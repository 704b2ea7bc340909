// Vertical rules drawn once from the top of the plot to the bottom, across every facet: the grid
// and the zero line of a faceted bar chart. Plot would repeat them in each category's band (ten
// copies for ten categories); its "super" facet spans the chart but refuses x channels, so this
// small mark places the lines with the x scale itself.
import type * as PlotTypes from "@observablehq/plot";
import * as Plot from "@observablehq/plot";

const SVG = "http://www.w3.org/2000/svg";

// Plot's Mark base class takes (data, channels, options); its typings declare no constructor.
const BaseMark = Plot.Mark as unknown as new (
  data: undefined,
  channels: Record<string, never>,
  options: { facet: "super" },
) => PlotTypes.Mark;

export class WholeChartRulesX extends BaseMark {
  private readonly values: readonly number[];
  private readonly attributes: Readonly<Record<string, string>>;

  constructor(values: readonly number[], attributes: Readonly<Record<string, string>>) {
    super(undefined, {}, { facet: "super" });
    this.values = values;
    this.attributes = attributes;
  }

  render(
    _index: number[],
    scales: PlotTypes.ScaleFunctions,
    _values: unknown,
    dimensions: PlotTypes.Dimensions,
    context: PlotTypes.Context,
  ): SVGGElement {
    const group = context.document.createElementNS(SVG, "g");
    for (const [name, value] of Object.entries(this.attributes)) group.setAttribute(name, value);
    const [top, bottom] = [dimensions.marginTop, dimensions.height - dimensions.marginBottom];
    for (const value of this.values) {
      const x = String(Math.round(scales.x!(value) * 100) / 100);
      const line = context.document.createElementNS(SVG, "line");
      line.setAttribute("x1", x);
      line.setAttribute("x2", x);
      line.setAttribute("y1", String(top));
      line.setAttribute("y2", String(bottom));
      group.append(line);
    }
    return group;
  }
}

/** The x grid, once down the whole chart. */
export const wholeChartGridX = (ticks: readonly number[]): PlotTypes.Markish =>
  new WholeChartRulesX(ticks, { stroke: "currentColor", "stroke-opacity": "0.1" });

/** The zero line, once down the whole chart. */
export const wholeChartZeroX = (): PlotTypes.Markish =>
  new WholeChartRulesX([0], { stroke: "currentColor", class: "baseline" });
