// `aggregate` groups rows by x as x prints: a date column printed as a month groups by month,
// so a register of decisions becomes decisions per month.
import { describe, expect, it } from "vitest";
import { draw, lines } from "./helpers.ts";

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
});
