import { describe, expect, it } from "vitest";
import { renderStory } from "../../src/markdown/story.ts";
import { datasets, lines } from "../charts/helpers.ts";

const frontmatter = "---\ntitle: T\ndek: D\nbyline: [R]\npublished: 2024-03-14\n---\n";
const render = (body: string) => renderStory(frontmatter + body, { file: "story.md", slug: "story" }, { datasets });

describe(":value directives", () => {
  it("prints a cell picked by primary key, formatted by its field", () => {
    const story = render("The overspend was :value{data=budget row=2022/23 col=overspend} in 2022/23.\n");
    expect(story.messages).toEqual([]);
    expect(story.html).toContain("The overspend was £20.9m in 2022/23.");
  });

  it("picks a row by where cells, and applies a format override", () => {
    const story = render(':value{data=staff where="month=2024-02-29; team=West" col=vacancies format="0"} posts.\n');
    expect(lines(story.messages)).toEqual([]);
    expect(story.html).toContain("144 posts.");
  });

  it("aggregates every matching row", () => {
    const story = render(
      ':value{data=staff where="team=North" col=vacancies agg=sum} and :value{data=staff agg=count} rows.\n',
    );
    expect(story.messages).toEqual([]);
    expect(story.html).toContain("379 and 6 rows.");
  });

  it("computes each aggregate over the matching rows", () => {
    const of = (agg: string) => `:value{data=staff where="team=North" col=vacancies agg=${agg}}`;
    const story = render(`${["count", "min", "max", "median", "mean"].map(of).join(" ")}\n`);
    expect(lines(story.messages)).toEqual([]);
    expect(story.html).toContain("3 120 131 128 126.3");
  });

  it("refuses a count whose where matches no row, rather than printing 0", () => {
    const story = render(':value{data=staff where="team=Central" agg=count}\n');
    expect(lines(story.messages)).toEqual(["story.md:7:1: No row of `staff` matches `team=Central` (0 rows matched)"]);
  });

  it("reports an unknown dataset at the directive with a suggestion", () => {
    const story = render("\nSee :value{data=budgte row=2022/23 col=overspend}.\n");
    expect(lines(story.messages)).toEqual([
      "story.md:8:5: Unexpected dataset `budgte` in `:value`, no such file in `data/`",
    ]);
    expect(story.messages[0]!.note).toBe("did you mean `budget`?");
  });

  it("reports an unknown column", () => {
    const story = render(":value{data=budget row=2022/23 col=overspent}\n");
    expect(lines(story.messages)).toEqual([
      "story.md:7:1: Unexpected column `overspent` in `:value`, not in dataset `budget`",
    ]);
  });

  it("says how many rows a where matched when it is not exactly one", () => {
    const none = render(':value{data=staff where="team=Central" col=vacancies}\n');
    expect(lines(none.messages)).toEqual(["story.md:7:1: No row of `staff` matches `team=Central` (0 rows matched)"]);
    const many = render(':value{data=staff where="team=North" col=vacancies}\n');
    expect(lines(many.messages)).toEqual([
      "story.md:7:1: Unexpected 3 rows of `staff` matching `team=North`, expected exactly 1",
    ]);
  });

  it("refuses a missing value instead of printing a blank or NaN", () => {
    const story = render(":value{data=budget row=2023/24 col=overspend}\n");
    expect(lines(story.messages)).toEqual([
      "story.md:7:1: Missing value: `overspend` is empty in `budget` (CSV line 5)",
    ]);
    expect(story.html).not.toMatch(/NaN|undefined/);
  });

  it("refuses an aggregate over rows of which some have no figure, rather than leave them out", () => {
    const story = render(":value{data=budget col=overspend agg=sum} and :value{data=budget col=overspend agg=max}\n");
    expect(lines(story.messages)).toEqual([
      "story.md:7:1: Missing values: 1 of the 4 matching rows of `budget` have no `overspend` (first at CSV line 5), so their sum is not known",
      "story.md:7:47: Missing values: 1 of the 4 matching rows of `budget` have no `overspend` (first at CSV line 5), so their max is not known",
    ]);
    // Rows that all have a figure still aggregate, and counting rows needs no figure at all.
    const fine = render(
      ':value{data=budget where="year=2022/23" col=overspend agg=sum} :value{data=budget agg=count}\n',
    );
    expect(lines(fine.messages)).toEqual([]);
    expect(fine.html).toContain("£20.9m 4");
  });

  it("refuses a `format` that cannot print the figure, rather than print another", () => {
    const story = render(
      ":value{data=budget row=2022/23 col=overspend format=£0.0M} :value{data=budget row=2022/23 col=year format=0}\n",
    );
    expect(lines(story.messages)).toEqual([
      "story.md:7:1: Unexpected `£0.0M` for `format` in `:value`, expected a number format such as `£0.0m`, `£#,##0`, `#,##0` or `0.0%`",
      "story.md:7:60: Unexpected `0` for `format` in `:value`, expected a number or a date to print, not text",
    ]);
    const dated = render(':value{data=staff where="month=2024-02-29; team=West" col=month format="MMMM YYYY"}\n');
    expect(lines(dated.messages)).toEqual([]);
    expect(dated.html).toContain("February 2024");
  });

  it("reports `::value` on a line of its own instead of printing it as typed", () => {
    const story = render("::value{data=budget row=2022/23 col=overspend}\n");
    expect(lines(story.messages)).toEqual(["story.md:7:1: Unexpected `::value`, expected `:value` with one colon"]);
  });

  it("says the attributes could not be read, rather than that `data` is missing", () => {
    for (const body of [":value{data=budget col=overspend agg=}\n", ":value{data=budget row=2022/23 col=overspend\n"]) {
      expect(lines(render(body).messages)).toEqual([
        `story.md:7:1: Unexpected \`${body.slice(6, -1)}\` after \`:value\`, expected attributes it can read`,
      ]);
    }
  });

  it("reports a `:value` in an image's alt text, where it would vanish", () => {
    const story = render("Before.\n\n![Overspend :value{data=budget row=2022/23 col=overspend}](chart.png)\n");
    expect(lines(story.messages)).toEqual([
      "story.md:9:1: Unexpected `:value` in an image's alt text, which is read as plain text",
    ]);
    expect(lines(render("![A chart](chart.png) :value{data=budget row=2022/23 col=overspend}\n").messages)).toEqual([]);
  });

  it("leaves other colon text as the author wrote it", () => {
    const story = render("Meet at 10:30, ratio:three{x} and :note here.\n");
    expect(story.messages).toEqual([]);
    expect(story.html).toContain("Meet at 10:30, ratio:three{x} and :note here.");
  });
});

describe("chart ids within one story", () => {
  it("reports a second chart with the same id at its id, naming the first fence", () => {
    const block = "```chart\nid: same\ndata: budget\ntype: column\nx: year\ny: overspend\ntitle: T\n```\n";
    const story = render(`${block}\n${block}`);
    expect(lines(story.messages)).toEqual([
      "story.md:17:5: Unexpected second chart with id `same`, already used at story.md:7",
    ]);
    expect(story.charts).toHaveLength(1);
  });
});

describe("images in prose", () => {
  it("reports an HTML image without alt text at its position", () => {
    const story = render('Text.\n\n<img src="x.png"> and <img src="y.png" alt="">\n');
    expect(lines(story.messages)).toEqual(["story.md:9:1: Missing `alt` on image `x.png`"]);
  });
});
