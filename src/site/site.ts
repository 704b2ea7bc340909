// Loads the whole site's content: every dataset, every story with its charts, and every
// problem found on the way, so a build can fail once with all of them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ChartCache } from "../cache/charts.ts";
import { renderCached, type StoryCache } from "../cache/stories.ts";
import type { RenderedChart } from "../charts/render.ts";
import { isKebab, kebab } from "../data/ids.ts";
import { loadDatasets, type DatasetStore } from "../data/index.ts";
import type { Dataset } from "../data/types.ts";
import { Diagnostics, sortMessages, type VFileMessage } from "../errors/diagnostic.ts";
import type { ChartPanels } from "../markdown/rehype-chart.ts";
import { renderStory, type RenderedStory } from "../markdown/story.ts";
import { paths } from "../urls.ts";
import { markdownFiles } from "./markdown-files.ts";
import { loadPlaces, type PlaceSet } from "./places.ts";
import { publishedDatasets } from "./publish.ts";

export interface Story extends RenderedStory {
  frontmatter: NonNullable<RenderedStory["frontmatter"]>;
}

export interface SiteChart {
  chart: RenderedChart;
  /** The story's slug, or `places/<template>` for a chart on a place page. */
  story: string;
  /** For a chart on a place page: that page's path and title (the embed page links to it). */
  page?: { path: string; title: string };
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
  /** Place templates with their places and pages (drafts only when asked for), by name. */
  places: PlaceSet[];
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

/** What a place page's charts belong to, as a story's belong to its slug: the template's pages. */
export const placesOwner = (template: string) => `places/${template}`;

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
  /** Checks a page's chart ids against every other chart's, and keeps the charts of a page that is shown. */
  const addCharts = (story: RenderedStory, owner: { owner: string; shown: boolean; page?: SiteChart["page"] }) => {
    const file = story.file;
    for (const chart of story.charts) {
      const place = `${file}:${story.chartLines[chart.id]}`;
      const at = story.chartPlaces[chart.id] ?? { line: story.chartLines[chart.id] ?? 1, column: 1 };
      const first = chartPlaces.get(chart.id);
      if (first) {
        diagnostics.add("ChartIdDuplicate", { id: chart.id, other: first }, { file, ...at });
        continue;
      }
      chartPlaces.set(chart.id, place);
      // An earlier id (`aliases`) is an address like the id itself: no other chart may have it.
      for (const alias of chart.aliases ?? []) {
        const other = chartPlaces.get(alias);
        if (other) diagnostics.add("ChartIdDuplicate", { id: alias, other }, { file, ...at });
        else chartPlaces.set(alias, place);
      }
      if (owner.shown) {
        charts.set(chart.id, { chart, story: owner.owner, ...(owner.page ? { page: owner.page } : {}) });
        options.onChart?.(chart);
      }
    }
  };
  const names = markdownFiles(options.root, STORIES_DIR, diagnostics);
  for (const [index, name] of names.entries()) {
    options.onStory?.(index, names.length);
    const slug = name.replace(/\.md$/, "");
    const file = `${STORIES_DIR}/${name}`;
    if (!isKebab(slug)) {
      diagnostics.add("StorySlugInvalid", { slug, suggestion: kebab(slug) }, { file, line: 1, column: 1 });
      continue;
    }
    const text = readFileSync(join(options.root, file), "utf8");
    const story = renderCached(options.storyCache, slug, text, () =>
      renderStory(text, { file, slug }, { datasets, invalidDatasets, panels: options.panels, cache: options.cache }),
    );
    diagnostics.push(...story.messages);
    const shown = Boolean(story.frontmatter && (!story.frontmatter.draft || options.drafts));
    addCharts(story, { owner: slug, shown });
    if (shown) stories.push(story as Story);
  }
  options.onStory?.(names.length, names.length);
  stories.sort(
    (a, b) => b.frontmatter.published.localeCompare(a.frontmatter.published) || a.slug.localeCompare(b.slug),
  );
  // Place pages after the stories: a story's chart id keeps its place, and a template repeating it is told.
  const places = loadPlaces({
    root: options.root,
    datasets,
    invalidDatasets,
    panels: options.panels,
    cache: options.cache,
    storyCache: options.storyCache,
    diagnostics,
  }).filter((set) => !set.template.draft || options.drafts);
  for (const set of places) {
    for (const page of set.pages) {
      const path = paths.place(set.template.name, page.place.slug);
      addCharts(page, {
        owner: placesOwner(set.template.name),
        shown: true,
        page: { path, title: page.frontmatter.title },
      });
    }
  }
  const published = publishedDatasets({
    root: options.root,
    datasets,
    stories: [...stories, ...places.flatMap((set) => set.pages)],
    drafts: Boolean(options.drafts),
  });
  // One mistake in a template repeated on every place's page (a fixed chart `id`) is said once.
  const unique = [
    ...new Map(diagnostics.messages.map((m) => [`${m.file}:${m.line}:${m.column}:${m.reason}`, m])).values(),
  ];
  return { datasets, stories, charts, places, published, messages: sortMessages(unique) };
}
