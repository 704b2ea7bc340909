// `by`: a chart groups a date column by month, quarter or year, while the field still prints the day.
import { describe, expect, it } from "vitest";
import { formatValue } from "../../src/data/index.ts";
import { datasets, draw, lines } from "./helpers.ts";

const block = (by: string) =>
  `data: invoices\ntype: column\nx: Payment Date\ny: Amount\naggregate: sum\nby: ${by}\ntitle: Payments by ${by}`;

describe("grouping dates with `by`", () => {
  it("sums each month and labels it with its month, whatever the field prints", () => {
    const { data, messages } = draw(block("month"));
    expect(messages).toEqual([]);
    expect(data!.points.map((p) => p.label)).toEqual(["Jun 2012", "Jul 2012"]);
    expect(data!.points.map((p) => p.value! > 0)).toEqual([true, true]);
    // The field's own format is untouched: the dataset page still prints the payment day.
    const invoices = datasets.get("invoices")!;
    const field = invoices.fields.find((f) => f.name === "Payment Date")!;
    expect(formatValue(invoices.rows[0]!["Payment Date"], field)).toBe("6 June 2012");
  });

  it("groups by quarter and by year", () => {
    expect(draw(block("quarter")).data!.points.map((p) => p.label)).toEqual(["Q2 2012", "Q3 2012"]);
    expect(draw(block("year")).data!.points.map((p) => [p.label, p.value])).toEqual([
      ["2012", draw(block("month")).data!.points.reduce((s, p) => s + p.value!, 0)],
    ]);
  });

  it("counts rows by month with `aggregate: count`", () => {
    const { data } = draw(
      "data: invoices\ntype: column\nx: Payment Date\naggregate: count\nby: month\ntitle: Invoices by month",
    );
    expect(data!.points.map((p) => [p.label, p.value])).toEqual([
      ["Jun 2012", 11],
      ["Jul 2012", 1],
    ]);
  });

  it("refuses an unknown period and a column that is not a date, at the key's line", () => {
    expect(lines(draw(block("week")).messages)).toEqual([
      expect.stringMatching(/^story\.md:16:\d+: .*`by`.*one of `month`, `quarter` or `year`/),
    ]);
    const { messages } = draw("data: budget\ntype: column\nx: year\ny: budget\nby: year\ntitle: T");
    expect(lines(messages)).toEqual([
      expect.stringMatching(/^story\.md:15:\d+: .*`year` for `by`, expected a date column/),
    ]);
  });
});
