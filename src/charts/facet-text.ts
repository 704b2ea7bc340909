// What a facet chart says in words: its description (the alt text), the note an independent
// scale needs, and its data table, a row per panel and category with the facet column first.
import type { Panel } from "./facet.ts";
import { keyString, type ChartData, type Point } from "./resolve.ts";

export interface FacetTable {
  head: string[];
  rows: string[][];
}

const kindNames: Record<string, string> = {
  column: "column charts",
  bar: "bar charts",
  line: "line charts",
  area: "area charts",
  dot: "dot charts",
};

/** The panels named when there are few; past this, the first and the last. */
const NAMED_PANELS = 8;

const lowerFirst = (text: string) =>
  /^[A-Z][a-z]*\b/.test(text) && !/\s[A-Z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
const joinWords = (items: string[]) =>
  items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

/**
 * "Small multiples: 6 column charts of spending by financial year, one for each council (Barnet,
 * ... and Kent), on a shared scale. The largest figure is Kent's £20.9m in 2023/24. Kent has the
 * largest total, £80.1m, and Barnet the smallest, £40.2m. From 2019/20 to 2023/24 it rises in 5
 * of the 6 panels." Then what `highlight` picked.
 */
export function describeFacets(chart: ChartData, panels: Panel[], format: (n: number) => string): string {
  const facet = chart.facet!;
  const values = facet.values;
  const named =
    values.length <= NAMED_PANELS ? joinWords(values) : `${values[0]} to ${values.at(-1)}, ${values.length} in all`;
  const measures = joinWords(chart.measures.map((m) => lowerFirst(m.title)));
  const scale = facet.scales === "shared" ? "on a shared scale" : "each on its own scale";
  const sentences = [
    `Small multiples: ${values.length} ${kindNames[chart.spec.type] ?? "charts"} of ${measures} by ${lowerFirst(chart.category.title)}, one for each ${lowerFirst(facet.field.title)} (${named}), ${scale}.`,
  ];
  const known = chart.points.filter((p): p is Point & { value: number } => p.value !== null);
  if (!known.length) return [...sentences, "There are no figures."].join(" ");
  const top = known.reduce((a, b) => (b.value > a.value ? b : a));
  const series = chart.seriesNames.length > 1 ? `, ${top.series}` : "";
  sentences.push(`The largest figure is ${format(top.value)}, for ${top.label}${series} in ${top.facet}.`);
  const compare = panels.length > 1 && chart.spec.type !== "dot" ? comparePanels(chart, panels, format) : undefined;
  if (compare) sentences.push(compare);
  const trend = trendAcross(chart, panels);
  if (trend) sentences.push(trend);
  const highlighted = [...new Set(chart.points.filter((p) => p.named !== undefined).map((p) => p.named!))];
  if (highlighted.length)
    sentences.push(`${joinWords(highlighted.slice(0, 5))} ${highlighted.length === 1 ? "is" : "are"} highlighted.`);
  if (chart.spec.highlight.length)
    sentences.push(
      `${joinWords(chart.spec.highlight.map(String))} ${chart.spec.highlight.length === 1 ? "is" : "are"} highlighted in every panel.`,
    );
  return sentences.join(" ");
}

/**
 * The panels side by side: over time, by their latest figure ("In 2023/24 Wigan is highest, at
 * 101.2, and Surrey lowest, at 40.3."); over categories, by their total where figures add up
 * (money, counts: not rates or per cents).
 */
function comparePanels(chart: ChartData, panels: Panel[], format: (n: number) => string): string | undefined {
  const seriesOne = chart.seriesNames.length === 1;
  const latest = ordered(chart) && seriesOne;
  const unit = chart.measures[0]!.unit;
  if (!latest && (!unit || unit === "percent" || chart.spec.aggregate === "mean" || chart.spec.aggregate === "median"))
    return undefined;
  const last = chart.categories.at(-1);
  const figures = panels.flatMap(({ label, chart: panel }) => {
    const known = panel.points.filter(
      (p) => p.value !== null && (!latest || keyString(p.category) === keyString(last!)),
    );
    return known.length ? [{ label, value: known.reduce((sum, p) => sum + p.value!, 0) }] : [];
  });
  if (figures.length < 2) return undefined;
  const most = figures.reduce((a, b) => (b.value > a.value ? b : a));
  const least = figures.reduce((a, b) => (b.value < a.value ? b : a));
  if (most.value === least.value) return undefined;
  if (latest) {
    const when = chart.points.find((p) => keyString(p.category) === keyString(last!))?.label ?? "";
    return `In ${when} ${most.label} is highest, at ${format(most.value)}, and ${least.label} lowest, at ${format(least.value)}.`;
  }
  return `${most.label} has the largest total, ${format(most.value)}, and ${least.label} the smallest, ${format(least.value)}.`;
}

const ordered = (chart: ChartData) => !["string", "boolean"].includes(chart.category.type) && !chart.spec.sort;

/** "From 2019/20 to 2023/24 it rises in 5 of the 6 panels and falls in 1." For ordered categories with one series. */
function trendAcross(chart: ChartData, panels: Panel[]): string | undefined {
  if (!ordered(chart) || chart.seriesNames.length > 1 || chart.spec.type === "dot") return undefined;
  let [rises, falls] = [0, 0];
  for (const { chart: panel } of panels) {
    const known = panel.points.filter((p) => p.value !== null);
    if (known.length < 2) continue;
    const [first, last] = [known[0]!.value!, known.at(-1)!.value!];
    if (last > first) rises++;
    else if (last < first) falls++;
  }
  const first = chart.points[0]?.label;
  const last = chart.points.at(-1)?.label;
  if (!rises && !falls) return undefined;
  const of = (n: number) => (n === panels.length ? `all ${n} panels` : `${n} of the ${panels.length} panels`);
  const parts = [rises ? `rises in ${of(rises)}` : `falls in ${of(falls)}`];
  if (rises && falls) parts.push(`falls in ${falls}`);
  const span = first && last && first !== last ? `From ${first} to ${last}` : "Over the period";
  return `${span} it ${parts.join(" and ")}.`;
}

/** A note under the chart when each panel has its own scale: equal heights are not equal figures. */
export function facetNotes(chart: ChartData): string[] {
  return chart.facet?.scales === "independent"
    ? ["Each panel has its own scale: compare the shapes, not the heights, and read each panel's axis."]
    : [];
}

/**
 * The figures of every panel: its value, then a row per category (per row for a dot chart,
 * which draws every row) with a column per series, each figure in full as in any chart's table.
 */
export function facetTable(chart: ChartData, panels: Panel[], format: (n: number) => string): FacetTable {
  const facet = chart.facet!;
  const single = chart.seriesNames.length === 1;
  const head = [facet.field.title, chart.category.title, ...(single ? [chart.measures[0]!.title] : chart.seriesNames)];
  const cell = (value: number | null | undefined) => (value === null || value === undefined ? "–" : format(value));
  const rows: string[][] = [];
  for (const { label, chart: panel } of panels) {
    if (chart.spec.type === "dot") {
      for (const p of panel.points)
        rows.push([label, p.label, ...chart.seriesNames.map((s) => (s === p.series ? cell(p.value) : ""))]);
      continue;
    }
    // The categories the panel has rows for: a shared scale's others are empty in it.
    for (const category of panel.categories) {
      const here = panel.points.filter((p) => keyString(p.category) === keyString(category));
      if (!here.length) continue;
      rows.push([
        label,
        here[0]!.label,
        ...chart.seriesNames.map((s) => cell(here.find((p) => p.series === s)?.value)),
      ]);
    }
  }
  return { head, rows };
}
