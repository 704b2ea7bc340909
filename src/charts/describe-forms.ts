// The sentences that say what a range or a waterfall shows beyond its extremes: the biggest
// rise and fall of a range, the totals and the largest steps of a waterfall. describe.ts adds
// them to the chart's opening sentence.
import { changeText, spansOf } from "./kinds/range.ts";
import { stepsOf, stepText } from "./kinds/waterfall.ts";
import type { ChartData } from "./resolve.ts";

const LARGEST_STEPS = 3;

/** Sentences for the forms with a story of their own, or undefined for every other kind. */
export function describeForm(chart: ChartData, format: (n: number) => string): string[] | undefined {
  if (chart.spec.type === "range") return describeRange(chart, format);
  if (chart.spec.type === "waterfall") return describeWaterfall(chart, format);
  return undefined;
}

/** "The biggest rise is Supported accommodation, from £3.5m to £15.5m (+£12.0m). None falls." */
function describeRange(chart: ChartData, format: (n: number) => string): string[] {
  const spans = spansOf(chart);
  const [from = "", to = ""] = chart.seriesNames.map((n) => n.toLowerCase());
  if (!spans.length) return [`No category has both ${from} and ${to}.`];
  const sentences = [`Each arrow runs from ${from} to ${to}.`];
  const rises = spans.filter((s) => s.change > 0).sort((a, b) => b.change - a.change);
  const falls = spans.filter((s) => s.change < 0).sort((a, b) => a.change - b.change);
  const say = (s: (typeof spans)[number]) =>
    `${s.label}, from ${format(s.from)} to ${format(s.to)} (${changeText(format, s.change)})`;
  const count = (n: number, verb: string) => (n === spans.length ? `every category ${verb}s` : `${n} ${verb}`);
  sentences.push(
    rises.length
      ? `The biggest rise is ${say(rises[0]!)}${rises.length > 1 ? `; ${count(rises.length, "rise")}` : ""}.`
      : "None rises.",
  );
  sentences.push(
    falls.length
      ? `The biggest fall is ${say(falls[0]!)}${falls.length > 1 ? `; ${count(falls.length, "fall")}` : ""}.`
      : "None falls.",
  );
  return sentences;
}

/** "From 2023/24 budget at £150.0m to 2024/25 budget at £160.0m. The largest steps are ..." */
function describeWaterfall(chart: ChartData, format: (n: number) => string): string[] {
  const steps = stepsOf(chart);
  const totals = steps.filter((s) => s.kind === "total");
  const moves = steps.filter((s) => s.kind !== "total");
  const sentences: string[] = [];
  const [first, last] = [totals[0], totals.at(-1)];
  if (first && last && first !== last)
    sentences.push(`It runs from ${first.label} at ${format(first.value)} to ${last.label} at ${format(last.value)}.`);
  else if (first) sentences.push(`${first.label} is ${format(first.value)}.`);
  const largest = [...moves].sort((a, b) => Math.abs(b.value) - Math.abs(a.value)).slice(0, LARGEST_STEPS);
  const named = largest.map((s) => `${s.label} (${stepText(format, s)})`);
  if (named.length === 1) sentences.push(`The one step is ${named[0]}.`);
  else if (named.length > 1)
    sentences.push(`The largest steps are ${named.slice(0, -1).join(", ")} and ${named.at(-1)}.`);
  const rises = moves.filter((s) => s.kind === "rise").length;
  const falls = moves.length - rises;
  if (moves.length > 1)
    sentences.push(
      `${rises} ${rises === 1 ? "step rises" : "steps rise"} and ${falls} ${falls === 1 ? "falls" : "fall"}.`,
    );
  return sentences;
}
