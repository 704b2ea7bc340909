// A failed build reports every error found: a chart block with a mistake of its own is still
// checked against its dataset, each message at its own key's line of the story, and nothing is
// reported that only follows from a mistake already reported.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderStory } from "../../src/markdown/story.ts";
import { datasets, lines } from "../charts/helpers.ts";

// Six lines of frontmatter: the fence is on line 7 and the block's first key on line 8.
const frontmatter = "---\ntitle: T\ndek: D\nbyline: [R]\npublished: 2024-03-14\n---\n";
const chart = (block: string, invalidDatasets?: ReadonlySet<string>) => {
  const story = renderStory(
    `${frontmatter}\`\`\`chart\n${block}\`\`\`\n`,
    { file: "story.md", slug: "story" },
    { datasets, invalidDatasets },
  );
  return lines(story.messages).sort((a, b) => lineOf(a) - lineOf(b) || a.localeCompare(b));
};
const lineOf = (message: string) => Number(message.split(":")[1]);

describe("every error of a chart block, its dataset's included", () => {
  it("reports an unknown column together with a missing title, each at its own line", () => {
    expect(chart("data: budget\ntype: column\nx: year\ny: overspent\n")).toEqual([
      "story.md:7:1: Missing required key `title` in chart",
      "story.md:11:4: Unexpected column `overspent` for `y`, not in dataset `budget`",
    ]);
  });

  it("reports unknown columns beside a bad value and an unknown key, for every type", () => {
    expect(chart("data: budget\ntype: column\nx: yaer\ny: overspent\ntitle: T\nheight: tall\ncolour: red\n")).toEqual([
      "story.md:10:4: Unexpected column `yaer` for `x`, not in dataset `budget`",
      "story.md:11:4: Unexpected column `overspent` for `y`, not in dataset `budget`",
      "story.md:13:9: Unexpected `tall` for `height`, expected a whole number of pixels between 120 and 1200",
      "story.md:14:1: Unexpected key `colour` in chart",
    ]);
    expect(chart("data: budget\ntype: colum\nx: yaer\ny: [overspend, budgte]\n")).toEqual([
      "story.md:7:1: Missing required key `title` in chart",
      "story.md:9:7: Unexpected chart type `colum`",
      "story.md:10:4: Unexpected column `yaer` for `x`, not in dataset `budget`",
      "story.md:11:16: Unexpected column `budgte` for `y`, not in dataset `budget`",
    ]);
    expect(
      chart("data: lines\ntype: custom\nmodule: budget-gap\ny: forecst\nfilter: { lnie: Fostering }\nheight: 5\n"),
    ).toEqual([
      "story.md:7:1: Missing required key `title` in chart",
      "story.md:11:4: Unexpected column `forecst` for `y`, not in dataset `lines`",
      "story.md:12:11: Unexpected column `lnie` for `filter`, not in dataset `lines`",
      "story.md:13:9: Unexpected `5` for `height`, expected a whole number of pixels between 120 and 1200",
    ]);
  });

  it("reports a column of the wrong type together with a missing title", () => {
    expect(chart("data: lines\ntype: line\nx: line\ny: forecast\n")).toEqual([
      "story.md:7:1: Missing required key `title` in chart",
      "story.md:10:4: Unexpected string column `line` for `x`, expected a date, period, number or integer column",
    ]);
  });

  it("checks no column on a key whose value is already wrong", () => {
    expect(chart("data: budget\ntype: column\nx: [yaer, budget]\ny: overspent\n")).toEqual([
      "story.md:7:1: Missing required key `title` in chart",
      "story.md:10:4: Unexpected `yaer, budget` for `x`, expected one column",
      "story.md:11:4: Unexpected column `overspent` for `y`, not in dataset `budget`",
    ]);
    expect(chart("data: staff\ntype: column\nx: month\ny: [vacancies, budget]\nseries: taem\ntitle: T\n")).toEqual([
      "story.md:11:16: Unexpected column `budget` for `y`, not in dataset `staff`",
      "story.md:12:9: Unexpected `taem` for `series`, expected one value column when `series` is set",
    ]);
  });

  it("does not ask for numbers on y when a misspelt aggregate may have meant count", () => {
    expect(chart("data: lines\ntype: column\nx: line\ny: line\naggregate: cont\ntitle: T\n")).toEqual([
      "story.md:12:12: Unexpected `cont` for `aggregate`, expected one of `count`, `sum`, `mean`, `median`, `min`, `max`",
    ]);
  });

  it("checks what is drawn when only keys that do not shape it are wrong", () => {
    expect(chart("data: budget\ntype: column\nx: year\ny: overspend\nhighlight: 2030/31\n")).toEqual([
      "story.md:7:1: Missing required key `title` in chart",
      "story.md:12:12: Unexpected `2030/31` for `highlight`, not a value of `year` in the chart",
    ]);
    expect(chart("data: staff\ntype: column\nx: month\ny: vacancies\nheight: tall\n")).toEqual([
      "story.md:7:1: Missing required key `title` in chart",
      "story.md:10:4: Unexpected 2 rows with `x` value `31 January 2024`, expected one row per category",
      "story.md:12:9: Unexpected `tall` for `height`, expected a whole number of pixels between 120 and 1200",
    ]);
  });

  it("does not check what is drawn when a key that may shape it is wrong or unknown", () => {
    // Without `series` (misspelt), two teams share each month: not a mistake of the author's.
    expect(chart("data: staff\ntype: column\nx: month\ny: vacancies\nserie: team\ntitle: T\n")).toEqual([
      "story.md:12:1: Unexpected key `serie` in chart",
    ]);
    expect(chart("data: budget\ntype: column\nx: year\ny: overspend\nfilter: [2030/31]\nhighlight: 2030/31\n")).toEqual(
      [
        "story.md:7:1: Missing required key `title` in chart",
        'story.md:12:9: Unexpected `["2030/31"]` for `filter`, expected `column: value` pairs, where a value may be a list or `{ not: [values] }`',
      ],
    );
  });

  it("reports an unknown or broken dataset with the block's errors, and checks nothing when data is wrong", () => {
    expect(chart("data: budgte\ntype: column\nx: year\ny: overspent\n")).toEqual([
      "story.md:7:1: Missing required key `title` in chart",
      "story.md:8:7: Unexpected dataset `budgte`, no such file in `data/`",
    ]);
    expect(chart("data: broken\ntype: column\nx: year\n", new Set(["broken"]))).toEqual([
      "story.md:7:1: Missing required key `title` in chart",
      "story.md:7:1: Missing required key `y` in chart",
      "story.md:8:7: Cannot draw from dataset `broken`, which has errors",
    ]);
    expect(chart("data: [budget]\ntype: column\nx: yaer\ny: overspent\n")).toEqual([
      "story.md:7:1: Missing required key `title` in chart",
      'story.md:8:7: Unexpected `["budget"]` for `data`, expected a dataset id such as `nct-budget`',
    ]);
  });

  it("places the messages of an indented block in a list item at the story's columns", () => {
    const story = renderStory(
      `${frontmatter}- Item\n\n  \`\`\`chart\n  data: budget\n  type: column\n  x: year\n  y: overspent\n  \`\`\`\n`,
      { file: "story.md", slug: "story" },
      { datasets },
    );
    expect(lines(story.messages).sort()).toEqual([
      "story.md:13:6: Unexpected column `overspent` for `y`, not in dataset `budget`",
      "story.md:9:3: Missing required key `title` in chart",
    ]);
  });
});

