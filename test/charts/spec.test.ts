import { describe, expect, it } from "vitest";
import * as spec from "../../src/charts/spec.ts";
import { draw, lines } from "./helpers.ts";

describe("parseChartBlock", () => {
  it("exports the chart block parser and its vocabulary", () => {
    expect(Object.keys(spec).sort()).toEqual([
      "LAYOUT_IDS",
      "aggregates",
      "chartKeys",
      "chartTypes",
      "parseChartBlock",
    ]);
  });

  it("reads a minimal block and defaults the id to the story's slug and number", () => {
    const { spec: parsed, messages } = spec.parseChartBlock(
      "data: budget\ntype: column\nx: year\ny: overspend\ntitle: It grew\n",
      {
        file: "story.md",
        fenceLine: 4,
        defaultId: "my-story-2",
      },
    );
    expect(messages).toEqual([]);
    expect(parsed).toMatchObject({
      id: "my-story-2",
      data: "budget",
      type: "column",
      x: ["year"],
      y: ["overspend"],
      title: "It grew",
    });
  });

  it("reports invalid YAML at its line in the story, not in the block", () => {
    const { messages } = draw("data: budget\ntype: [column\ntitle: x\n");
    expect(lines(messages)[0]).toMatch(/^story\.md:1[23]:\d+: Invalid YAML in chart block/);
  });

  it("reports an unknown key at the key's own line and column with a suggestion", () => {
    const { messages } = draw("data: budget\ntype: column\nx: year\ny: overspend\ntitle: T\nsubtitel: oops\n");
    expect(lines(messages)).toEqual(["story.md:16:1: Unexpected key `subtitel` in chart"]);
    expect(messages[0]!.note).toBe("did you mean `subtitle`?");
  });

  it("reports a missing title at the opening fence", () => {
    const { messages } = draw("data: budget\ntype: column\nx: year\ny: overspend\n");
    expect(lines(messages)).toEqual(["story.md:10:1: Missing required key `title` in chart"]);
  });

  it("reports an unknown chart type at its value with the closest type", () => {
    const { messages } = draw("data: budget\ntype: colum\nx: year\ny: overspend\ntitle: T\n");
    expect(lines(messages)).toEqual(["story.md:12:7: Unexpected chart type `colum`"]);
    expect(messages[0]!.note).toMatch(/^did you mean `column`\?/);
  });

  it("reports a bad sort value in words, not zod's", () => {
    const { messages } = draw("data: budget\ntype: column\nx: year\ny: overspend\ntitle: T\nsort: biggest\n");
    expect(lines(messages)).toEqual([
      "story.md:16:7: Unexpected `biggest` for `sort`, expected one of `x`, `-x`, `y` or `-y`",
    ]);
  });

  it("rejects a chart id that is not URL-safe", () => {
    const { messages } = draw("id: My Chart!\ndata: budget\ntype: column\nx: year\ny: overspend\ntitle: T\n");
    expect(lines(messages)[0]).toBe(
      "story.md:11:5: Unexpected `My Chart!` for `id`, expected a lowercase kebab-case id such as `overspend-by-year`",
    );
  });
});

