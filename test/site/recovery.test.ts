// A build interrupted or tampered with never costs the last good site, and the next build puts
// things right: a killed build's Astro stops, a swap stopped halfway is undone, and a site folder
// missing files a partial build would keep is built whole.
import { spawn } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { runningWith } from "../../src/build/astro-child.ts";
import { statePath } from "../../src/build/plan.ts";
import { buildFixture, projectRoot, scratchDir } from "../build-helper.ts";

/** A copy of the basic fixture site to edit, with a chart cache of its own. */
function editableSite() {
  const scratch = scratchDir();
  const root = join(scratch, "content-root");
  cpSync(join(projectRoot, "test", "fixtures", "site-basic"), root, { recursive: true });
  const cache = join(scratch, "cache");
  const story = join(root, "content", "stories", "trust-overspend.md");
  return {
    scratch,
    root,
    cache,
    env: { PLOTLINE_CACHE_DIR: cache },
    edit: (from: string, to: string) => writeFileSync(story, readFileSync(story, "utf8").replace(from, to)),
  };
}

/** Pids of running processes whose command line contains `text` (zombies count as gone). */
function processesWith(text: string): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name) && runningWith(name, text))
    .map(Number);
}

async function waitFor<T>(what: () => T | undefined, ms: number): Promise<T | undefined> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(20)) {
    const found = what();
    if (found !== undefined) return found;
  }
  return what();
}

describe("a build after an interrupted or damaged one", () => {
  it("stops the Astro of a build that was killed, before it writes any page", async () => {
    const { root, scratch, env } = editableSite();
    const outDir = join(scratch, "dist");
    const build = spawn(process.execPath, [join(projectRoot, "scripts", "build.ts")], {
      cwd: projectRoot,
      stdio: "ignore",
      env: { ...process.env, ...env, TZ: "UTC", PLOTLINE_ROOT: root, PLOTLINE_OUT_DIR: outDir },
    });
    const astro = await waitFor(() => processesWith(`${outDir}.astro-out`)[0], 90_000);
    expect(astro).toBeDefined();
    build.kill("SIGKILL");
    // Without the build Astro stops as soon as its settings load, before it writes a page. (Left
    // running, it would write the whole site in a few seconds: the page checked below.)
    const stopped = await waitFor(() => (processesWith(`${outDir}.astro-out`).length ? undefined : true), 15_000);
    expect(stopped).toBe(true);
    expect(existsSync(join(`${outDir}.astro-out`, "index.html"))).toBe(false);

    // The next build clears what was left and builds the site.
    const after = await buildFixture(root, outDir, env);
    expect(after.status).toBe(0);
    expect(existsSync(join(outDir, "index.html"))).toBe(true);
    expect([`${outDir}.next`, `${outDir}.astro-out`].filter(existsSync)).toEqual([]);
  });

  it("puts back the last good site when a build stopped between the renames of its swap", async () => {
    const { root, scratch, cache, env, edit } = editableSite();
    // With a trailing slash, as a shell completes it: the sibling folders still go beside it.
    const outDir = join(scratch, "dist");
    expect((await buildFixture(root, `${outDir}/`, env)).status).toBe(0);
    const good = readFileSync(join(outDir, "stories/trust-overspend/index.html"), "utf8");

    // Where a build stopped after moving the site aside (its state removed first) would leave it.
    renameSync(outDir, `${outDir}.previous`);
    rmSync(statePath(cache, outDir));
    edit("type: column", "type: colum");
    const broken = await buildFixture(root, outDir, env);
    expect(broken.status).toBe(1);
    expect(readFileSync(join(outDir, "stories/trust-overspend/index.html"), "utf8")).toBe(good);

    edit("type: colum", "type: column");
    edit("The trust spent more", "The trust again spent more");
    const fixed = await buildFixture(root, `${outDir}/`, env);
    expect(fixed.status).toBe(0);
    expect(fixed.output).not.toContain("changed stories"); // no state: everything was built
    expect(fixed.read("stories/trust-overspend/index.html")).toContain("The trust again spent more");
    expect(existsSync(join(`${outDir}.previous`, "stories/trust-overspend/index.html"))).toBe(true);
    expect(existsSync(join(outDir, ".previous"))).toBe(false);
  });

  it("builds every page when a file a partial build would keep was deleted, or the site was rolled back", async () => {
    const { root, scratch, env, edit } = editableSite();
    const outDir = join(scratch, "dist");
    expect((await buildFixture(root, outDir, env)).status).toBe(0);
    rmSync(join(outDir, "stories/older-story/index.html"));

    edit("The trust spent more", "The trust again spent more");
    const next = await buildFixture(root, outDir, env);
    expect(next.status).toBe(0);
    expect(next.output).toContain(
      "Building every page: stories/older-story/index.html is missing from the last build's site.",
    );
    expect(existsSync(join(outDir, "stories/older-story/index.html"))).toBe(true);

    // Rolled back by hand (README): the older site has none of the latest edit, so a partial build
    // could not keep its pages.
    renameSync(outDir, `${outDir}.rolled-back`);
    renameSync(`${outDir}.previous`, outDir);
    edit("again spent more", "spent even more");
    const afterRollback = await buildFixture(root, outDir, env);
    expect(afterRollback.status).toBe(0);
    expect(afterRollback.output).toContain("Building every page: the site folder was replaced since the last build.");

    // Nothing changed, but a PNG is gone from the site: it is built again, not called up to date.
    const png = readdirSync(join(outDir, "charts")).find((name) => name.endsWith(".png"))!;
    rmSync(join(outDir, "charts", png));
    const repaired = await buildFixture(root, outDir, env);
    expect(repaired.output).toContain(`Building every page: charts/${png} is missing from the last build's site.`);
    expect(existsSync(join(outDir, "charts", png))).toBe(true);
  });

  it("makes a kept dataset's entry again when the cache lost the blob its page is read from", async () => {
    const { root, scratch, cache, env, edit } = editableSite();
    const outDir = join(scratch, "dist");
    expect((await buildFixture(root, outDir, env)).status).toBe(0);
    const page = readFileSync(join(outDir, "data/budget/index.html"), "utf8");
    // The datasets' page fields (rows, fields, what uses them) are compact JSON blobs (a Data
    // Package is indented): gone, as if pruned.
    const blobs = join(cache, "blobs");
    const pageBlobs = readdirSync(blobs).filter((name) =>
      readFileSync(join(blobs, name), "utf8").includes('"primaryKey":['),
    );
    expect(pageBlobs.length).toBe(2);
    for (const name of pageBlobs) rmSync(join(blobs, name));

    // A story edit keeps the datasets' entries (their digests did not change) but builds the page of
    // the dataset the story charts, which reads that blob.
    edit("The trust spent more", "The trust again spent more");
    const next = await buildFixture(root, outDir, env);
    expect(next.status).toBe(0);
    expect(next.output).toContain("changed stories");
    expect(readFileSync(join(outDir, "data/budget/index.html"), "utf8")).toBe(page);
  });

  it("refuses an output folder that would replace the project or its content", async () => {
    const { root, env } = editableSite();
    for (const outDir of [".", projectRoot, root]) {
      const refused = await buildFixture(root, outDir, env);
      expect(refused.status).toBe(1);
      expect(refused.output).toMatch(/PLOTLINE_OUT_DIR is .*, but it (is|holds) the (project|content) folder/);
    }
    expect(existsSync(join(projectRoot, "package.json"))).toBe(true);
  });
});
