import { describe, expect, it } from "vitest";
import { draw, lines } from "./helpers.ts";

const range = "data: lines\ntype: range\ny: line\nx: [budget, forecast]\ntitle: T\n";

describe("range charts", () => {
  it("orders categories by the change from the first value to the second with sort: -change", () => {
    const { data } = draw(`${range}sort: -change`);
    expect(data!.categories).toEqual([
      "Supported accommodation",
      "Independent placements",
      "Staffing and agency cover",
      "Fostering",
    ]);
    expect(draw(`${range}sort: change`).data!.categories[0]).toBe("Fostering");
  });

  it("names the biggest rise and says when nothing falls", () => {
    const { chart } = draw(range);
    expect(chart!.description).toContain("Each arrow runs from budget to forecast.");
    expect(chart!.description).toContain(
      "The biggest rise is Supported accommodation, from £3.5m to £15.5m (+£12.0m); every category rises.",
    );
    expect(chart!.description).toContain("None falls.");
  });

  it("prints each change beside its arrow, signed", () => {
    const svg = draw(range).chart!.drawings[0]!.svg;
    expect(svg).toContain(">+£12.0m<");
  });

  it("rejects a range without two value columns at `x`", () => {
    const { messages } = draw(range.replace("x: [budget, forecast]", "x: budget"));
    expect(lines(messages)).toEqual(["story.md:14:4: Unexpected `budget` for `x`, expected two columns"]);
  });

  it("rejects `sort: change` on any other chart", () => {
    const { messages } = draw("data: lines\ntype: bar\ny: line\nx: forecast\nsort: -change\ntitle: T");
    expect(lines(messages)).toEqual([
      "story.md:15:7: Unexpected `-change` for `sort`, expected one of `x`, `-x`, `y` or `-y`",
    ]);
  });
});
