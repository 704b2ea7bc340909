// A colour key drawn into the SVG itself (not Plot's HTML legend), so it travels with the chart
// into standalone SVGs and PNGs: a swatch and the series name, wrapped into rows.
import { highlightedSeries, type Encoding } from "./encoding.ts";
import { labelsAtEnds } from "./kinds/line.ts";
import { muted, textWidth, wrapText } from "./theme.ts";

/** Kinds that label their series directly at the end of each line or area, when the names fit. */
const directlyLabelled = new Set(["line", "area", "dot"]);

export interface LegendItem {
  name: string;
  /** The name as drawn: one line, or several when it is wider than the chart on its own. */
  lines: string[];
  color: string;
  x: number;
  y: number;
}

export interface Legend {
  items: LegendItem[];
  /** Vertical room the legend takes above the plot, in px. */
  height: number;
}

const SWATCH = 12;
/** The key of the series a highlight leaves grey. */
const OTHERS = "Others";

/** Where each key goes, or undefined when the chart needs none. */
export function legendLayout(enc: Encoding): Legend | undefined {
  const { chart, layout } = enc;
  // Highlighting keeps series colours (kinds/highlight.ts), so the key still holds.
  if (chart.seriesNames.length < 2 || (directlyLabelled.has(chart.spec.type) && labelsAtEnds(enc))) return undefined;
  const rowHeight = Math.round(layout.fontSize * 1.5);
  const lineHeight = Math.round(layout.fontSize * 1.2);
  const room = layout.width - SWATCH - 6;
  const items: LegendItem[] = [];
  let x = 0;
  let y = 0;
  // How far the row's tallest key reaches below its top (a wrapped name takes several lines).
  let extra = 0;
  // With some series highlighted the rest are one grey: one key for them all, not a row of
  // identical swatches (a single grey series keeps its name).
  const picked = highlightedSeries(chart);
  const grey = chart.seriesNames.filter((n) => !picked.has(n));
  const names =
    picked.size && grey.length > 1 ? [...chart.seriesNames.filter((n) => picked.has(n)), OTHERS] : chart.seriesNames;
  for (const name of names) {
    const lines = textWidth(name, layout.fontSize) > room ? wrapText(name, room, layout.fontSize) : [name];
    const widest = Math.max(...lines.map((line) => textWidth(line, layout.fontSize)));
    const width = SWATCH + 6 + widest + 18;
    if (x > 0 && x + width > layout.width) {
      x = 0;
      y += rowHeight + extra;
      extra = 0;
    }
    items.push({
      name,
      lines,
      color: names !== chart.seriesNames && name === OTHERS ? muted : enc.seriesColor(name),
      x,
      y,
    });
    extra = Math.max(extra, (lines.length - 1) * lineHeight);
    x += width;
  }
  return { items, height: y + rowHeight + extra + 8 };
}

/** Adds the legend as the first group of a Plot SVG. */
export function drawLegend(svg: Element, legend: Legend, fontSize: number): void {
  const document = svg.ownerDocument;
  const ns = "http://www.w3.org/2000/svg";
  const group = document.createElementNS(ns, "g");
  group.setAttribute("class", "legend");
  group.setAttribute("text-anchor", "start");
  for (const item of legend.items) {
    const swatch = document.createElementNS(ns, "rect");
    swatch.setAttribute("x", String(item.x));
    swatch.setAttribute("y", String(item.y + (fontSize * 1.2 - SWATCH) / 2));
    swatch.setAttribute("width", String(SWATCH));
    swatch.setAttribute("height", String(SWATCH));
    swatch.setAttribute("fill", item.color);
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", String(item.x + SWATCH + 6));
    label.setAttribute("y", String(item.y + fontSize));
    if (item.lines.length === 1) label.textContent = item.name;
    else
      item.lines.forEach((line, i) => {
        const span = document.createElementNS(ns, "tspan");
        span.setAttribute("x", String(item.x + SWATCH + 6));
        if (i > 0) span.setAttribute("dy", "1.2em");
        span.textContent = line;
        label.append(span);
      });
    group.append(swatch, label);
  }
  svg.insertBefore(group, svg.firstChild);
}
