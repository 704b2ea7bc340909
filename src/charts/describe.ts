// Writes a chart's text description from its data: what kind of chart, what it measures over
// which range, the extremes and the direction of change. Used when the author gives no `alt`.
import type { ChartData, Point } from "./resolve.ts";

const kindNames: Record<string, string> = {
  column: "Column chart",
  bar: "Bar chart",
  line: "Line chart",
  area: "Area chart",
  dot: "Dot chart",
  "stacked-column": "Stacked column chart",
  "stacked-bar": "Stacked bar chart",
  "grouped-column": "Grouped column chart",
  custom: "Chart",
};

/** "Overspend" → "overspend", but "NCT budget" stays. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function joinWords(items: string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function describeChart(chart: ChartData, format: (n: number) => string): string {
  const kind = kindNames[chart.spec.type] ?? "Chart";
  const measures = joinWords(chart.measures.map((m) => lowerFirst(m.title)));
  const byWhat = lowerFirst(chart.category.title);
  const first = chart.points[0]?.label ?? "";
  const last = chart.points[chart.points.length - 1]?.label ?? "";
  const ordered = chart.category.type !== "string" && chart.category.type !== "boolean" && !chart.spec.sort;
  const range =
    chart.categories.length > 1
      ? ordered
        ? `, ${first} to ${last}`
        : `, ${chart.categories.length} ${chart.categories.length === 1 ? "category" : "categories"}`
      : `, ${first}`;
  const sentences = [`${kind} of ${measures} by ${byWhat}${range}.`];

  const perSeries = chart.seriesNames
    .slice(0, 4)
    .map((name) => ({ name, points: chart.points.filter((p) => p.series === name) }));
  for (const { name, points } of perSeries) {
    const sentence = ordered ? describeTrend(points, format) : describeExtremes(points, format);
    sentences.push(chart.seriesNames.length > 1 ? namedFor(name, sentence) : sentence);
  }
  if (chart.seriesNames.length > 4)
    sentences.push(`${chart.seriesNames.length - 4} more series are in the data table.`);
  const missing = chart.points.filter((p) => p.value === null);
  if (missing.length) {
    sentences.push(
      `No figure for ${joinWords(missing.map((p) => (chart.seriesNames.length > 1 ? `${p.series} in ${p.label}` : p.label)))}.`,
    );
  }
  return sentences.join(" ");
}

/** "It rises …" becomes "Spending rises …"; "The largest …" becomes "Spending: the largest …". */
function namedFor(series: string, sentence: string): string {
  // The name starts a sentence, so it takes a capital ("budget" in a column of labels).
  const name = series.charAt(0).toUpperCase() + series.slice(1);
  if (sentence.startsWith("It ")) return `${name} ${sentence.slice(3)}`;
  return `${name}: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
}

/** "It rises from £10m in 2021/22 to £26m in 2023/24, its highest." */
function describeTrend(points: Point[], format: (n: number) => string): string {
  const known = points.filter((p) => p.value !== null) as Array<Point & { value: number }>;
  if (known.length === 0) return "It has no figures.";
  const start = known[0]!;
  const end = known[known.length - 1]!;
  if (known.length === 1) return `It is ${format(start.value)} in ${start.label}.`;
  const max = known.reduce((a, b) => (b.value > a.value ? b : a));
  const min = known.reduce((a, b) => (b.value < a.value ? b : a));
  const verb = end.value > start.value ? "rises" : end.value < start.value ? "falls" : "is unchanged";
  let sentence =
    verb === "is unchanged"
      ? `It is ${format(start.value)} in both ${start.label} and ${end.label}`
      : `It ${verb} from ${format(start.value)} in ${start.label} to ${format(end.value)} in ${end.label}`;
  if (end === max && max !== min) sentence += ", its highest";
  else if (end === min && max !== min) sentence += ", its lowest";
  sentence += ".";
  const extremes: string[] = [];
  if (max !== end && max !== start) extremes.push(`the highest is ${format(max.value)} in ${max.label}`);
  if (min !== end && min !== start) extremes.push(`the lowest is ${format(min.value)} in ${min.label}`);
  if (extremes.length) sentence += ` In between, ${joinWords(extremes)}.`;
  return sentence;
}

/** "The largest is Supported accommodation at £15.5m; the smallest is ... at ...." */
function describeExtremes(points: Point[], format: (n: number) => string): string {
  const known = points.filter((p) => p.value !== null) as Array<Point & { value: number }>;
  if (known.length === 0) return "It has no figures.";
  if (known.length === 1) return `${known[0]!.label} is ${format(known[0]!.value)}.`;
  const max = known.reduce((a, b) => (b.value > a.value ? b : a));
  const min = known.reduce((a, b) => (b.value < a.value ? b : a));
  if (max.value === min.value) return `Every value is ${format(max.value)}.`;
  return `The largest is ${max.label} at ${format(max.value)}; the smallest is ${min.label} at ${format(min.value)}.`;
}
