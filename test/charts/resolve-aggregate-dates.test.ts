// `aggregate` groups rows by x as x prints: a date column printed as a month groups by month,
// so a register of decisions becomes decisions per month.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveChart } from "../../src/charts/resolve.ts";
import { parseChartBlock } from "../../src/charts/spec.ts";
import { loadDatasets } from "../../src/data/index.ts";
import { draw, lines } from "./helpers.ts";

// Applications received from March 2023 to March 2024, printed `MMMM`; decided in 2024, `D MMM`.
const months = loadDatasets({ root: join(import.meta.dirname, "..", "fixtures", "charts-months") });
const resolveMonths = (block: string) => {
  const { spec, messages } = parseChartBlock(block, { file: "story.md", fenceLine: 10, defaultId: "story-1" });
  expect(lines(messages)).toEqual([]);
  return resolveChart(spec!, months.datasets);
};

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("aggregate over a date column", () => {
  it("counts rows per month when the column prints month and year, in time order", () => {
    const { data, chart, messages } = draw("data: register\ntype: column\nx: received\naggregate: count\ntitle: T\n");
    expect(lines(messages)).toEqual([]);
    expect(data!.categories).toEqual([utc("2024-01-01"), utc("2024-02-01"), utc("2024-03-01")]);
    expect(data!.points.map((p) => [p.label, p.value])).toEqual([
      ["Jan 2024", 4],
      ["Feb 2024", 3],
      ["Mar 2024", 5],
    ]);
    expect(chart!.table.rows).toEqual([
      ["Jan 2024", "4"],
      ["Feb 2024", "3"],
      ["Mar 2024", "5"],
    ]);
    expect(data!.rows.map((r) => (r.received as Date).toISOString().slice(0, 7))).toEqual([
      ...Array(4).fill("2024-01"),
      ...Array(3).fill("2024-02"),
      ...Array(5).fill("2024-03"),
    ]);
  });

  it("sums per month and series", () => {
    const { data, messages } = draw(
      "data: register\ntype: stacked-column\nx: received\ny: fee\nseries: decision\naggregate: sum\ntitle: T\n",
    );
    expect(lines(messages)).toEqual([]);
    expect(data!.points.map((p) => [p.label, p.series, p.value])).toEqual([
      ["Jan 2024", "Approved", 578 + 258 + 578],
      ["Jan 2024", "Refused", 462],
      ["Feb 2024", "Refused", 258],
      ["Feb 2024", "Approved", 462 + 1156],
      ["Mar 2024", "Approved", 462 + 258 + 578 + 462],
      ["Mar 2024", "Refused", 462],
    ]);
  });

  it("leaves a group with a row that has no figure as a gap, named in the note, not a sum of the rest", () => {
    for (const aggregate of ["sum", "mean", "median", "min", "max"]) {
      const block = `data: payments\ntype: column\nx: council\ny: amount\naggregate: ${aggregate}\ntitle: T\n`;
      const { data, chart, messages } = draw(block);
      expect(lines(messages)).toEqual([]);
      expect(data!.points.map((p) => [p.label, p.value])).toEqual([
        ["Leeds", aggregate === "sum" ? 500 : aggregate === "min" ? 200 : aggregate === "max" ? 300 : 250],
        ["Northants", null],
      ]);
      expect(chart!.description).toContain("No figure for Northants");
    }
    const counted = draw("data: payments\ntype: column\nx: council\naggregate: count\ntitle: T\n");
    expect(counted.data!.points.map((p) => p.value)).toEqual([2, 3]);
  });

  it("groups by year when the column prints only the year", () => {
    const { data, messages } = draw("data: register\ntype: column\nx: decided\naggregate: count\ntitle: T\n");
    expect(lines(messages)).toEqual([]);
    expect(data!.points.map((p) => [p.category, p.label, p.value])).toEqual([
      [utc("2024-01-01"), "2024", 11],
      [utc("2025-01-01"), "2025", 1],
    ]);
  });

  it("draws a line of months and highlights a month by its printed label", () => {
    const { data, messages } = draw(
      "data: register\ntype: line\nx: received\naggregate: count\nhighlight: Feb 2024\ntitle: T\n",
    );
    expect(lines(messages)).toEqual([]);
    expect(data!.points).toHaveLength(3);
  });

  it("keeps exact dates when the column prints the day", () => {
    const { data } = draw("data: staff\ntype: column\nx: month\ny: vacancies\naggregate: sum\ntitle: T\n");
    expect(data!.points.map((p) => [p.label, p.value])).toEqual([
      ["31 January 2024", 270],
      ["29 February 2024", 275],
      ["31 March 2024", 267],
    ]);
  });

  it("does not group dates without an aggregate", () => {
    const { data, messages } = draw("data: register\ntype: line\nx: received\ny: fee\ntitle: T\n");
    expect(lines(messages)).toEqual([]);
    expect(data!.points).toHaveLength(12);
  });

  it("refuses dates from several years printed by a format without a year, aggregated or not", () => {
    expect(months.messages).toEqual([]);
    const counted = resolveMonths("data: applications\ntype: column\nx: received\naggregate: count\ntitle: T\n");
    expect(lines(counted.messages)).toEqual([
      "story.md:13:4: Unexpected dates from 2 years in `received`, printed without the year by format `MMMM`",
    ]);
    expect(counted.messages[0]!.note).toBe(
      "add the year to the `format` of `received` in `data/applications.yml`, e.g. `MMMM YYYY`: the chart has dates from 2023 to 2024, and without the year they print alike",
    );
    expect(counted.chart).toBeUndefined();
    const drawn = resolveMonths("data: applications\ntype: line\nx: received\ny: fee\ntitle: T\n");
    expect(lines(drawn.messages)).toEqual([
      "story.md:13:4: Unexpected dates from 2 years in `received`, printed without the year by format `MMMM`",
    ]);
  });

  it("draws the months with no rows between the first and the last: 0 counted or summed, no mean", () => {
    const quiet = "filter: { reference: [24/0001, 24/0010] }\ntitle: T\n";
    const count = resolveMonths(`data: applications\ntype: column\nx: received\naggregate: count\n${quiet}`);
    expect(lines(count.messages)).toEqual([]);
    expect(count.chart!.points.map((p) => [p.label, p.value])).toEqual([
      ["January", 1],
      ["February", 0],
      ["March", 1],
    ]);
    const mean = resolveMonths(`data: applications\ntype: line\nx: received\ny: fee\naggregate: mean\n${quiet}`);
    expect(mean.chart!.points.map((p) => [p.label, p.value])).toEqual([
      ["January", 462],
      ["February", null],
      ["March", 462],
    ]);
    const sum = resolveMonths(`data: applications\ntype: column\nx: received\ny: fee\naggregate: sum\n${quiet}`);
    expect(sum.chart!.points.map((p) => p.value)).toEqual([462, 0, 462]);
  });

  it("names the month drawn when a highlight is a date of a chart grouped by month", () => {
    const { messages } = resolveMonths(
      "data: applications\ntype: column\nx: received\naggregate: count\nfilter: { reference: [24/0001, 24/0010] }\nhighlight: 2024-01-08\ntitle: T\n",
    );
    expect(messages.map((m) => m.note)).toEqual(["did you mean `January`?"]);
  });

  it("groups by month a format without a year when the chart's dates are all of one year", () => {
    const { chart, messages } = resolveMonths(
      "data: applications\ntype: column\nx: received\naggregate: count\nfilter: { reference: [24/0010, 24/0001, 24/0002] }\ntitle: T\n",
    );
    expect(lines(messages)).toEqual([]);
    expect(chart!.points.map((p) => [p.category, p.label, p.value])).toEqual([
      [utc("2024-01-01"), "January", 2],
      [utc("2024-02-01"), "February", 0],
      [utc("2024-03-01"), "March", 1],
    ]);
    const days = resolveMonths("data: applications\ntype: column\nx: decided\ny: fee\naggregate: sum\ntitle: T\n");
    expect(lines(days.messages)).toEqual([]);
    expect(days.chart!.points.map((p) => [p.label, p.value])).toEqual([
      ["15 Jan", 462],
      ["2 Feb", 578],
      ["19 Feb", 258],
      ["4 Mar", 462 + 578],
      ["22 Apr", 462],
    ]);
  });
});
