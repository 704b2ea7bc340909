// Writes a chart's text description from its data: what kind of chart, what it measures over
// which range, the extremes and the direction of change, then what the author pointed out with
// `highlight` and `annotations`, which the chart shows only by colour and by labels drawn in it.
// Used when the author gives no `alt`.
// A custom chart, which Plotline did not lay out, is described from its dataset, rows, x and y.
import { comparePeriods, formatValue } from "../data/index.ts";
import { isNumeric } from "../data/types.ts";
import type { CellValue, Dataset, Field, Row } from "../data/types.ts";
import { describeForm } from "./describe-forms.ts";
import { sameValue } from "./filter.ts";
import type { ChartData, Point } from "./resolve.ts";
import type { ChartSpec } from "./spec.ts";

const kindNames: Record<string, string> = {
  column: "Column chart",
  bar: "Bar chart",
  line: "Line chart",
  area: "Area chart",
  dot: "Dot chart",
  "stacked-column": "Stacked column chart",
  "stacked-bar": "Stacked bar chart",
  "grouped-column": "Grouped column chart",
  range: "Range chart",
  waterfall: "Waterfall chart",
  table: "Table",
  custom: "Chart",
};

/**
 * "Overspend" → "overspend" and "Financial year" → "financial year", but a name stays as written:
 * "NCT budget", and "Children's Social Care", whose other words are capitalised too.
 */
