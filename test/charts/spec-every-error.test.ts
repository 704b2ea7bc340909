// A build reports every error found: a chart block's missing keys, unknown keys and bad values
// come out together, each at its own line of the story.
import { describe, expect, it } from "vitest";
import { parseChartBlock } from "../../src/charts/spec.ts";
import { draw, lines } from "./helpers.ts";

const parse = (block: string) =>
  lines(parseChartBlock(block, { file: "story.md", fenceLine: 10, defaultId: "story-1" }).messages).sort();

describe("every error of a chart block at once", () => {
  it("reports a missing title and a missing y together, both at the fence", () => {
    expect(parse("data: budget\ntype: column\nx: year\n")).toEqual([
      "story.md:10:1: Missing required key `title` in chart",
      "story.md:10:1: Missing required key `y` in chart",
    ]);
  });

  it("reports the missing category of a bar chart on y together with a missing title", () => {
    expect(parse("data: lines\ntype: bar\nx: forecast\n")).toEqual([
      "story.md:10:1: Missing required key `title` in chart",
      "story.md:10:1: Missing required key `y` in chart",
    ]);
  });

  it("reports an unknown type, an unknown key and a bad value with a missing title, each at its line", () => {
    expect(parse("data: budget\ntype: colum\nx: year\ny: overspend\nsort: biggest\ncolour: red\n")).toEqual([
      "story.md:10:1: Missing required key `title` in chart",
      "story.md:12:7: Unexpected chart type `colum`",
      "story.md:15:7: Unexpected `biggest` for `sort`, expected one of `x`, `-x`, `y` or `-y`",
      "story.md:16:1: Unexpected key `colour` in chart",
    ]);
  });

  it("reports two category columns and series with several value columns beside a bad height", () => {
    expect(
      parse(
        "data: budget\ntype: column\nx: [year, budget]\ny: [overspend, budget]\nseries: year\ntitle: T\nheight: tall\n",
      ),
    ).toEqual([
      "story.md:13:4: Unexpected `year, budget` for `x`, expected one column",
      "story.md:15:9: Unexpected `year` for `series`, expected one value column when `series` is set",
      "story.md:17:9: Unexpected `tall` for `height`, expected a whole number of pixels between 120 and 1200",
    ]);
  });

  it("reports a custom chart's missing module and alt with its missing title", () => {
    expect(parse("data: lines\ntype: custom\n")).toEqual([
      "story.md:10:1: Missing required key `alt` in chart",
      "story.md:10:1: Missing required key `title` in chart",
      "story.md:12:7: Missing required key `module` in chart",
    ]);
  });

  it("does not ask for y when the aggregate is count, nor when the aggregate is misspelt", () => {
    expect(parse("data: staff\ntype: column\nx: team\naggregate: count\n")).toEqual([
      "story.md:10:1: Missing required key `title` in chart",
    ]);
    expect(parse("data: staff\ntype: column\nx: team\naggregate: cont\ntitle: T\n")).toEqual([
      "story.md:14:12: Unexpected `cont` for `aggregate`, expected one of `count`, `sum`, `mean`, `median`, `min`, `max`",
    ]);
  });

  it("still reports a missing y at the fence for a block that is otherwise valid", () => {
    expect(lines(draw("data: budget\ntype: column\nx: year\ntitle: T\n").messages)).toEqual([
      "story.md:10:1: Missing required key `y` in chart",
    ]);
  });

  it("gives a block with errors no spec but a draft of its valid keys, naming the keys that failed", () => {
    const { spec, draft } = parseChartBlock(
      "data: budget\ntype: column\nx: [year, budget]\ny: overspend\nsort: biggest\ncolour: red\n",
      { file: "story.md", fenceLine: 10, defaultId: "story-1" },
    );
    expect(spec).toBeUndefined();
    expect([...draft!.problems].sort()).toEqual(["colour", "sort", "title", "x"]);
    expect(draft).toMatchObject({ data: "budget", type: "column", y: ["overspend"], x: [], file: "story.md" });
    expect(draft!.sort).toBeUndefined();
    expect(draft!.placeOf(["y"])).toEqual({ line: 14, column: 4 });
  });

  it("reports the missing keys of a block in a list item at its indented fence", () => {
    const { messages } = parseChartBlock("data: budget\ntype: column\nx: year\n", {
      file: "story.md",
      fenceLine: 10,
      fenceColumn: 3,
      defaultId: "story-1",
    });
    expect(lines(messages).sort()).toEqual([
      "story.md:10:3: Missing required key `title` in chart",
      "story.md:10:3: Missing required key `y` in chart",
    ]);
  });

  it("reports the unknown columns of a block in one pass", () => {
    expect(lines(draw("data: budget\ntype: column\nx: yaer\ny: overspent\ntitle: T\n").messages)).toEqual([
      "story.md:13:4: Unexpected column `yaer` for `x`, not in dataset `budget`",
      "story.md:14:4: Unexpected column `overspent` for `y`, not in dataset `budget`",
    ]);
  });
});
