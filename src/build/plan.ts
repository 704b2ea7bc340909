// Plans a build from what changed since the last one. The inputs are hashed, not dated (a fresh
// clone resets file times): the code and settings and every dataset together, and each story on
// its own. Same inputs as the last good build: nothing to do. Only stories changed: build their
// pages and keep the rest. Anything else (code, a dataset, the site URL): build everything.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { DEPENDENCY_PATCHES_DIR } from "../cache/charts.ts";
import { writeFileAtomic } from "../cache/folder.ts";
import { contentEntry } from "../content-files.ts";
import { TOPICS_FILE } from "../site/topics.ts";
import { paths } from "../urls.ts";

export interface BuildState {
  /** Code, settings and datasets: a change here rebuilds every page. */
  shared: string;
  /**
   * Each story's own bytes, the charts it drew and the datasets they use, and whether it has a
   * page (drafts do not).
   */
  stories: Record<string, StoryState>;
  /** Every published dataset's id: each has a page and downloads, which a partial build keeps. */
  datasets: string[];
  /** The site folder it wrote (see `folderIdentity`), so a folder put back by hand is noticed. */
  folder: string;
}

export interface StoryState {
  digest: string;
  charts: string[];
  datasets: string[];
  page: boolean;
  /** Earlier slugs, each with a page that sends readers on. */
  aliases?: string[];
  /**
   * A place template's pages (`places/<template>` in `stories`): its index and every place's page,
   * which it has instead of a story page, newsletter and oEmbed.
   */
  pages?: string[];
}

export type BuildPlan =
  { kind: "full"; reason?: string } | { kind: "none" } | { kind: "partial"; stories: string[]; kept: string[] };

const sha = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/**
 * Every file under `dir`, sorted, as project-relative paths (a missing folder has none). A link
 * out of the project or to nothing is listed as itself, not followed: the content check reports it.
 */
function files(dir: string, project: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = relative(project, join(dir, name));
      const entry = contentEntry(project, path);
      if (entry.kind === "outside" || entry.kind === "broken") return [`${path} -> ${entry.kind}`];
      return entry.kind === "folder" ? files(join(dir, name), project) : [path];
    });
}

/** The bytes a digest reads for `file`: none for an entry listed but not followed (see `files`). */
const bytesOf = (root: string, file: string) => (file.includes(" -> ") ? "" : readFileSync(join(root, file)));

/** The digest of everything every page depends on. */
export function sharedDigest(options: { project: string; root: string; settings: string }): string {
  const hash = createHash("sha256").update(options.settings);
  const code = [
    ...files(join(options.project, "src"), options.project),
    ...files(join(options.project, "public"), options.project),
    ...files(join(options.project, DEPENDENCY_PATCHES_DIR), options.project),
    ...["astro.config.mjs", "package-lock.json", "plotline.config.json", "tsconfig.json"].filter((f) =>
      existsSync(join(options.project, f)),
    ),
  ];
  for (const file of code) hash.update(file).update(bytesOf(options.project, file));
  // Every page shows topic names (content/topics.yml), as every page may show data.
  const topics = join(options.root, TOPICS_FILE);
  if (existsSync(topics)) hash.update(TOPICS_FILE).update(readFileSync(topics));
  for (const file of files(join(options.root, "data"), options.root)) {
    hash.update(file).update(bytesOf(options.root, file));
  }
  return hash.digest("hex");
}

/**
 * Each story file's digest, by slug, and each place template's, as `places/<template>` (a template
 * is planned like a story: an edit to it rebuilds its pages alone).
 */
export function storyDigests(root: string): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const [folder, prefix] of [
    ["stories", ""],
    ["places", "places/"],
  ]) {
    const dir = join(root, "content", folder!);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith(".md")) continue;
      // Only files are read: the content check reports a folder, or a link out or to nothing.
      const entry = contentEntry(root, join("content", folder!, name));
      digests[prefix + name.slice(0, -3)] = entry.kind === "file" ? sha(readFileSync(join(dir, name))) : entry.kind;
    }
  }
  return digests;
}

/**
 * What to build, from the last good build's state and the inputs' digests alone, so that a
 * partial build can start Astro before the content has been checked (see build.ts).
 * A partial build keeps files from the site folder, so it must be the folder the last build wrote
 * (`folder`: not an older site put back by hand) and still hold them (`outputExists`).
 */
export function planBuild(options: {
  previous: BuildState | undefined;
  shared: string;
  stories: Record<string, string>;
  folder: string | undefined;
  outputExists: (file: string) => boolean;
}): BuildPlan {
  const { previous, stories } = options;
  if (!previous || !options.folder || previous.shared !== options.shared) return { kind: "full" };
  if (previous.folder !== options.folder)
    return { kind: "full", reason: "the site folder was replaced since the last build" };
  const slugs = Object.keys(stories);
  const changed = slugs.filter((slug) => previous.stories[slug]?.digest !== stories[slug]);
  const removed = Object.keys(previous.stories).filter((slug) => !(slug in stories));
  const kept = slugs.filter((slug) => !changed.includes(slug));
  const nothing = !changed.length && !removed.length;
  const missing = [
    ...kept.flatMap((slug) => storyOutputs(slug, previous.stories[slug]!)),
    ...previous.datasets.flatMap(datasetOutputs),
    // A partial build writes the pages that list stories, and links each PNG from the cache.
    ...(nothing ? siteOutputs(previous) : []),
  ].find((file) => !options.outputExists(file));
  if (missing) return { kind: "full", reason: `${missing} is missing from the last build's site` };
  if (nothing) return { kind: "none" };
  return { kind: "partial", stories: changed, kept };
}

