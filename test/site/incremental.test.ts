import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildFixture, projectRoot, scratchDir } from "../build-helper.ts";

/** Every file under `dir` with its bytes, for comparing two builds. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  return new Map(files.sort().map((file) => [file.slice(dir.length), readFileSync(file)]));
}

function expectSameSite(a: string, b: string) {
  const [left, right] = [snapshot(a), snapshot(b)];
  expect([...left.keys()]).toEqual([...right.keys()]);
  const different = [...left].filter(([file, bytes]) => !bytes.equals(right.get(file)!)).map(([file]) => file);
  expect(different).toEqual([]);
}

describe("a build after a small change", () => {
  it("does nothing when nothing changed, rebuilds only changed stories, and gives the same site as a cold build", async () => {
    const scratch = scratchDir();
    const root = join(scratch, "content-root");
    cpSync(join(projectRoot, "test", "fixtures", "site-basic"), root, { recursive: true });
    const warmDir = join(scratch, "warm");
    const env = { PLOTLINE_CACHE_DIR: join(scratch, "cache") };

    expect((await buildFixture(root, warmDir, env)).status).toBe(0);
    const again = await buildFixture(root, warmDir, env);
    expect(again.output).toContain("Nothing changed since the last build");

    // One story edited, a chart title with it: only it is built, and the pages of the datasets its
    // charts use (they list the titles); the result is what a cold build of the same content gives.
    const story = join(root, "content", "stories", "trust-overspend.md");
    writeFileSync(
      story,
      readFileSync(story, "utf8")
        .replace("The trust spent more", "The trust again spent more")
        .replace("title: The overspend grew every year", "title: The overspend grew in every year"),
    );
    const partial = await buildFixture(root, warmDir, env);
    expect(partial.status).toBe(0);
    expect(partial.output).toContain("Building 1 changed stories; keeping 2 from the last build.");
    expect(partial.read("data/budget/index.html")).toContain("The overspend grew in every year");
    const cold = await buildFixture(root, join(scratch, "cold"), { PLOTLINE_CACHE_DIR: join(scratch, "cold-cache") });
    expectSameSite(warmDir, cold.outDir);
    // The site it replaced waits beside it until the next build; nothing half-built is left.
    expect(existsSync(`${warmDir}.previous/stories/trust-overspend/index.html`)).toBe(true);
    expect([`${warmDir}.next`, `${warmDir}.astro-out`].filter(existsSync)).toEqual([]);

    // A story broken: Astro, started early for the partial build, is stopped before it reports the
    // errors a second time, and the site stays as it was.
    const good = readFileSync(story, "utf8");
    writeFileSync(story, good.replace("type: column", "type: colum"));
    const broken = await buildFixture(root, warmDir, env);
    expect(broken.status).toBe(1);
    expect(broken.output).toContain("Building 1 changed stories; keeping 2 from the last build.");
    expect(broken.output.match(/trust-overspend\.md:\d+:\d+: error: /g)).toHaveLength(1);
    expect(broken.output).not.toContain("[build]");
    expectSameSite(warmDir, cold.outDir);
    expect([`${warmDir}.next`, `${warmDir}.astro-out`].filter(existsSync)).toEqual([]);
    writeFileSync(story, good);

    // A story that starts quoting a dataset it does not chart: that dataset's page lists it now,
    // so the partial build rebuilds the page (and, when the story is deleted below, again).
    const older = join(root, "content", "stories", "older-story.md");
    writeFileSync(
      older,
      `${readFileSync(older, "utf8")}\nIndependent placements were budgeted at :value{data=lines row="Independent placements" col=budget}.\n`,
    );
    const quoting = await buildFixture(root, warmDir, env);
    expect(quoting.output).toContain("Building 1 changed stories");
    expect(quoting.read("data/lines/index.html")).toContain('href="/stories/older-story/"');
    const coldQuoting = await buildFixture(root, join(scratch, "cold-quoting"), {
      PLOTLINE_CACHE_DIR: join(scratch, "cache-q"),
    });
    expectSameSite(warmDir, coldQuoting.outDir);

    // A story deleted: its pages go, the others stay, and again it matches a cold build.
    rmSync(join(root, "content", "stories", "older-story.md"));
    expect((await buildFixture(root, warmDir, env)).output).toContain("Building 0 changed stories; keeping 2");
    const coldAgain = await buildFixture(root, join(scratch, "cold-again"), {
      PLOTLINE_CACHE_DIR: join(scratch, "cache-3"),
    });
    expectSameSite(warmDir, coldAgain.outDir);

    // A dataset edited: every page may show it, so everything is built.
    const csv = join(root, "data", "budget.csv");
    writeFileSync(csv, readFileSync(csv, "utf8").replace("20.9", "21.9"));
    const full = await buildFixture(root, warmDir, env);
    expect(full.output).not.toContain("changed stories");
    expect(full.output).toMatch(/Built 1 stor/);
  }, 360_000); // eight builds: room for a busy machine
});
