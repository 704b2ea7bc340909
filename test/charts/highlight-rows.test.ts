import { describe, expect, it } from "vitest";
import { accent } from "../../src/charts/theme.ts";
import { draw, lines } from "./helpers.ts";

const strip = "data: councils\ntype: dot\nx: region\ny: rate\ntitle: Rates vary within regions";

describe("highlight by row: one council among all", () => {
  it("colours, names and draws on top the council it picks, and says where it ranks", () => {
    const { chart, data, messages } = draw(`${strip}\nhighlight: { la_name: Northamptonshire }`);
    expect(lines(messages)).toEqual([]);
    expect(data!.points.filter((p) => p.named !== undefined).map((p) => p.named)).toEqual(["Northamptonshire"]);
    expect(chart!.description).toContain("Northamptonshire is 121st highest of 148.");
    for (const drawing of chart!.drawings) {
      // Drawn last in its region's group of dots, so no neighbour paints over it.
      const group = /<g transform="[^"]*" class="points">((?:(?!<\/g>).)*)<\/g>/g;
      const accented = [...drawing.svg.matchAll(group)].filter((g) => g[1]!.includes(`fill="${accent}"`));
      expect(accented).toHaveLength(1);
      const circles = [...accented[0]![1]!.matchAll(/<circle [^>]*>/g)].map((c) => c[0]);
      expect(circles.at(-1)).toContain(`fill="${accent}"`);
      expect(circles.filter((c) => c.includes(`fill="${accent}"`))).toHaveLength(1);
      expect(drawing.svg).toMatch(/class="highlight-name"[^>]*>.*?>Northamptonshire</);
    }
  });

  it("picks rows on a bar chart too, by a column that is not drawn", () => {
    const { chart, data, messages } = draw(
      "data: councils\ntype: bar\ny: la_name\nx: rate\nfilter: { region: East Midlands }\nsort: -x\nhighlight: { la_code: E10000000 }\ntitle: T",
    );
    expect(lines(messages)).toEqual([]);
    const picked = data!.points.filter((p) => p.named !== undefined);
    expect(picked.map((p) => p.label)).toEqual(["Northamptonshire"]);
    expect(chart!.description).toMatch(/E10000000 is \d+(st|nd|rd|th) highest of \d+\./);
    expect(chart!.drawings[0]!.svg).toContain(`fill="${accent}"`);
  });

  it("reports a selector value that no row has, at the value, with the closest", () => {
    const { messages } = draw(`${strip}\nhighlight: { la_name: Northamptonshir }`);
    expect(lines(messages)).toEqual([
      "story.md:16:23: Unexpected `Northamptonshir` in `highlight`, no row of the chart has it in `la_name`",
    ]);
    expect(messages[0]!.note).toBe("did you mean `Northamptonshire`?");
  });

  it("reports a selector column the dataset does not have, at the column", () => {
    const { messages } = draw(`${strip}\nhighlight: { council: Northamptonshire }`);
    expect(lines(messages)[0]).toMatch(/^story\.md:16:14: Unexpected column `council`/);
  });

  it("reports a picked row that `limit` leaves out", () => {
    const block =
      "data: suppliers\ntype: bar\ny: Supplier Name\nx: Total\nfilter: { Supplier Name: { not: [Grand Total] } }\nsort: -x\nlimit: 3\nhighlight: { Supplier Name: Sodexo Ltd }\ntitle: T";
    expect(lines(draw(block).messages)).toEqual([
      "story.md:18:29: Unexpected `Sodexo Ltd` in `highlight`, no row of the chart has it in `Supplier Name`",
    ]);
  });
});

describe("highlight by row on a chart with several series", () => {
  it("ranks the picked rows in the description without banding every category", () => {
    const { chart, messages } = draw(
      "data: staff\ntype: line\nx: month\ny: vacancies\nseries: team\nhighlight: { team: West }\ntitle: T",
    );
    expect(lines(messages)).toEqual([]);
    expect(chart!.description).toMatch(/West is \d+(st|nd|rd|th) highest of 2 in \d+ [A-Z][a-z]+ 2024\./);
    expect(chart!.drawings[0]!.svg).not.toContain("highlight-band");
  });
});
