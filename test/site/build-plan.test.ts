// How a build decides what to build from the last good build's state (src/build/plan.ts).
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  datasetOutputs,
  folderIdentity,
  outDirProblem,
  planBuild,
  siteOutputs,
  storyOutputs,
  type BuildState,
} from "../../src/build/plan.ts";

const last: BuildState = {
  shared: "code-and-data",
  stories: {
    a: { digest: "a1", charts: ["a-1", "a-2"], datasets: ["budget"], page: true },
    b: { digest: "b1", charts: [], datasets: [], page: true },
    draft: { digest: "d1", charts: [], datasets: [], page: false },
  },
  datasets: ["budget", "staff"],
  folder: "2049:1234",
};
const everyOutput = new Set([
  ...Object.entries(last.stories).flatMap(([slug, story]) => storyOutputs(slug, story)),
  ...last.datasets.flatMap(datasetOutputs),
  ...siteOutputs(last),
]);
const plan = (
  stories: Record<string, string>,
  outputExists = (file: string) => everyOutput.has(file),
  folder: string | undefined = last.folder,
) => planBuild({ previous: last, shared: "code-and-data", stories, folder, outputExists });

describe("planning a build", () => {
  it("names the files a story and a dataset leave in the site", () => {
    expect(storyOutputs("a", last.stories.a!)).toEqual([
      "stories/a/index.html",
      "stories/a/oembed.json",
      "newsletter/a/index.html",
      "embed/a-1/index.html",
      "embed/a-1/oembed.json",
      "charts/a-1.svg",
      "embed/a-2/index.html",
      "embed/a-2/oembed.json",
      "charts/a-2.svg",
    ]);
    expect(storyOutputs("draft", last.stories.draft!)).toEqual([]);
    expect(datasetOutputs("staff")).toEqual([
      "data/staff/index.html",
      "data/staff.csv",
      "data/staff.yml",
      "data/staff.source.csv",
      "data/staff.datapackage.json",
    ]);
  });

  it("does nothing, or only the changed and new stories, when the rest is unchanged", () => {
    expect(plan({ a: "a1", b: "b1", draft: "d1" })).toEqual({ kind: "none" });
    expect(plan({ a: "a2", b: "b1", draft: "d1", c: "c1" })).toEqual({
      kind: "partial",
      stories: ["a", "c"],
      kept: ["b", "draft"],
    });
    // A deleted story is a change too: its pages must go.
    expect(plan({ a: "a1", draft: "d1" })).toEqual({ kind: "partial", stories: [], kept: ["a", "draft"] });
  });

  it("builds everything without a last build, after a shared change, or with no site", () => {
    const stories = { a: "a1", b: "b1", draft: "d1" };
    const folder = last.folder;
    const outputExists = () => true;
    expect(planBuild({ previous: undefined, shared: "code-and-data", stories, folder, outputExists })).toEqual({
      kind: "full",
    });
    expect(planBuild({ previous: last, shared: "new-code", stories, folder, outputExists })).toEqual({ kind: "full" });
    const noSite = { previous: last, shared: "code-and-data", stories, folder: undefined, outputExists };
    expect(planBuild(noSite)).toEqual({ kind: "full" });
  });

  it("builds everything, and says why, when a file a partial build would keep is missing", () => {
    const without = (missing: string) => (file: string) => file !== missing && everyOutput.has(file);
    expect(plan({ a: "a1", b: "b2", draft: "d1" }, without("charts/a-2.svg"))).toEqual({
      kind: "full",
      reason: "charts/a-2.svg is missing from the last build's site",
    });
    expect(plan({ a: "a1", b: "b1", draft: "d1" }, without("data/staff.csv"))).toEqual({
      kind: "full",
      reason: "data/staff.csv is missing from the last build's site",
    });
    // The changed story's own files are built again, so they need not be there.
    expect(plan({ a: "a2", b: "b1", draft: "d1" }, without("charts/a-2.svg")).kind).toBe("partial");
  });

  it("builds everything when the site folder is not the one the last build wrote (a site put back by hand)", () => {
    expect(plan({ a: "a1", b: "b2", draft: "d1" }, undefined, "2049:999")).toEqual({
      kind: "full",
      reason: "the site folder was replaced since the last build",
    });
  });

  it("does nothing only when the site's own pages, search index and PNGs are all there", () => {
    expect(siteOutputs(last)).toEqual([
      "index.html",
      "404.html",
      "rss.xml",
      "sitemap-index.xml",
      "search/index.html",
      "data/index.html",
      "charts/a-1.png",
      "charts/a-2.png",
      "pagefind/pagefind-entry.json",
    ]);
    const without = (missing: string) => (file: string) => file !== missing && everyOutput.has(file);
    expect(plan({ a: "a1", b: "b1", draft: "d1" }, without("charts/a-1.png"))).toEqual({
      kind: "full",
      reason: "charts/a-1.png is missing from the last build's site",
    });
    // A partial build writes those pages again and links every PNG from the cache.
    expect(plan({ a: "a1", b: "b2", draft: "d1" }, without("charts/a-1.png")).kind).toBe("partial");
  });
});

