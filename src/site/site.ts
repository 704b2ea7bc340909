// Loads the whole site's content: every dataset, every story with its charts, and every
// problem found on the way, so a build can fail once with all of them.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { ChartCache } from "../cache/charts.ts";
import { storyKey, type StoryCache } from "../cache/stories.ts";
import type { RenderedChart } from "../charts/render.ts";
import { contentEntry, linkProblem } from "../content-files.ts";
import { isKebab, kebab } from "../data/ids.ts";
import { loadDatasets, type DatasetStore } from "../data/index.ts";
import type { Dataset } from "../data/types.ts";
import { Diagnostics, sortMessages, type VFileMessage } from "../errors/diagnostic.ts";
import type { ChartPanels } from "../markdown/rehype-chart.ts";
import { renderStory, type RenderedStory } from "../markdown/story.ts";
import { publishedDatasets } from "./publish.ts";

export interface Story extends RenderedStory {
  frontmatter: NonNullable<RenderedStory["frontmatter"]>;
}

export interface SiteChart {
  chart: RenderedChart;
  story: string;
}

export interface Site {
  datasets: Map<string, Dataset>;
  /** Published stories, newest first (drafts only when asked for). */
  stories: Story[];
  /** Every chart by its permanent id. */
  charts: Map<string, SiteChart>;
  /**
   * The datasets this build publishes, sorted: those its stories use and those whose sidecar says
   * `publish: true` (see publish.ts). The others are read and checked, but get no page.
   */
  published: string[];
  /** Every problem, sorted by file and position. */
  messages: VFileMessage[];
}

export interface LoadSiteOptions {
  root: string;
  /** Include stories marked `draft: true` (for previews). */
  drafts?: boolean;
  /** Panels to add under each chart, by chart id (embed code, downloads). */
  panels?: ChartPanels;
  /** Rendered charts by content hash; without one every chart is drawn afresh. */
  cache?: ChartCache;
  /** Checked datasets by content (src/cache/datasets.ts); without one every dataset is read. */
  datasetCache?: DatasetStore;
  /** Rendered stories by content, for builds where most stories did not change. */
  storyCache?: StoryCache;
  /** Called with each published chart as soon as it is drawn (the build starts its PNG then). */
  onChart?: (chart: RenderedChart) => void;
  /** Called after each story file is checked, with the count so far and the number of files. */
  onStory?: (checked: number, total: number) => void;
}

export const STORIES_DIR = "content/stories";

export function loadSite(options: LoadSiteOptions): Site {
  const diagnostics = new Diagnostics();
  const { datasets, messages } = loadDatasets({ root: options.root, store: options.datasetCache });
  diagnostics.push(...messages);
  const invalidDatasets = new Set(
    messages
      .filter((m) => m.fatal !== false)
      .map((m) => (m.file ?? "").replace(/^data\//, "").replace(/\.(csv|yml)$/, "")),
  );

  const stories: Story[] = [];
  const charts = new Map<string, SiteChart>();
  const chartPlaces = new Map<string, string>();
  const names = storyFiles(options.root, diagnostics);
  for (const [index, name] of names.entries()) {
    options.onStory?.(index, names.length);
    const slug = name.replace(/\.md$/, "");
    const file = `${STORIES_DIR}/${name}`;
    if (!isKebab(slug)) {
      diagnostics.add("StorySlugInvalid", { slug, suggestion: kebab(slug) }, { file, line: 1, column: 1 });
      continue;
    }
    const text = readFileSync(join(options.root, file), "utf8");
    const key = options.storyCache ? storyKey(options.storyCache, slug, text) : "";
    let story = options.storyCache?.get(key);
    if (!story) {
      story = renderStory(
        text,
        { file, slug },
        { datasets, invalidDatasets, panels: options.panels, cache: options.cache },
      );
      if (options.storyCache && !story.messages.length) options.storyCache.set(key, story);
    }
    diagnostics.push(...story.messages);
    for (const chart of story.charts) {
      const place = `${file}:${story.chartLines[chart.id]}`;
      const first = chartPlaces.get(chart.id);
      if (first) {
        const at = story.chartPlaces[chart.id] ?? { line: story.chartLines[chart.id] ?? 1, column: 1 };
        diagnostics.add("ChartIdDuplicate", { id: chart.id, other: first }, { file, ...at });
        continue;
      }
      chartPlaces.set(chart.id, place);
      // An earlier id (`aliases`) is an address like the id itself: no other chart may have it.
      for (const alias of chart.aliases ?? []) {
        const other = chartPlaces.get(alias);
        const at = story.chartPlaces[chart.id] ?? { line: story.chartLines[chart.id] ?? 1, column: 1 };
        if (other) diagnostics.add("ChartIdDuplicate", { id: alias, other }, { file, ...at });
        else chartPlaces.set(alias, place);
      }
      if (story.frontmatter && (!story.frontmatter.draft || options.drafts)) {
        charts.set(chart.id, { chart, story: slug });
        options.onChart?.(chart);
      }
    }
    if (story.frontmatter && (!story.frontmatter.draft || options.drafts)) stories.push(story as Story);
  }
  options.onStory?.(names.length, names.length);
  stories.sort(
    (a, b) => b.frontmatter.published.localeCompare(a.frontmatter.published) || a.slug.localeCompare(b.slug),
  );
  const published = publishedDatasets({ root: options.root, datasets, stories, drafts: Boolean(options.drafts) });
  return { datasets, stories, charts, published, messages: sortMessages(diagnostics.messages) };
}

/**
 * The story files' names, sorted. A folder named like one, a link to nothing and a link out of the
 * project (which would publish a file of the machine that builds) are reported, and not read.
 */
function storyFiles(root: string, diagnostics: Diagnostics): string[] {
  const dir = join(root, STORIES_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith(".md"))
    .sort()
    .filter((name) => {
      const path = `${STORIES_DIR}/${name}`;
      const entry = contentEntry(root, path);
      const problem = linkProblem(root, path, entry);
      if (problem) diagnostics.push(problem);
      else if (entry.kind === "folder") diagnostics.add("StoryNotFile", { path }, { file: path, line: 1, column: 1 });
      return entry.kind === "file";
    });
}
