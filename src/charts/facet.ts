// Small multiples: a `facet` chart split into one chart per value of its facet column (a panel),
// each an ordinary chart of its kind, on the same scales unless `scales: independent`, and the
// grid they are laid out in. facet-draw.ts draws the panels into one SVG.
import { formatValue } from "../data/index.ts";
import { stackExtents } from "./encoding.ts";
import { keyString, type CategoryKey, type ChartData, type Point } from "./resolve.ts";
import type { Layout } from "./theme.ts";

export interface Panel {
  /** The facet column's value as printed: the panel's title. */
  label: string;
  chart: ChartData;
}

/** The most panels across, per layout: panels narrower than about 140 px cannot hold an axis and a plot. */
const MAX_COLUMNS: Record<Layout["name"], number> = { wide: 4, narrow: 2 };
/** The narrowest panel drawn: a value axis of about 45 px and a plot of about 95. */
export const MIN_PANEL_WIDTH = 140;
/** Space between panels across and down, in px: room for a label that reaches past its panel's edge. */
export const GAP = { x: 20, y: 18 };

export interface FacetGrid {
  columns: number;
  rows: number;
  /** Each panel's width in px. */
  panelWidth: number;
}

/** Each panel's width when `columns` share the layout's width. */
export const panelWidthOf = (layout: Layout, columns: number): number =>
  Math.floor((layout.width - (columns - 1) * GAP.x) / columns);

/**
 * The grid for `count` panels: as many columns as the layout allows (two narrow, four wide)
 * while each panel is at least `minWidth` px wide (what its labels need, see render.ts), then
 * no more columns than fill the last row as evenly: 5 panels in 3 and 2, not 4 and 1. Text
 * never shrinks; a narrow page gets fewer columns.
 */
export function facetGrid(count: number, layout: Layout, minWidth = MIN_PANEL_WIDTH): FacetGrid {
  let columns = Math.max(1, Math.min(MAX_COLUMNS[layout.name], count));
  while (columns > 1 && panelWidthOf(layout, columns) < minWidth) columns--;
  const rows = Math.ceil(count / columns);
  columns = Math.ceil(count / rows);
  return { columns, rows, panelWidth: panelWidthOf(layout, columns) };
}

/**
 * One chart per facet value, in the facet's order. Shared scales (the default): each panel's
 * value axis reaches every panel's figures, so bars of the same height mean the same figure, and
 * dates, periods and numbers span the whole chart's range, so the time axes line up; text
 * categories are the panel's own, in the chart's order (councils of one region need not leave
 * room for another region's). Independent: a panel has only its own categories (sorted by its
 * own figures when the chart sorts by value) and its own value axis.
 */
export function facetPanels(chart: ChartData): Panel[] {
  const facet = chart.facet;
  if (!facet) return [{ label: "", chart }];
  const shared = facet.scales === "shared";
  const valueSpan = shared ? spanOf(chart) : undefined;
  const valueKey = chart.orientation === "horizontal" ? "x" : "y";
  const bySort = chart.spec.sort?.replace("-", "") === valueKey;
  // Annotations name a category of every panel: the chart has none (spec.ts refuses them).
  const spec = { ...chart.spec, annotations: [] };
  return facet.values.map((label) => {
    const own = chart.points.filter((p) => p.facet === label).map(ownName);
    const span = shared && !["string", "boolean"].includes(chart.category.type);
    let categories = span ? chart.categories : chart.categories.filter((c) => own.some((p) => sameKey(p.category, c)));
    if (!shared && bySort) categories = sortByTotal(categories, own, chart.spec.sort!.startsWith("-"));
    const rank = new Map(categories.map((c, i) => [keyString(c), i]));
    const points = [...own].sort((a, b) => rank.get(keyString(a.category))! - rank.get(keyString(b.category))!);
    // A panel draws only the series it has (a grouped column keeps no empty slot for the others).
    const seriesNames = chart.seriesNames.filter((name) => own.some((p) => p.series === name));
    const seriesOrder = chart.seriesNames;
    const panel: ChartData = {
      ...chart,
      ...{ spec, points, categories, seriesNames, seriesOrder, valueSpan },
      facet: undefined,
    };
    return { label, chart: panel };
  });
}

/**
 * A row picked by a `highlight` selector is drawn in the accent colour as ever, but not named
 * beside its dot: in a small panel the names of a row picked in every year run into each other
 * and past the panel's edge. The key above the panels names them (`highlightKey`).
 */
const ownName = (p: Point): Point => (p.named ? { ...p, named: "" } : p);

/** The names a `highlight` selector picked, for the key above the panels; none where the panel's title names them. */
export function highlightKey(chart: ChartData): string[] {
  if (chart.seriesNames.length > 1) return [];
  return [...new Set(chart.points.flatMap((p) => (p.named && p.named !== p.facet ? [p.named] : [])))];
}

/** Every figure the shared value axis must reach: each panel's stacks for stacked areas, else every figure. */
function spanOf(chart: ChartData): number[] {
  if (chart.spec.type === "area" && chart.seriesNames.length > 1)
    return chart.facet!.values.flatMap((label) => stackExtents(chart.points.filter((p) => p.facet === label)));
  return chart.points.flatMap((p) => (p.value === null ? [] : [p.value]));
}

function sortByTotal(categories: CategoryKey[], points: Point[], descending: boolean): CategoryKey[] {
  const total = (c: CategoryKey) =>
    points.filter((p) => sameKey(p.category, c)).reduce((sum, p) => sum + (p.value ?? 0), 0);
  const sorted = [...categories].sort((a, b) => total(a) - total(b));
  return descending ? sorted.reverse() : sorted;
}

const sameKey = (a: CategoryKey, b: CategoryKey) => keyString(a) === keyString(b);