describe("chart keys checked before drawing", () => {
  it("refuses a `format` that is not a number format, rather than print the default", () => {
    expect(chart("data: budget\ntype: column\nx: year\ny: overspend\ntitle: T\nformat: £0.0M\n")).toEqual([
      "story.md:13:9: Unexpected `£0.0M` for `format`, expected a number format such as `£0.0m`, `£#,##0`, `#,##0` or `0.0%`",
    ]);
    expect(chart("data: budget\ntype: column\nx: year\ny: overspend\ntitle: T\nformat: £0.0m\n")).toEqual([]);
  });
});

describe("a custom module that fails", () => {
  it("reports the example module's own message when its columns are not in the dataset", () => {
    expect(chart("data: staff\ntype: custom\nmodule: budget-gap\ntitle: T\nalt: A.\n")).toEqual([
      "story.md:10:9: Cannot draw custom chart module `budget-gap`: no column `budget` or `forecast` in `staff`: give them as `x` and `y: [budget, forecast]`",
    ]);
  });

  it("is reported at its `module` key, not as a crash", () => {
    // Custom modules live in the project's src/charts/custom/: a project of its own for this one.
    const project = mkdtempSync(join(tmpdir(), "plotline-custom-"));
    mkdirSync(join(project, "src", "charts", "custom"), { recursive: true });
    writeFileSync(join(project, "package.json"), '{ "type": "module" }\n');
    writeFileSync(
      join(project, "src", "charts", "custom", "boom.ts"),
      "export default function boom({ rows }: { rows: any[] }) {\n  return { marks: [rows[0].missing.deep] };\n}\n",
    );
    const cwd = process.cwd();
    process.chdir(project);
    try {
      expect(chart("data: budget\ntype: custom\nmodule: boom\nx: year\ny: overspend\ntitle: T\n")).toEqual([
        "story.md:10:9: Cannot draw custom chart module `boom`: Cannot read properties of undefined (reading 'deep')",
      ]);
    } finally {
      process.chdir(cwd);
      rmSync(project, { recursive: true, force: true });
    }
  });
});
