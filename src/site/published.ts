// The published record: what each published story printed (every `:value`) and charted (each
// chart's title and a digest of the rows it drew), kept in `content/published.lock.json` and
// committed with the content. A revised dataset must not change a published figure silently: a
// figure that would now print differently stops the build at its line until the story carries a
// correction or an update that the record has not seen (then the record takes the new figures,
// and keeps the revision for the dataset's page), or the story is pinned to the data it was
// published with (`npm run figures -- pin <slug>`).
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../cache/folder.ts";
import type { RenderedChart } from "../charts/render.ts";
import { Diagnostics, type VFileMessage } from "../errors/diagnostic.ts";
import type { RenderedStory } from "../markdown/story.ts";

export const RECORD_FILE = "content/published.lock.json";

export interface PublishedRecord {
  stories: Record<string, StoryRecord>;
}

export interface StoryRecord {
  /** The day the story was first built as published. */
  recorded: string;
  /** The story's corrections and newest update when its figures were last recorded. */
  stamp: Stamp;
  values: ValueRecord[];
  charts: ChartRecord[];
  /** Figures that changed with a correction or update, for the datasets' pages. */
  revisions: Revision[];
}

export interface Stamp {
  corrections: number;
  newest: string;
}

export interface ValueRecord {
  line: number;
  dataset: string;
  /** The `:value`'s attributes in a fixed order: how a figure is known again after edits. */
  query: string;
  text: string;
}

export interface ChartRecord {
  id: string;
  /** Earlier ids published for the same chart: each must stay an id or an alias. */
  aliases?: string[];
  title: string;
  dataset: string;
  /** SHA-256 of the rows the chart drew, as its data table prints them. */
  rows: string;
}

export interface Revision {
  date: string;
  dataset: string;
  /** The figure as published, or the chart's title. */
  was: string;
  /** The figure now; empty for a chart, which was redrawn. */
  now: string;
}

/** A story as the record compares it: rendered, and published (drafts are never recorded). */
type PublishedStory = Pick<RenderedStory, "slug" | "file" | "values" | "charts" | "chartPlaces" | "chartLines"> & {
  frontmatter: { updated?: string; corrections: Array<{ date: string }> };
};

/** Reads the record; a missing file is an empty record, an unreadable one a positioned error. */
export function readRecord(root: string): { record: PublishedRecord; messages: VFileMessage[] } {
  const path = join(root, RECORD_FILE);
  if (!existsSync(path)) return { record: { stories: {} }, messages: [] };
  const diagnostics = new Diagnostics();
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as PublishedRecord;
    if (parsed && typeof parsed.stories === "object" && parsed.stories !== null)
      return { record: parsed, messages: [] };
  } catch {
    // Reported below.
  }
  diagnostics.add("PublishedRecordUnreadable", { file: RECORD_FILE }, { file: RECORD_FILE, line: 1, column: 1 });
  return { record: { stories: {} }, messages: diagnostics.messages };
}

/** The record as a file: sorted, one figure a line, so a change reads well in a diff. */
export function recordText(record: PublishedRecord): string {
  const slugs = Object.keys(record.stories).sort();
  const entry = (slug: string) => {
    const story = record.stories[slug]!;
    const lines = (items: readonly object[]) =>
      items.length ? `[\n${items.map((item) => `        ${JSON.stringify(item)}`).join(",\n")}\n      ]` : "[]";
    return [
      `    ${JSON.stringify(slug)}: {`,
      `      "recorded": ${JSON.stringify(story.recorded)},`,
      `      "stamp": ${JSON.stringify(story.stamp)},`,
      `      "values": ${lines(story.values)},`,
      `      "charts": ${lines(story.charts)},`,
      `      "revisions": ${lines(story.revisions)}`,
      "    }",
    ].join("\n");
  };
  return `{\n  "stories": {\n${slugs.map(entry).join(",\n")}\n  }\n}\n`;
}

/** Writes the record when it differs from the file (a build that changed nothing writes nothing). */
export function writeRecord(root: string, record: PublishedRecord): boolean {
  const path = join(root, RECORD_FILE);
  const text = recordText(record);
  if (existsSync(path) && readFileSync(path, "utf8") === text) return false;
  writeFileAtomic(path, text);
  return true;
}

const digest = (rows: readonly string[][]) => createHash("sha256").update(JSON.stringify(rows)).digest("hex");

const stampOf = (story: PublishedStory): Stamp => ({
  corrections: story.frontmatter.corrections.length,
  newest: [story.frontmatter.updated ?? "", ...story.frontmatter.corrections.map((c) => c.date)].sort().pop() ?? "",
});

const chartRecord = (chart: RenderedChart): ChartRecord => ({
  id: chart.id,
  ...(chart.aliases?.length ? { aliases: chart.aliases } : {}),
  title: chart.title,
  dataset: chart.dataset,
  rows: digest(chart.table.rows),
});

/**
 * Compares each published story with its record. Returns the record as this build would leave it
 * (new stories added, accepted revisions taken) and an error at each figure that would change
 * without a word to readers.
 */
