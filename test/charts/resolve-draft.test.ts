// A block with errors is still checked against its dataset (`checkChartDraft`): as far as its
// valid keys go, with the same messages a valid block would get, and none that only follow from
// the block's own mistakes.
import { describe, expect, it } from "vitest";
import { checkChartDraft, resolveChart } from "../../src/charts/resolve.ts";
import { parseChartBlock } from "../../src/charts/spec.ts";
import { datasets, lines } from "./helpers.ts";

const parse = (block: string) => parseChartBlock(block, { file: "story.md", fenceLine: 10, defaultId: "story-1" });
const checkDraft = (block: string) => lines(checkChartDraft(parse(block).draft!, datasets));
const resolve = (block: string) => lines(resolveChart(parse(block).spec!, datasets).messages);

describe("checkChartDraft", () => {
  it("finds what resolveChart finds in a block whose only mistake is a missing title", () => {
    const blocks = [
      "data: budget\ntype: column\nx: yaer\ny: overspent\n",
      "data: lines\ntype: line\nx: line\ny: forecast\n",
      "data: lines\ntype: bar\ny: line\nx: [budget, line]\n",
      "data: budget\ntype: column\nx: year\ny: overspend\nfilter: { year: 2030/31 }\n",
      "data: staff\ntype: column\nx: month\ny: vacancies\n",
      "data: budget\ntype: column\nx: year\ny: overspend\nhighlight: [2022/23, 2030/31]\n",
      "data: lines\ntype: custom\nmodule: budget-gapp\nx: lnie\n",
      "data: budgte\ntype: column\nx: year\ny: overspend\n",
    ];
    for (const block of blocks) {
      const found = resolve(`${block}title: T\n`);
      expect(found.length, block).toBeGreaterThan(0);
      expect(checkDraft(block), block).toEqual(found);
    }
  });

  it("checks nothing when `data` is missing or not a dataset id", () => {
    expect(checkDraft("type: column\nx: yaer\ny: overspent\n")).toEqual([]);
    expect(checkDraft("data: 12\ntype: column\nx: yaer\ny: overspent\n")).toEqual([]);
  });

  it("checks the columns of a block whose type is unknown, but not their types", () => {
    expect(checkDraft("data: lines\ntype: lien\nx: line\ny: [line, forecst]\ntitle: T\n")).toEqual([
      "story.md:14:11: Unexpected column `forecst` for `y`, not in dataset `lines`",
    ]);
  });
});