/** A page's URL path as the file that holds it (`/stories/a/` is `stories/a/index.html`). */
const fileOf = (path: string) => path.slice(1) + (path.endsWith("/") ? "index.html" : "");

/**
 * The files a kept story contributes to the site: its pages and its charts' embed pages and SVGs
 * (its charts' PNGs come from the chart cache). A draft has none.
 */
export function storyOutputs(slug: string, story: Pick<StoryState, "charts" | "page" | "aliases" | "pages">): string[] {
  if (!story.page) return [];
  const charts = story.charts.flatMap((id) => [paths.embed(id), paths.embedOembed(id), paths.chartSvg(id)]);
  if (story.pages) return [...story.pages, ...charts].map(fileOf);
  return [
    paths.story(slug),
    ...(story.aliases ?? []).map(paths.story),
    paths.storyOembed(slug),
    paths.newsletter(slug),
    ...story.charts.flatMap((id) => [paths.embed(id), paths.embedOembed(id), paths.chartSvg(id)]),
  ].map(fileOf);
}

/** The site's own pages and search index, and every chart's PNG. */
export function siteOutputs(state: BuildState): string[] {
  const own = ["/", "/404.html", paths.rss(), "/sitemap-index.xml", paths.search(), paths.datasets()];
  const pngs = Object.values(state.stories).flatMap((story) => story.charts.map(paths.chartPng));
  return [...own, ...pngs].map(fileOf).concat("pagefind/pagefind-entry.json");
}

/** A dataset's page and downloads, which a partial build keeps unless its charts changed. */
export function datasetOutputs(id: string): string[] {
  return [
    paths.dataset(id),
    paths.datasetCsv(id),
    paths.datasetSidecar(id),
    paths.datasetSource(id),
    paths.datasetPackage(id),
  ].map(fileOf);
}

/**
 * Which site `dir` holds, as far as a rename keeps it and anything else changes it: the folder's
 * device, inode and birth time (a folder copied or moved into its place, even one given a freed
 * inode again), and the same of its home page with its modified time, which every build writes
 * anew (a site copied back into the folder, or restored over it, has an older one). Undefined when
 * there is no site.
 */
export function folderIdentity(dir: string): string | undefined {
  try {
    const folder = statSync(dir, { bigint: true });
    const home = statSync(join(dir, "index.html"), { bigint: true });
    return `${folder.dev}:${folder.ino}:${folder.birthtimeNs} ${home.ino}:${home.mtimeNs}`;
  } catch {
    return undefined;
  }
}

/** What a project holds besides its content: a site built over any of them would replace it. */
const PROJECT_FOLDERS = ["src", "public", "scripts", "docs", "test", "seeds", ".ci", ".git", "node_modules"];

/**
 * Why the site cannot be built into `outDir`, if it cannot: the build replaces that folder whole
 * (and deletes what it replaced at the next build), so it must not be, or hold, the project, the
 * content or the cache, nor lie among the sources, nor be a folder of something else's files.
 * `entries` are the names in `outDir` when it is a folder, and null when it is a file.
 */
export function outDirProblem(
  outDir: string,
  folders: { project: string; content: string; cache: string },
  entries?: string[] | null,
): string | undefined {
  // Compared as real paths: a folder reached through a symbolic link is still the same folder.
  const out = realPath(outDir);
  const real = Object.entries(folders).map(([name, dir]) => [name, realPath(dir)] as const);
  const within = (dir: string, parent: string) => {
    const path = relative(parent, dir);
    return path.split(sep)[0] !== ".." && !isAbsolute(path);
  };
  const held = real.find(([, dir]) => within(dir, out));
  if (held) return `it ${held[1] === out ? "is" : "holds"} the ${held[0]} folder (${held[1]})`;
  const { project, content } = Object.fromEntries(real);
  const sources = [join(content!, "content"), join(content!, "data"), ...PROJECT_FOLDERS.map((f) => join(project!, f))];
  const inside = sources.find((dir) => within(out, dir));
  if (inside) return `it is inside ${inside}`;
  if (entries === null) return "it is a file";
  if (entries?.length && !entries.includes("index.html")) return "it holds files but no site (no index.html)";
  return undefined;
}

/** `path` with every symbolic link in the part of it that exists resolved. */
function realPath(path: string): string {
  const absolute = resolve(path);
  const parent = dirname(absolute);
  try {
    return realpathSync(absolute);
  } catch {
    return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
  }
}

/** Where the state of the last good build into `outDir` is kept. */
export const statePath = (cacheDir: string, outDir: string) =>
  join(cacheDir, "builds", `${sha(outDir).slice(0, 16)}.json`);

export function readState(path: string): BuildState | undefined {
  try {
    const state = JSON.parse(readFileSync(path, "utf8")) as BuildState;
    // A state written by an older Plotline (without `page`, `datasets` or `folder`) cannot plan a partial build.
    const valid =
      typeof state.shared === "string" &&
      typeof state.stories === "object" &&
      Array.isArray(state.datasets) &&
      typeof state.folder === "string" &&
      Object.values(state.stories).every(
        (story) => typeof story.page === "boolean" && Array.isArray(story.charts) && Array.isArray(story.datasets),
      );
    return valid ? state : undefined;
  } catch {
    return undefined;
  }
}

export const writeState = (path: string, state: BuildState) => writeFileAtomic(path, JSON.stringify(state));
