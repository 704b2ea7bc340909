// The sentences that say what a range shows beyond its extremes: the biggest rise and fall.
// describe.ts adds them to the chart's opening sentence.
import { changeText, spansOf } from "./kinds/range.ts";
import type { ChartData } from "./resolve.ts";

/** Sentences for the forms with a story of their own, or undefined for every other kind. */
export function describeForm(chart: ChartData, format: (n: number) => string): string[] | undefined {
  if (chart.spec.type === "range") return describeRange(chart, format);
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
