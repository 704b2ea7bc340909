import { describe, expect, it } from "vitest";
import { draw, lines } from "./helpers.ts";

describe("a dot chart draws every row", () => {
  it("draws invoices that share a payment date as a strip over dates", () => {
    const { chart, data, messages } = draw(
      "data: invoices\ntype: dot\nx: Payment Date\ny: Amount\ntitle: Payments came in bursts",
    );
    expect(lines(messages)).toEqual([]);
    expect(data!.points).toHaveLength(12);
    expect(data!.categories).toHaveLength(5);
    const wide = chart!.drawings.find((d) => d.layout === "wide")!.svg;
    expect(wide.match(/<circle/g)).toHaveLength(12);
  });

  it("dodges the dots of a strip over categories so none hides another", () => {
    const { chart, messages } = draw("data: councils\ntype: dot\nx: region\ny: rate\ntitle: Rates vary within regions");
    expect(lines(messages)).toEqual([]);
    for (const drawing of chart!.drawings) {
      // Plot draws each category's dots in a group of their own; 152 councils, 4 suppressed.
      const groups = [...drawing.svg.matchAll(/<g transform="[^"]*" class="points">(.*?)<\/g>/g)].map((g) =>
        [...g[1]!.matchAll(/<circle [^>]*>/g)].map((c) => {
          const attr = (name: string) => Number(new RegExp(`${name}="([\\d.-]+)"`).exec(c[0])![1]);
          return { x: attr("cx"), y: attr("cy"), r: attr("r") };
        }),
      );
      expect(groups).toHaveLength(9);
      expect(groups.flat()).toHaveLength(148);
      for (const dots of groups)
        for (let i = 0; i < dots.length; i++)
          for (let j = i + 1; j < dots.length; j++) {
            const [a, b] = [dots[i]!, dots[j]!];
            expect(Math.hypot(a.x - b.x, a.y - b.y), drawing.layout).toBeGreaterThanOrEqual(2 * a.r - 0.2);
          }
    }
  });

  it("keeps one row per category for the other kinds", () => {
    const { messages } = draw("data: invoices\ntype: column\nx: Payment Date\ny: Amount\ntitle: T");
    expect(lines(messages)[0]).toMatch(/^story\.md:13:4: Unexpected 3 rows with `x` value `6 June 2012`/);
  });
});

describe("rows with no figure in a strip", () => {
  it("are counted, not named by their category, in the notes and the description", () => {
    const { chart } = draw("data: councils\ntype: dot\nx: region\ny: rate\ntitle: Rates vary within regions");
    expect(chart!.notes).toEqual(["4 rows have no figure and are not drawn."]);
    expect(chart!.description).toContain(" 4 rows have no figure.");
    expect(chart!.description).not.toContain("No figure for");
  });
});
