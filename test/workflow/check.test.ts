import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnostic } from "../../src/errors/diagnostic.ts";
import { formatLine } from "../../src/errors/print.ts";
import { projectRoot, runScript, workflowFixture } from "./helpers.ts";

const fixture = (name: string) => join(projectRoot, "test", "fixtures", name);

describe("npm run check", () => {
  it("prints one compiler-style line per problem, a summary count, and fails on errors", () => {
    const result = runScript("check", [], fixture("site-broken"));
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toContain(
      "content/stories/broken.md:14:4  Unexpected column `cuont` for `y`, not in dataset `other`  (did you mean `count`?)",
    );
    expect(lines.some((l) => l.startsWith("data/budget.csv:3:9  Unexpected `£1.2bn` in column `overspend`"))).toBe(
      true,
    );
    expect(lines.at(-1)).toMatch(/^2 errors, 0 warnings \(1 dataset, 1 story and 0 charts checked in \d+\.\d s\)$/);
    expect(result.stdout).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  it("adds a code frame under each problem with --frames", () => {
    const result = runScript("check", ["--frames"], fixture("site-broken"));
    expect(result.stdout).toContain("> 14 | y: cuont\n     |    ^");
    expect(result.stdout).toContain("hint: did you mean `count`?");
  });

  it("prints fact-lint warnings but passes, unless --strict", () => {
    const root = workflowFixture("fact-lint");
    const result = runScript("check", [], root);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "content/stories/northshire-budget.md:14:128  warning: Unexpected figure `£3.6m`, not in the story's data",
    );
    // Six figures, and the title row the original file publishes (see check-publishing.test.ts).
    expect(result.stdout).toMatch(/0 errors, 7 warnings \(2 datasets, 2 stories and 2 charts checked in/);
    expect(runScript("check", ["--strict"], root).status).toBe(1);
    const quiet = runScript("check", ["--no-facts"], root);
    expect(quiet.stdout).toMatch(/^data\/council-spending\.csv:1:1 {2}warning: Unexpected text outside the table/);
    expect(quiet.stdout).toMatch(/\n0 errors, 1 warning /);
  });

  it("passes on the seed site in a few seconds", () => {
    const started = performance.now();
    const result = runScript("check", [], projectRoot);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/0 errors, \d+ warnings? \(\d+ datasets, \d+ stories/);
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it("refuses an unknown option with its usage", () => {
    const result = runScript("check", ["--strcit"], projectRoot);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown option `--strcit`");
  });

  it("formats a message as path, position, message and hint on one line", () => {
    const message = diagnostic(
      "ChartMissingKey",
      { key: "title", example: "title: The overspend grew every year" },
      { file: "content/stories/a.md", line: 9, column: 1 },
    );
    expect(formatLine(message)).toBe(
      "content/stories/a.md:9:1  Missing required key `title` in chart  (add a line such as `title: The overspend grew every year`)",
    );
    message.fatal = false;
    expect(formatLine(message)).toMatch(/^content\/stories\/a\.md:9:1 {2}warning: Missing/);
  });
});
