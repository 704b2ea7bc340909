// A colour key drawn into the SVG itself (not Plot's HTML legend), so it travels with the chart
// into standalone SVGs and PNGs: a swatch and the series name, wrapped into rows.
import type { Encoding } from "./encoding.ts";
import { textWidth } from "./theme.ts";

/** Kinds that label their series directly at the end of each line or area. */
const directlyLabelled = new Set(["line", "area", "dot"]);

export interface LegendItem {
  name: string;
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

/** Where each key goes, or undefined when the chart needs none. */
export function legendLayout(enc: Encoding): Legend | undefined {
  const { chart, layout } = enc;
  // Highlighting keeps series colours (kinds/highlight.ts), so the key still holds.
  if (chart.seriesNames.length < 2 || directlyLabelled.has(chart.spec.type)) return undefined;
  const rowHeight = Math.round(layout.fontSize * 1.5);
  const items: LegendItem[] = [];
  let x = 0;
  let y = 0;
  for (const name of chart.seriesNames) {
    const width = SWATCH + 6 + textWidth(name, layout.fontSize) + 18;
    if (x > 0 && x + width > layout.width) {
      x = 0;
      y += rowHeight;
    }
    items.push({ name, color: enc.seriesColor(name), x, y });
    x += width;
  }
  return { items, height: y + rowHeight + 8 };
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
    label.textContent = item.name;
    group.append(swatch, label);
  }
  svg.insertBefore(group, svg.firstChild);
}
