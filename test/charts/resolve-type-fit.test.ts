// A type that does not fit the data is an error: a line or an area joins its points in order,
// so its x must be ordered (a date, a period or a number).
import { describe, expect, it } from "vitest";
import { draw, lines } from "./helpers.ts";

describe("chart types that need an ordered x", () => {
  it("refuses a line over a text column, at `x`, with what to do instead", () => {
    const { messages } = draw("data: lines\ntype: line\nx: line\ny: forecast\ntitle: T\n");
    expect(lines(messages)).toEqual([
      "story.md:13:4: Unexpected string column `line` for `x`, expected a date, period, number or integer column",
    ]);
    expect(messages[0]!.note).toMatch(/`type: column`/);
    expect(messages[0]!.note).toMatch(/`type: period` or `date`/);
    expect(messages[0]!.note).toContain("`data/lines.yml`");
  });

  it("refuses an area over a text column the same way", () => {
    const { messages } = draw("data: staff\ntype: area\nx: team\ny: vacancies\naggregate: sum\ntitle: T\n");
    expect(lines(messages)).toEqual([
      "story.md:13:4: Unexpected string column `team` for `x`, expected a date, period, number or integer column",
    ]);
  });

  it("reports a misfit x together with a bad y column", () => {
    const { messages } = draw("data: lines\ntype: line\nx: line\ny: forecst\ntitle: T\n");
    expect(lines(messages)).toEqual([
      "story.md:13:4: Unexpected string column `line` for `x`, expected a date, period, number or integer column",
      "story.md:14:4: Unexpected column `forecst` for `y`, not in dataset `lines`",
    ]);
  });

  it("draws lines over dates, periods and numbers", () => {
    for (const block of [
      "data: staff\ntype: line\nx: month\ny: vacancies\nseries: team\ntitle: T\n",
      "data: budget\ntype: line\nx: year\ny: budget\ntitle: T\n",
      "data: falling\ntype: area\nx: year\ny: count\ntitle: T\n",
    ]) {
      expect(lines(draw(block).messages)).toEqual([]);
    }
  });

  it("lets dots, columns and bars take text categories", () => {
    for (const block of [
      "data: lines\ntype: dot\nx: line\ny: forecast\ntitle: T\n",
      "data: lines\ntype: column\nx: line\ny: forecast\ntitle: T\n",
      "data: lines\ntype: bar\ny: line\nx: forecast\ntitle: T\n",
    ]) {
      expect(lines(draw(block).messages)).toEqual([]);
    }
  });
});
