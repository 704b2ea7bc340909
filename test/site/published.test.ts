// Published figures never change behind the reader's back: the build records what each published
// story printed and charted, stops at the figure a revised dataset would change, and goes on once
// the story tells readers (a correction or an update).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPublished, recordText, RECORD_FILE, type PublishedRecord } from "../../src/site/published.ts";
import { buildFixture, projectRoot, scratchDir } from "../build-helper.ts";

/** A copy of the basic fixture site whose older story quotes the 2022/23 overspend. */
function quotingSite() {
  const scratch = scratchDir();
  const root = join(scratch, "content-root");
  cpSync(join(projectRoot, "test", "fixtures", "site-basic"), root, { recursive: true });
  const story = join(root, "content", "stories", "older-story.md");
  const text = readFileSync(story, "utf8");
  writeFileSync(story, `${text}\nThe overspend reached :value{data=budget row=2022/23 col=overspend} in 2022/23.\n`);
  // The file ends with a newline, and a blank line goes before the new one.
  const line = text.split("\n").length + 1;
  const csv = join(root, "data", "budget.csv");
  return {
    scratch,
    root,
    story,
    line,
    env: { PLOTLINE_CACHE_DIR: join(scratch, "cache") },
    record: () => JSON.parse(readFileSync(join(root, RECORD_FILE), "utf8")) as PublishedRecord,
    revise: () => writeFileSync(csv, readFileSync(csv, "utf8").replace("2022/23,130.0,20.9", "2022/23,130.0,27.3")),
  };
}

describe("a council revises a dataset that published stories quote", () => {
  it("records, stops at the changed figure, then publishes it once the story carries a correction", async () => {
    const site = quotingSite();
    const outDir = join(site.scratch, "dist");
    const first = await buildFixture(site.root, outDir, site.env);
    expect(first.status, first.output).toBe(0);
    // The record names every published story, never the draft.
    const record = site.record();
    expect(Object.keys(record.stories).sort()).toEqual(["older-story", "trust-overspend"]);
    expect(record.stories["older-story"]!.values).toEqual([
      { line: site.line, dataset: "budget", query: expect.stringContaining("row=2022/23"), text: "£20.9m" },
    ]);
    expect(record.stories["trust-overspend"]!.charts.map((c) => c.id)).toContain("overspend-by-year");

    site.revise();
    const stopped = await buildFixture(site.root, outDir, site.env);
    expect(stopped.status).toBe(1);
    const day = new Date().toLocaleDateString("en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    expect(stopped.output).toContain(
      `content/stories/older-story.md:${site.line}:23: error: Unexpected change of a published figure: ` +
        `published as \`£20.9m\` on ${day}, would now print \`£27.3m\` (\`data/budget.csv\` changed)`,
    );
    expect(stopped.output).toContain("npm run figures -- pin older-story");
    // The chart that draws the same column is held too, at its block.
    expect(stopped.output).toMatch(/trust-overspend\.md:\d+:\d+: error: Unexpected change of a published chart/);
    // The last good site still prints the published figure.
    expect(readFileSync(join(outDir, "stories", "older-story", "index.html"), "utf8")).toContain("£20.9m");

    // A correction in each story: the build publishes the new figures and keeps the revision.
    for (const slug of ["older-story", "trust-overspend"]) {
      const file = join(site.root, "content", "stories", `${slug}.md`);
      const text = readFileSync(file, "utf8");
      const correction = "  - { date: 2099-01-01, text: The council revised its 2022/23 overspend. }\n";
      writeFileSync(
        file,
        text.includes("corrections:\n")
          ? text.replace("corrections:\n", `corrections:\n${correction}`)
          : text.replace(/\n---\n/, `\ncorrections:\n${correction}---\n`),
      );
    }
    const corrected = await buildFixture(site.root, outDir, site.env);
    expect(corrected.status, corrected.output).toBe(0);
    expect(readFileSync(join(outDir, "stories", "older-story", "index.html"), "utf8")).toContain("£27.3m");
    const revised = site.record().stories["older-story"]!;
    expect(revised.values[0]!.text).toBe("£27.3m");
    expect(revised.revisions).toEqual([expect.objectContaining({ dataset: "budget", was: "£20.9m", now: "£27.3m" })]);
    // The dataset's page lists the revision, with the story it changed.
    expect(readFileSync(join(outDir, "data", "budget", "index.html"), "utf8")).toMatch(
      /An older story about budgets<\/a>,\s*£20.9m became £27.3m/,
    );

    // A story edited afterwards: a partial build, which keeps the revised figures and the record.
    const story = join(site.root, "content", "stories", "older-story.md");
    writeFileSync(story, `${readFileSync(story, "utf8")}\nOne more sentence.\n`);
    const partial = await buildFixture(site.root, outDir, site.env);
    expect(partial.status, partial.output).toBe(0);
    expect(partial.output).toContain("Building 1 changed stories");
    expect(readFileSync(join(outDir, "stories", "older-story", "index.html"), "utf8")).toContain("£27.3m");
    expect(site.record().stories["older-story"]!.revisions).toHaveLength(1);
  }, 240_000); // three builds: room for a busy machine

  it("leaves a fixture in the repository without a record", () => {
    expect(existsSync(join(projectRoot, "test", "fixtures", "site-basic", RECORD_FILE))).toBe(false);
  });
});