function lowerFirst(text: string): string {
  const [first = "", ...rest] = text.split(/\s+/);
  const name = rest.some((word) => /^[A-Z]/.test(word));
  return /^[A-Z][a-z'’]*$/.test(first) && !name ? text[0]!.toLowerCase() + text.slice(1) : text;
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
  const form = describeForm(chart, format);
  if (form) return [...sentences, ...form, ...pointedOut(chart)].join(" ");

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
  const strip = chart.points.length > chart.categories.length * chart.seriesNames.length;
  if (missing.length && strip)
    sentences.push(`${missing.length} ${missing.length === 1 ? "row has" : "rows have"} no figure.`);
  else if (missing.length) {
    sentences.push(
      `No figure for ${joinWords(missing.map((p) => (chart.seriesNames.length > 1 ? `${p.series} in ${p.label}` : p.label)))}.`,
    );
  }
  return [...sentences, ...pointedOut(chart)].join(" ");
}

/**
 * "Table of 3 rows of Children in care by placement type: Placement type, Children and Cost per
 * week. Sorted by children, largest first. Children is highest for Foster care at 346 and lowest
 * for Supported accommodation at 92. Foster care is highlighted. The first 100 of 2,031 rows are shown."
 */
export function describeTable(chart: ChartData, format: (n: number) => string): string {
  const table = chart.table!;
  const { spec, dataset } = chart;
  const count = chart.rows.length;
  const titles = joinWords(table.columns.map((c) => c.title));
  const sentences = [`Table of ${count} ${count === 1 ? "row" : "rows"} of ${dataset.title}: ${titles}.`];
  const sort = spec.table?.sort;
  const sortField = sort && dataset.fields.find((f) => f.name === sort.column);
  if (sort && sortField) {
    const numeric = isNumeric(sortField);
    const way = numeric ? (sort.descending ? "largest" : "smallest") : sort.descending ? "last" : "first";
    sentences.push(`Sorted by ${lowerFirst(sortField.title)}, ${way} first.`);
  }
  const measure = chart.measures[0]!;
  const known = chart.points.filter((p) => p.value !== null) as Array<Point & { value: number }>;
  if (isNumeric(measure) && measure !== chart.category && known.length > 1) {
    const max = known.reduce((a, b) => (b.value > a.value ? b : a));
    const min = known.reduce((a, b) => (b.value < a.value ? b : a));
    const name = measure.title.charAt(0).toUpperCase() + measure.title.slice(1);
    sentences.push(
      max.value === min.value
        ? `${name} is ${format(max.value)} in every row.`
        : `${name} is highest for ${max.label} at ${format(max.value)} and lowest for ${min.label} at ${format(min.value)}.`,
    );
  }
  const picked = chart.points.filter((_, i) => table.highlighted[i]).map((p) => p.label);
  if (picked.length)
    sentences.push(
      `${joinWords(picked.slice(0, 5))}${picked.length > 5 ? ` and ${picked.length - 5} more` : ""} ${picked.length === 1 ? "is" : "are"} highlighted.`,
    );
  if (table.capped) sentences.push(`The first ${count} of ${table.matched.toLocaleString("en-GB")} rows are shown.`);
  return sentences.join(" ");
}

/** "2022/23 and 2023/24 are highlighted. At 2022/23: New contract." */
function pointedOut(chart: ChartData): string[] {
  const { spec } = chart;
  // Each as the x axis prints it, in the chart's order.
  const labelOf = (wanted: string | number | boolean) =>
    chart.points.find((p) => sameValue(p.category, wanted) || p.label === String(wanted))?.label ?? String(wanted);
  const rank = (label: string) => chart.points.findIndex((p) => p.label === label);
  const highlighted = [...new Set(spec.highlight.map(labelOf))].sort((a, b) => rank(a) - rank(b));
  const sentences: string[] = [];
  if (highlighted.length)
    sentences.push(`${joinWords(highlighted)} ${highlighted.length === 1 ? "is" : "are"} highlighted.`);
  sentences.push(...ranks(chart));
  for (const a of spec.annotations) {
    const text = a.text.trim();
    sentences.push(`At ${labelOf(a.x)}: ${/[.!?…]["'”’)]*$/.test(text) ? text : `${text}.`}`);
  }
  return sentences;
}

/** 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st. */
function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/**
 * Where each row a `highlight` selector picked ranks among the chart's figures:
 * "Northamptonshire is 12th highest of 152, at 31.1%." The first five; ties share a rank.
 */
function ranks(chart: ChartData): string[] {
  const named = chart.points.filter((p) => p.named !== undefined);
  const several = chart.seriesNames.length > 1;
  // With several series, a row ranks among the series at its category; else among all rows.
  const sentences = named.slice(0, 5).map((p) => {
    const where = several ? ` in ${p.label}` : "";
    if (p.value === null) return `${p.named} has no figure${where}.`;
    const others = chart.points.filter((o) => (several ? o.label === p.label : true) && o.value !== null);
    const rank = 1 + others.filter((o) => o.value! > p.value!).length;
    return `${p.named} is ${ordinal(rank)} highest of ${others.length}${where}.`;
  });
  if (named.length > 5) sentences.push(`${named.length - 5} more highlighted rows are in the data table.`);
  return sentences;
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

/**
 * "Chart of budget and forecast by budget line: 4 rows of Spending by budget line. Budget is
 * highest for ... at ... and lowest for ... at ...." Without x or y, the title and the rows.
 */
export function describeCustomChart(options: { spec: ChartSpec; dataset: Dataset; rows: Row[] }): string {
  const { spec, dataset, rows } = options;
  const fieldOf = (name: string) => dataset.fields.find((f) => f.name === name)!;
  const [xs, ys] = [spec.x.map(fieldOf), spec.y.map(fieldOf)];
  const drawn = `${rows.length} ${rows.length === 1 ? "row" : "rows"} of ${dataset.title}`;
  if (!xs.length && !ys.length) return `Chart: ${spec.title.replace(/[.!?]+$/, "")}. Drawn from ${drawn}.`;
  // One x column is what the values are read against; with several there is no single one.
  const x = xs.length === 1 ? xs[0] : undefined;
  const ordered = x !== undefined && ["date", "period", "number", "integer"].includes(x.type);
  const of = ys.length ? ` of ${joinWords(ys.map((y) => lowerFirst(y.title)))}` : "";
  const by = xs.length ? ` by ${joinWords(xs.map((f) => lowerFirst(f.title)))}` : "";
  const sentences = [`Chart${of}${by}${x && ordered ? spanOf(rows, x) : ""}: ${drawn}.`];
  for (const y of ys.filter((f) => f.type === "number" || f.type === "integer").slice(0, 4)) {
    sentences.push(extremesOf(rows, { y, x, ordered, format: spec.format }));
  }
  return sentences.filter(Boolean).join(" ");
}

/** ", 2020/21 to 2023/24": the first and last values of an ordered column. */
function spanOf(rows: Row[], x: Field): string {
  const values = rows.map((r) => r[x.name] ?? null).filter((v): v is Exclude<CellValue, null> => v !== null);
  if (!values.length) return "";
  const sorted = [...values].sort((a, b) =>
    a instanceof Date && b instanceof Date
      ? a.getTime() - b.getTime()
      : typeof a === "number" && typeof b === "number"
        ? a - b
        : comparePeriods(String(a), String(b)),
  );
  const [first, last] = [formatValue(sorted[0], x), formatValue(sorted[sorted.length - 1], x)];
  return first === last ? `, ${first}` : `, ${first} to ${last}`;
}

/** "Budget is highest in 2023/24 at £153.0m and lowest in 2020/21 at £120.5m." */
function extremesOf(rows: Row[], options: { y: Field; x?: Field; ordered: boolean; format?: string }): string {
  const { y, x, ordered, format } = options;
  const known = rows.filter((r) => typeof r[y.name] === "number");
  if (!known.length) return "";
  const value = (r: Row) => r[y.name] as number;
  const print = (r: Row) => formatValue(value(r), y, format);
  const max = known.reduce((a, b) => (value(b) > value(a) ? b : a));
  const min = known.reduce((a, b) => (value(b) < value(a) ? b : a));
  const name = y.title.charAt(0).toUpperCase() + y.title.slice(1);
  if (value(max) === value(min)) return `${name} is ${print(max)} in every row.`;
  if (!x) return `${name} ranges from ${print(min)} to ${print(max)}.`;
  const where = (r: Row) => `${ordered ? "in" : "for"} ${formatValue(r[x.name] ?? null, x)}`;
  return `${name} is highest ${where(max)} at ${print(max)} and lowest ${where(min)} at ${print(min)}.`;
}