describe("resolveChart", () => {
  it("reports an unknown dataset at the value of `data` with a suggestion", () => {
    const { messages } = draw("data: budgte\ntype: column\nx: year\ny: overspend\ntitle: T\n");
    expect(lines(messages)).toEqual(["story.md:11:7: Unexpected dataset `budgte`, no such file in `data/`"]);
    expect(messages[0]!.note).toBe("did you mean `budget`?");
  });

  it("reports an unknown column at its key's value, listing the columns", () => {
    const { messages } = draw("data: budget\ntype: column\nx: year\ny: overspent\ntitle: T\n");
    expect(lines(messages)).toEqual(["story.md:14:4: Unexpected column `overspent` for `y`, not in dataset `budget`"]);
    expect(messages[0]!.note).toBe("did you mean `overspend`?");
  });

  it("refuses a text column as the values of a column chart", () => {
    const { messages } = draw("data: lines\ntype: column\nx: budget\ny: line\ntitle: T\n");
    expect(lines(messages)).toEqual([
      "story.md:14:4: Unexpected string column `line` for `y`, expected a number or integer column",
    ]);
  });

  it("reports a filter value no row has, at the value, with a close one or those that exist", () => {
    const { messages } = draw(
      "data: budget\ntype: column\nx: year\ny: overspend\ntitle: T\nfilter: { year: 2030/31 }\n",
    );
    expect(lines(messages)).toEqual([
      "story.md:16:17: Unexpected `2030/31` in `filter`, no row of `budget` has it in `year`",
    ]);
    expect(messages[0]!.note).toBe("did you mean `2020/21`?");
    const far = draw("data: budget\ntype: column\nx: year\ny: overspend\ntitle: T\nfilter: { year: next year }\n");
    expect(far.messages[0]!.note).toBe("the values of `year` are `2020/21`, `2021/22`, `2022/23`, `2023/24`");
  });

  it("reports a misspelt value in a filter's list, though the others leave rows to draw", () => {
    const { messages } = draw(
      "data: staff\ntype: line\nx: month\ny: vacancies\nseries: team\ntitle: T\nfilter:\n  team: [North, Wset]\n",
    );
    expect(lines(messages)).toEqual([
      "story.md:18:17: Unexpected `Wset` in `filter`, no row of `staff` has it in `team`",
    ]);
    expect(messages[0]!.note).toBe("did you mean `West`?");
  });

  it("reports filters whose values exist but never together", () => {
    const { messages } = draw(
      "data: staff\ntype: column\nx: month\ny: vacancies\ntitle: T\nfilter: { team: West, vacancies: 120 }\n",
    );
    expect(lines(messages)).toEqual(["story.md:16:9: Unexpected empty chart: no rows of `staff` are left to draw"]);
  });

  it("refuses two rows for one category instead of stacking them silently", () => {
    const { messages } = draw("data: staff\ntype: column\nx: month\ny: vacancies\ntitle: T\n");
    expect(lines(messages)[0]).toMatch(/^story\.md:13:4: Unexpected 2 rows with `x` value `31 January 2024`/);
  });

  it("keeps file order for text categories and applies sort by value", () => {
    const plain = draw("data: lines\ntype: bar\ny: line\nx: forecast\ntitle: T\n");
    expect(plain.data!.categories).toEqual([
      "Supported accommodation",
      "Independent placements",
      "Fostering",
      "Staffing and agency cover",
    ]);
    const sorted = draw("data: lines\ntype: bar\ny: line\nx: forecast\ntitle: T\nsort: -x\n");
    expect(sorted.data!.categories[0]).toBe("Staffing and agency cover");
  });

  it("counts rows per category with aggregate: count and no y", () => {
    const { data, messages } = draw("data: staff\ntype: column\nx: team\naggregate: count\ntitle: T\n");
    expect(messages).toEqual([]);
    expect(data!.points.map((p) => [p.category, p.value])).toEqual([
      ["North", 3],
      ["West", 3],
    ]);
  });

  it("filters rows by a list of values", () => {
    const { data } = draw(
      "data: staff\ntype: line\nx: month\ny: vacancies\nseries: team\nfilter: { team: [West] }\ntitle: T\n",
    );
    expect(data!.seriesNames).toEqual(["West"]);
    expect(data!.points).toHaveLength(3);
  });
});

describe("parseChartBlock with missing keys", () => {
  it("reports a missing type at the fence", () => {
    const { messages } = draw("data: budget\nx: year\ny: overspend\ntitle: T\n");
    expect(lines(messages)).toEqual(["story.md:10:1: Missing required key `type` in chart"]);
  });
});

describe("resolveChart and what is drawn", () => {
  it("refuses a highlight naming a category that is not drawn", () => {
    const { messages } = draw("data: budget\ntype: column\nx: year\ny: overspend\ntitle: T\nhighlight: 2030/31\n");
    expect(lines(messages)).toEqual([
      "story.md:16:12: Unexpected `2030/31` for `highlight`, not a value of `year` in the chart",
    ]);
  });

  it("refuses an annotation outside the data, at its x", () => {
    const { messages } = draw(
      "data: budget\ntype: column\nx: year\ny: overspend\ntitle: T\nannotations:\n  - { x: 2019/20, text: Before }\n",
    );
    expect(lines(messages)).toEqual([
      "story.md:17:10: Unexpected `2019/20` for `annotations[0].x`, not a value of `year` in the chart",
    ]);
    expect(messages[0]!.note).toContain("`2020/21`");
  });

  it("refuses a series column with more values than readers can tell apart", () => {
    const { messages } = draw("data: many\ntype: line\nx: year\ny: amount\nseries: name\ntitle: T\n");
    expect(lines(messages)).toEqual(["story.md:15:9: Unexpected 40 series in `name`, expected at most 6"]);
    expect(messages[0]!.note).toMatch(/filter/);
  });

  it("draws mixed positive and negative parts of a stack on both sides of zero", () => {
    const { chart, messages } = draw("data: mixed\ntype: stacked-column\nx: year\ny: amount\nseries: part\ntitle: T\n");
    expect(messages).toEqual([]);
    const svg = chart!.drawings[0]!.svg;
    const zero = Number(/<line [^>]*class="baseline"|<g [^>]*class="baseline"[^>]*><line y2="([\d.]+)"/.exec(svg)?.[1]);
    expect(Number.isFinite(zero)).toBe(true);
    const bars = [
      ...svg.matchAll(/<rect [^>]*y="([\d.]+)"[^>]*height="([\d.]+)"|<rect [^>]*height="([\d.]+)"[^>]*y="([\d.]+)"/g),
    ];
    const below = bars.filter((m) => Number(m[4] ?? m[1]) >= zero - 0.01);
    expect(below.length).toBeGreaterThan(0);
  });
});