describe("checkPublished", () => {
  const story = (values: Array<[string, string]>, extra: object = {}) => ({
    slug: "s",
    file: "content/stories/s.md",
    values: values.map(([query, text], i) => ({ line: 10 + i, column: 3, dataset: "d", query, text })),
    charts: [],
    chartPlaces: {},
    chartLines: {},
    frontmatter: { corrections: [] as Array<{ date: string }> },
    ...extra,
  });
  const recorded = (values: Array<[string, string]>): PublishedRecord =>
    checkPublished({ record: { stories: {} }, stories: [story(values)], today: "2024-04-08" }).record;

  it("records a new story on the build's day, with each figure and its line", () => {
    const record = recorded([["q1", "£26m"]]);
    expect(record.stories.s).toMatchObject({ recorded: "2024-04-08", values: [{ line: 10, text: "£26m" }] });
  });

  it("takes a figure added to the text without complaint, and knows repeated figures by their order", () => {
    const record = recorded([
      ["q1", "£26m"],
      ["q1", "£26m"],
    ]);
    const next = checkPublished({
      record,
      stories: [
        story([
          ["q0", "5"],
          ["q1", "£26m"],
          ["q1", "£27m"],
        ]),
      ],
      today: "2024-05-01",
    });
    expect(next.messages.map((m) => `${m.line}:${m.ruleId}`)).toEqual(["12:PublishedFigureChanged"]);
  });

  it("accepts a changed figure only with a correction or update newer than the record", () => {
    const record = recorded([["q1", "£26m"]]);
    const old = story([["q1", "£27.3m"]], { frontmatter: { corrections: [] } });
    expect(checkPublished({ record, stories: [old], today: "2024-05-01" }).messages).toHaveLength(1);
    const corrected = story([["q1", "£27.3m"]], { frontmatter: { corrections: [{ date: "2024-05-01" }] } });
    const accepted = checkPublished({ record, stories: [corrected], today: "2024-05-01" });
    expect(accepted.messages).toEqual([]);
    expect(accepted.record.stories.s!.revisions).toEqual([
      { date: "2024-05-01", dataset: "d", was: "£26m", now: "£27.3m" },
    ]);
  });

  it("refuses a published chart that is gone from its story", () => {
    const record: PublishedRecord = {
      stories: {
        s: {
          recorded: "2024-04-08",
          stamp: { corrections: 0, newest: "" },
          values: [],
          charts: [{ id: "gone", title: "T", dataset: "d", rows: "x" }],
          revisions: [],
        },
      },
    };
    const { messages } = checkPublished({ record, stories: [story([])], today: "2024-05-01" });
    expect(messages.map((m) => m.ruleId)).toEqual(["PublishedChartRemoved"]);
  });

  it("writes the record sorted, one figure a line", () => {
    const text = recordText(recorded([["q1", "£26m"]]));
    expect(text).toContain('\n        {"line":10,"dataset":"d","query":"q1","text":"£26m"}\n');
    expect(JSON.parse(text)).toEqual(recorded([["q1", "£26m"]]));
  });
});

describe("npm run figures -- pin", () => {
  it("keeps published stories on the data they were published with, while the dataset moves on", async () => {
    const site = quotingSite();
    const outDir = join(site.scratch, "dist");
    const git = (...args: string[]) =>
      spawnSync("git", ["-C", site.root, "-c", "user.name=Test", "-c", "user.email=test@example.org", ...args], {
        encoding: "utf8",
      });
    git("init", "-q");
    expect((await buildFixture(site.root, outDir, site.env)).status).toBe(0);
    git("add", "-A");
    git("commit", "-qm", "Published");
    site.revise();
    git("commit", "-qam", "The council revised its figures");
    expect((await buildFixture(site.root, outDir, site.env)).status).toBe(1);

    const day = site.record().stories["older-story"]!.recorded;
    for (const slug of ["older-story", "trust-overspend"]) {
      const pin = spawnSync(process.execPath, [join(projectRoot, "scripts", "figures.ts"), "pin", slug], {
        cwd: projectRoot,
        encoding: "utf8",
        env: { ...process.env, PLOTLINE_ROOT: site.root },
      });
      expect(pin.status, pin.stderr).toBe(0);
      expect(pin.stdout).toContain(`Pinned content/stories/${slug}.md to data/budget@${day}.csv`);
    }
    expect(readFileSync(join(site.root, "content", "stories", "older-story.md"), "utf8")).toContain(
      `:value{data=budget@${day} row=2022/23 col=overspend}`,
    );
    expect(readFileSync(join(site.root, "data", `budget@${day}.csv`), "utf8")).toContain("2022/23,130.0,20.9");

    // No published story uses the revised data now: the newsroom publishes it for newer stories.
    const sidecar = join(site.root, "data", "budget.yml");
    writeFileSync(sidecar, `publish: true\n${readFileSync(sidecar, "utf8")}`);
    const kept = await buildFixture(site.root, outDir, site.env);
    expect(kept.status, kept.output).toBe(0);
    expect(readFileSync(join(outDir, "stories", "older-story", "index.html"), "utf8")).toContain("£20.9m");
    const pinnedPage = readFileSync(join(outDir, "data", `budget@${day}`, "index.html"), "utf8");
    expect(pinnedPage).toMatch(/This is the data as it stood on <time[^>]*>[^<]+<\/time>, kept for the stories/);
    expect(pinnedPage).toContain('<a href="/data/budget/">budget</a>');
    const currentPage = readFileSync(join(outDir, "data", "budget", "index.html"), "utf8");
    expect(currentPage).toContain(`<a href="/data/budget@${day}/">that version</a>`);
    // The current data is there for newer stories, revised.
    expect(readFileSync(join(outDir, "data", "budget.csv"), "utf8")).toContain("2022/23,130000000,27300000");
  }, 240_000);
});
