import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintStoryFacts } from "../../src/markdown/fact-lint-story.ts";
import * as factLint from "../../src/markdown/fact-lint.ts";
import { checkFigure, findFigures, matches, type Figure } from "../../src/markdown/fact-lint.ts";
import { loadSite } from "../../src/site/site.ts";
import { projectRoot, workflowFixture } from "./helpers.ts";

const figures = (text: string) => findFigures(text).map((f) => f.text);
const figure = (text: string): Figure => findFigures(text)[0]!;

describe("finding figures in prose", () => {
  it("exports the figure finder, the candidates, the check and the writers", () => {
    expect(Object.keys(factLint).sort()).toEqual([
      "candidatesOf",
      "checkFigure",
      "describeCandidate",
      "directiveFor",
      "findFigures",
      "formatLike",
      "matches",
      "showCandidate",
      "writeLike",
    ]);
  });

  it("reads money, percentages and counts with the rounding each shows", () => {
    const found = findFigures("£20.9m, £6,012, £1.5bn, £742,000, 1,323 staff, 32% and 32.4 per cent, 3.5 million");
    expect(found.map((f) => [f.text, f.kind, f.value, f.step])).toEqual([
      ["£20.9m", "money", 20_900_000, 100_000],
      ["£6,012", "money", 6012, 1],
      ["£1.5bn", "money", 1_500_000_000, 100_000_000],
      ["£742,000", "money", 742_000, 1000],
      ["1,323", "count", 1323, 1],
      ["32%", "percent", 32, 1],
      ["32.4 per cent", "percent", 32.4, 0.1],
      ["3.5 million", "count", 3_500_000, 100_000],
    ]);
  });

  it("skips years, periods, dates, times, ordinals, names and numbers glued to words", () => {
    const prose = [
      "On 14 February 2024 the 2023/24 budget (2022-23 outturn) was set at 10:30 on the 3rd floor.",
      "The A14, COVID-19, the 1990s, the 21st century, section 106 and route 200 are not figures; nor is 1874.",
      "Call 01604 236 236; the 120-page report; aged 16; 38 to 17 votes; Q3 2023; 24/11/2026; 5.30pm.",
    ].join(" ");
    expect(figures(prose)).toEqual([]);
  });

  it("keeps money figures in ranges and negative figures", () => {
    expect(figures("between £10m–£12m, a deficit of −£1.2m, (£3,400) and £5,000-a-year")).toEqual([
      "£10m",
      "£12m",
      "£1.2m",
      "£3,400",
      "£5,000",
    ]);
  });

  it("matches a value within the rounding the text shows, and a step either way after a hedge", () => {
    expect(matches(figure("£1.8m"), 1_849_000)).toBe(true);
    expect(matches(figure("£1.8m"), 1_850_000)).toBe(false);
    expect(matches(figure("£1.8m"), 1_750_000)).toBe(true);
    expect(matches(figure("24.5%"), 24.486)).toBe(true);
    expect(matches(figure("610 households"), 601)).toBe(false);
    expect(matches(figure("£750,000"), 742_000)).toBe(false);
    expect(matches(figure("about £750,000"), 742_000)).toBe(true);
    expect(matches(figure("about £750,000"), 757_000)).toBe(true);
    expect(matches(figure("£2,500 a week"), 2517)).toBe(false);
    expect(matches(figure("about £2,500 a week"), 2517)).toBe(true);
  });

  it("names the nearest value and suggests it written the same way", () => {
    const { datasets } = loadSite({ root: workflowFixture("fact-lint") });
    const candidates = factLint.candidatesOf(datasets.get("council-spending")!);
    const check = checkFigure(figure("£3.6m"), candidates, []);
    expect(check.status).toBe("unmatched");
    if (check.status !== "unmatched") return;
    expect(check.suggestion).toBe("£3.9m");
    expect(factLint.describeCandidate(check.nearest!)).toBe("`budget_2024_25`, row `Libraries` of `council-spending`");
    expect(factLint.directiveFor(check.nearest!, figure("£3.6m"))).toBe(
      ":value{data=council-spending row=Libraries col=budget_2024_25}",
    );
  });
});

describe("fact-lint on stories", () => {
  const lint = (root: string) => {
    const site = loadSite({ root, drafts: true });
    expect(site.messages.filter((m) => m.fatal !== false)).toEqual([]);
    return site.stories.flatMap((story) =>
      lintStoryFacts({ text: readFileSync(join(root, story.file), "utf8"), file: story.file, datasets: site.datasets }),
    );
  };
  const printed = (messages: ReturnType<typeof lint>) =>
    messages.map((m) => `${m.file}:${m.line}:${m.column}: ${m.ruleId}: ${m.reason}`);

  it("warns at the figure's position about wrong, unsupported and borrowed figures, and nothing else", () => {
    const messages = lint(workflowFixture("fact-lint"));
    expect(messages.every((m) => m.fatal === false)).toBe(true);
    expect(printed(messages)).toEqual([
      "content/stories/library-anniversary.md:8:97: FactInOtherDataset: Unexpected figure `£168.9m` from `council-spending` (`budget_2024_25`, row `Adult social care` of `council-spending`), a dataset the story does not use",
      "content/stories/northshire-budget.md:8:184: FactUnmatched: Unexpected figure `4.99%`, not in the story's data: the nearest is 4.36% (`change_pct`, row `Waste` of `council-spending`)",
      "content/stories/northshire-budget.md:14:128: FactUnmatched: Unexpected figure `£3.6m`, not in the story's data: the nearest is £3,900,000 (`budget_2024_25`, row `Libraries` of `council-spending`)",
      "content/stories/northshire-budget.md:30:168: FactUnmatched: Unexpected figure `610`, not in the story's data: the nearest is 601 (`in_temporary_accommodation`, row `Q4 2023` of `homelessness`)",
      "content/stories/northshire-budget.md:32:17: FactUnmatched: Unexpected figure `£12m`, not in the story's data: the nearest is £13,600,000 (`change`, row `Children's services` of `council-spending`)",
      "content/stories/northshire-budget.md:47:45: FactUnmatched: Unexpected figure `30%`, not in the story's data: the nearest is -15.22% (`change_pct`, row `Libraries` of `council-spending`)",
    ]);
    expect(messages[2]!.note).toBe(
      "did you mean `£3.9m`? Write `:value{data=council-spending row=Libraries col=budget_2024_25}` to print it from the data",
    );
    expect(messages[3]!.note).toContain("did you mean `601`?");
  });

  it("checks headlines, deks and chart titles and notes, not only paragraphs", () => {
    const root = workflowFixture("fact-lint");
    const site = loadSite({ root });
    const file = "content/stories/northshire-budget.md";
    const text = readFileSync(join(root, file), "utf8")
      .replace("rise 10.8%", "rise 18.0%")
      .replace("Highways lose £2.6m", "Highways lose £6.2m");
    const lines = lintStoryFacts({ text, file, datasets: site.datasets }).map((m) => `${m.line}:${m.column}`);
    expect(lines).toContain("2:55");
    expect(lines).toContain("23:22");
  });

  it("finds no figure in the seed stories that the data does not hold, apart from one inference", () => {
    // `about £1.85m` is our own arithmetic (invoiced less disputed), explained in the story.
    const warnings = lint(projectRoot).map((m) => m.actual);
    expect(warnings.filter((w) => w !== "£1.85m")).toEqual([]);
  });
});