describe("a site folder's identity", () => {
  it("survives a rename, and changes when the folder or its home page is replaced", () => {
    const dir = mkdtempSync(join(tmpdir(), "plotline-identity-"));
    const site = join(dir, "dist");
    mkdirSync(site);
    writeFileSync(join(site, "index.html"), "<p>one</p>");
    const first = folderIdentity(site);
    expect(first).toBeDefined();
    renameSync(site, join(dir, "moved"));
    renameSync(join(dir, "moved"), site);
    expect(folderIdentity(site)).toBe(first);

    // Copied back after being deleted (the copy may even get the freed inode again).
    cpSync(site, join(dir, "copy"), { recursive: true, preserveTimestamps: true });
    rmSync(site, { recursive: true });
    renameSync(join(dir, "copy"), site);
    expect(folderIdentity(site)).not.toBe(first);

    // Restored over, in the same folder.
    const second = folderIdentity(site);
    writeFileSync(join(dir, "index.html"), "<p>one</p>");
    renameSync(join(dir, "index.html"), join(site, "index.html"));
    expect(folderIdentity(site)).not.toBe(second);
    expect(folderIdentity(join(dir, "none"))).toBeUndefined();
  });
});

describe("where a site may be built", () => {
  const folders = { project: "/p", content: "/p/newsroom", cache: "/p/node_modules/.cache/plotline" };
  it("refuses a folder that is, or holds, the project, content or cache, or lies among the sources", () => {
    expect(outDirProblem("/p", folders)).toBe("it is the project folder (/p)");
    expect(outDirProblem("/", folders)).toBe("it holds the project folder (/p)");
    expect(outDirProblem("/p/newsroom", folders)).toBe("it is the content folder (/p/newsroom)");
    expect(outDirProblem("/p/node_modules", folders)).toBe(
      "it holds the cache folder (/p/node_modules/.cache/plotline)",
    );
    expect(outDirProblem("/p/newsroom/content/out", folders)).toBe("it is inside /p/newsroom/content");
    expect(outDirProblem("/p/src/dist", folders)).toBe("it is inside /p/src");
  });
  it("refuses the project's own folders, a folder of other files, a file, and folders reached by a link", () => {
    expect(outDirProblem("/p/.git", folders)).toBe("it is inside /p/.git");
    expect(outDirProblem("/p/public", folders)).toBe("it is inside /p/public");
    expect(outDirProblem("/home/me/Documents", folders, ["letter.odt"])).toBe(
      "it holds files but no site (no index.html)",
    );
    expect(outDirProblem("/p/README.md", folders, null)).toBe("it is a file");
    expect(outDirProblem("/p/dist", folders, ["index.html", "stories"])).toBeUndefined();
    expect(outDirProblem("/p/dist", folders, [])).toBeUndefined();

    const dir = mkdtempSync(join(tmpdir(), "plotline-outdir-"));
    mkdirSync(join(dir, "project", "src"), { recursive: true });
    symlinkSync(join(dir, "project"), join(dir, "link"));
    const real = { project: join(dir, "project"), content: join(dir, "project"), cache: join(dir, "cache") };
    expect(outDirProblem(join(dir, "link", "src", "dist"), real)).toBe(`it is inside ${join(dir, "project", "src")}`);
    expect(outDirProblem(join(dir, "link"), real)).toBe(`it is the project folder (${join(dir, "project")})`);
    expect(outDirProblem(join(dir, "link", "dist"), real)).toBeUndefined();
  });

  it("accepts a folder of its own, inside the project or anywhere else", () => {
    expect(outDirProblem("/p/dist", folders)).toBeUndefined();
    expect(outDirProblem("/p/..dist", folders)).toBeUndefined();
    expect(outDirProblem("/srv/www/news", folders)).toBeUndefined();
  });
});
