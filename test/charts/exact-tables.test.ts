// Data tables under a chart print every figure in full, while the drawing keeps its short style.
import { describe, expect, it } from "vitest";
import { draw } from "./helpers.ts";

describe("a chart's data table", () => {
  it("prints money in full, with pence on every row when any row has them", () => {
    const { chart, messages } = draw(
      "data: parking\ntype: column\nx: Financial Year\ny: Surplus\ntitle: The account made a loss once",
    );
    expect(messages).toEqual([]);
    expect(chart!.table.rows).toContainEqual(["2017/18", "£270,489.00"]);
    expect(chart!.table.rows).toContainEqual(["2020/21", "−£59,055.05"]);
  });

  it("never prints £1.2m where the reader checks £1,203,455.00, though the chart's ticks do", () => {
    const { chart } = draw("data: parking\ntype: column\nx: Financial Year\ny: Income\ntitle: Income held up");
    expect(chart!.table.rows[0]).toEqual(["2017/18", "£1,203,455.00"]);
    expect(chart!.table.rows.flat().join(" ")).not.toMatch(/£\d(\.\d)?m/);
    expect(chart!.drawings[0]!.svg).toMatch(/£\d\.\dm/);
  });

  it("keeps the sidecar's own format", () => {
    const { chart } = draw("data: budget\ntype: column\nx: year\ny: budget\ntitle: T");
    expect(chart!.table.rows[0]).toEqual(["2020/21", "£120.5m"]);
  });
});