export function checkPublished(options: {
  record: PublishedRecord;
  stories: readonly PublishedStory[];
  /** The build's day, `YYYY-MM-DD`: when a new story is recorded, or a revision accepted. */
  today: string;
}): { record: PublishedRecord; messages: VFileMessage[] } {
  const diagnostics = new Diagnostics();
  const next: PublishedRecord = { stories: { ...options.record.stories } };
  for (const story of options.stories) {
    const now = {
      values: story.values.map(({ line, dataset, query, text }) => ({ line, dataset, query, text })),
      charts: story.charts.map(chartRecord),
    };
    const was = options.record.stories[story.slug];
    if (!was) {
      next.stories[story.slug] = { recorded: options.today, stamp: stampOf(story), ...now, revisions: [] };
      continue;
    }
    const changes = figureChanges(was, story);
    if (!changes.length) {
      // Figures the same; new ones (a sentence added) join the record.
      next.stories[story.slug] = { ...was, ...now };
      continue;
    }
    const stamp = stampOf(story);
    const explained = stamp.corrections > was.stamp.corrections || stamp.newest > was.stamp.newest;
    if (explained) {
      // A figure's revision keeps both texts; a chart's keeps its title (`now` empty: redrawn).
      const revisions = changes.map((c) => ({
        date: options.today,
        dataset: c.dataset,
        was: c.was,
        now: c.kind === "value" ? c.now : "",
      }));
      next.stories[story.slug] = { ...was, ...now, stamp, revisions: [...was.revisions, ...revisions] };
      continue;
    }
    for (const change of changes) {
      const place = { file: story.file, line: change.line, column: change.column };
      if (change.kind === "chart-removed") {
        diagnostics.add("PublishedChartRemoved", { id: change.was, recorded: was.recorded }, place);
        continue;
      }
      diagnostics.add(
        change.kind === "value" ? "PublishedFigureChanged" : "PublishedChartChanged",
        { was: change.was, now: change.now, recorded: was.recorded, dataset: change.dataset, slug: story.slug },
        place,
      );
    }
  }
  return { record: next, messages: diagnostics.messages };
}

/** The datasets whose revision would change what the story printed or drew (removed charts aside). */
export function changedDatasets(
  record: StoryRecord,
  story: Pick<RenderedStory, "values" | "charts" | "chartPlaces" | "chartLines">,
): Set<string> {
  return new Set(
    figureChanges(record, story)
      .filter((c) => c.kind !== "chart-removed")
      .map((c) => c.dataset),
  );
}

interface Change {
  kind: "value" | "chart" | "chart-removed";
  line: number;
  column: number;
  dataset: string;
  was: string;
  now: string;
}

/**
 * What a story would now print or draw differently from its record. A `:value` is known by its
 * attributes (the nth with the same ones); one added or removed is an edit of the text, not a
 * change of figure. A chart is known by its id, and compared by the rows it drew: a new title is
 * an edit of the text like any other.
 */
function figureChanges(
  was: StoryRecord,
  story: Pick<RenderedStory, "values" | "charts" | "chartPlaces" | "chartLines">,
): Change[] {
  const changes: Change[] = [];
  const seen = new Map<string, number>();
  for (const value of story.values) {
    const nth = seen.get(value.query) ?? 0;
    seen.set(value.query, nth + 1);
    const recorded = was.values.filter((v) => v.query === value.query)[nth];
    if (recorded && recorded.text !== value.text) {
      changes.push({ kind: "value", ...value, was: recorded.text, now: value.text });
    }
  }
  for (const recorded of was.charts) {
    // A chart renamed keeps its published id among its `aliases`; every published id must stay.
    const published = [recorded.id, ...(recorded.aliases ?? [])];
    const holder = (id: string) => story.charts.find((c) => c.id === id || c.aliases?.includes(id));
    for (const id of published.filter((id) => !holder(id))) {
      changes.push({ kind: "chart-removed", line: 1, column: 1, dataset: recorded.dataset, was: id, now: "" });
    }
    const chart = published.map(holder).find((c) => c !== undefined);
    if (!chart) continue;
    const place = story.chartPlaces[chart.id] ?? { line: story.chartLines[chart.id] ?? 1, column: 1 };
    const now = chartRecord(chart);
    if (now.rows !== recorded.rows) {
      changes.push({ kind: "chart", ...place, dataset: chart.dataset, was: recorded.title, now: now.title });
    }
  }
  return changes;
}

/**
 * The record checked against a loaded site: its published stories (never drafts), compared with
 * `content/published.lock.json`. Returns the record to keep and every problem.
 */
export function checkSiteRecord(options: {
  root: string;
  stories: ReadonlyArray<PublishedStory & { frontmatter: { draft?: boolean }; messages?: readonly VFileMessage[] }>;
  today: string;
}): { record: PublishedRecord; messages: VFileMessage[] } {
  const read = readRecord(options.root);
  if (read.messages.length) return read;
  // A story with errors of its own is stopped by them already: a chart block it cannot draw now
  // would only be reported a second time here, as a published chart gone missing.
  const unbroken = (story: { messages?: readonly VFileMessage[] }) => !story.messages?.some((m) => m.fatal !== false);
  return checkPublished({
    record: read.record,
    stories: options.stories.filter((story) => !story.frontmatter.draft && unbroken(story)),
    today: options.today,
  });
}

/** Today in UTC, as the record dates things. */
export const recordDay = (now = new Date()) => now.toISOString().slice(0, 10);
