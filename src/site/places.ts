// Place pages: each template in `content/places/` with its dataset becomes one page per place
// (`/places/<template>/<place>/`), each rendered like a story body with the template's
// placeholders filled for that place, and an index of the places. Every problem of a template is
// reported once, at the template's line, however many places it has.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderCached, type StoryCache } from "../cache/stories.ts";
import { filterRows } from "../charts/filter.ts";
import { isKebab, kebab } from "../data/ids.ts";
import { formatValue } from "../data/index.ts";
import type { CellValue, Dataset, Row } from "../data/types.ts";
import { closest } from "../errors/closest.ts";
import { Diagnostics, type VFileMessage } from "../errors/diagnostic.ts";
import { controlCharacterMessages } from "../markdown/control-characters.ts";
import { frontmatterSource } from "../markdown/frontmatter.ts";
import { parsePlaceTemplate, type PlaceTemplate } from "../markdown/place-template.ts";
import { fillText, findPlaceholders, PLACE, type PlaceValues } from "../markdown/placeholders.ts";
import { renderMarkdown, type RenderedStory, type StoryContext } from "../markdown/story.ts";
import { paths } from "../urls.ts";
import { markdownFiles } from "./markdown-files.ts";

export const PLACES_DIR = "content/places";

/** One place of a template: its name as the dataset writes it, its address and its index group. */
export interface Place {
  name: string;
  slug: string;
  group: string;
}

/** A place's page: a story in all but its address (its frontmatter comes from the template). */
export interface PlacePage extends RenderedStory {
  frontmatter: NonNullable<RenderedStory["frontmatter"]>;
  template: string;
  place: Place;
}

export interface PlaceSet {
  template: PlaceTemplate;
  /** The index page's heading. */
  title: string;
  dataset: string;
  datasetTitle: string;
  /** What the places are, in the plural (`councils`), for the index's words. */
  noun: string;
  /** The title of the column the index groups by; undefined when grouped by first letter. */
  groupTitle?: string;
  /** Sorted by group, then name. */
  places: Place[];
  pages: PlacePage[];
}

export interface LoadPlacesOptions extends StoryContext {
  root: string;
  storyCache?: StoryCache;
  diagnostics: Diagnostics;
}

/** Every template's places and pages (drafts included: the caller decides what is published). */
export function loadPlaces(options: LoadPlacesOptions): PlaceSet[] {
  const sets: PlaceSet[] = [];
  for (const name of markdownFiles(options.root, PLACES_DIR, options.diagnostics)) {
    const templateName = name.replace(/\.md$/, "");
    const file = `${PLACES_DIR}/${name}`;
    if (!isKebab(templateName)) {
      const place = { file, line: 1, column: 1 };
      options.diagnostics.add(
        "PlaceTemplateNameInvalid",
        { slug: templateName, suggestion: kebab(templateName) },
        place,
      );
      continue;
    }
    const set = loadTemplate(readFileSync(join(options.root, file), "utf8"), { file, name: templateName }, options);
    if (set) sets.push(set);
  }
  return sets;
}

function loadTemplate(
  text: string,
  options: { file: string; name: string },
  context: LoadPlacesOptions,
): PlaceSet | undefined {
  const { file } = options;
  const diagnostics = new Diagnostics();
  diagnostics.push(...controlCharacterMessages(text, file));
  const { template, messages } = parsePlaceTemplate(text, options);
  diagnostics.push(...messages);
  const uses = findPlaceholders(text);
  for (const use of uses.filter((u) => u.name !== PLACE)) {
    const suggestion = `{${PLACE}${use.column_ ? `.${use.column_}` : ""}}`;
    diagnostics.add(
      "PlaceholderUnknown",
      { actual: use.written, suggestion },
      { file, line: use.line, column: use.column },
    );
  }
  const dataset = template && templateDataset(template, text, context, diagnostics);
  if (!template || !dataset) return finish(diagnostics, context);
  // The frontmatter's YAML with positions, parsed once and only when a position is asked for.
  let source: ReturnType<typeof frontmatterSource> | undefined;
  const at = (path: PropertyKey[]) => ({
    file,
    ...((source ??= frontmatterSource(text, file))?.placeOf(path) ?? { line: 1, column: 1 }),
  });
  const columns = dataset.fields.map((f) => f.name);
  const unknownColumn = (actual: string, where: string, place: { file: string; line: number; column: number }) =>
    diagnostics.add(
      "PlaceUnknownColumn",
      { actual, where, dataset: dataset.id, columns, suggestion: closest(actual, columns) },
      place,
    );
  if (!columns.includes(template.each.key)) unknownColumn(template.each.key, "`each.key`", at(["each", "key"]));
  if (template.group && !columns.includes(template.group)) unknownColumn(template.group, "`group`", at(["group"]));
  for (const use of uses.filter((u) => u.name === PLACE && u.column_ && u.column_ !== "slug")) {
    if (!columns.includes(use.column_!))
      unknownColumn(use.column_!, `\`${use.written}\``, { file, line: use.line, column: use.column });
  }
  if (diagnostics.hasErrors) return finish(diagnostics, context);
  const rows = filterRows(template.each, dataset, diagnostics, (path) => at(["each", ...path]));
  if (!rows) return finish(diagnostics, context);
  const places = placesOf(template, dataset, rows, diagnostics, at(["each", "key"]));
  if (!places) return finish(diagnostics, context);

  const pages: PlacePage[] = [];
  const seen = new Map<string, { message: VFileMessage; count: number }>();
  places.forEach(({ place, row }) => {
    const page = renderPlace(text, template, { place, row, rows, dataset }, context);
    for (const message of page.messages) {
      // The same mistake on every place's page is one mistake in the template.
      const key = `${message.line}:${message.column}:${message.ruleId}:${message.reason}`;
      const first = seen.get(key);
      if (first) first.count++;
      else seen.set(key, { message, count: 1 });
    }
    pages.push(page);
  });
  for (const { message, count } of seen.values()) {
    if (count > 1) message.note = `${message.note ?? ""} (on ${count} of the ${places.length} place pages)`.trim();
    diagnostics.push(message);
  }
  finish(diagnostics, context);
  const groupField = template.group ? dataset.fields.find((f) => f.name === template.group) : undefined;
  return {
    template,
    title: template.index ?? dataset.title,
    dataset: dataset.id,
    datasetTitle: dataset.title,
    noun: template.places ?? "places",
    groupTitle: groupField?.title,
    places: places.map((p) => p.place).sort((a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name)),
    pages,
  };
}

function finish(diagnostics: Diagnostics, context: LoadPlacesOptions): undefined {
  context.diagnostics.push(...diagnostics.messages);
  diagnostics.messages.length = 0;
  return undefined;
}

/** The template's dataset, or undefined with the problem reported at `each.data`. */
function templateDataset(
  template: PlaceTemplate,
  text: string,
  context: LoadPlacesOptions,
  diagnostics: Diagnostics,
): Dataset | undefined {
  const id = template.each.data;
  const dataset = context.datasets.get(id);
  if (dataset) return dataset;
  const place = {
    file: template.file,
    ...(frontmatterSource(text, template.file)?.placeOf(["each", "data"]) ?? { line: 1, column: 1 }),
  };
  // A dataset with errors of its own has them reported already.
  if (context.invalidDatasets?.has(id)) diagnostics.add("ChartDatasetInvalid", { actual: id }, place);
  else {
    const ids = [...context.datasets.keys()];
    diagnostics.add("PlaceUnknownDataset", { actual: id, datasets: ids, suggestion: closest(id, ids) }, place);
  }
  return undefined;
}

/** A cell as text: names as written, figures as their field prints them. */
const cellText = (value: CellValue | undefined, field: Dataset["fields"][number] | undefined): string =>
  value === null || value === undefined
    ? ""
    : typeof value === "string"
      ? value
      : field
        ? formatValue(value, field)
        : String(value);

/** Each row's place, or undefined after reporting a row with no name or two places with one address. */
function placesOf(
  template: PlaceTemplate,
  dataset: Dataset,
  rows: Row[],
  diagnostics: Diagnostics,
  keyPlace: { file: string; line: number; column: number },
): Array<{ place: Place; row: Row }> | undefined {
  const keyField = dataset.fields.find((f) => f.name === template.each.key);
  const groupField = template.group ? dataset.fields.find((f) => f.name === template.group) : undefined;
  const bySlug = new Map<string, { name: string; line: number }>();
  const places: Array<{ place: Place; row: Row }> = [];
  // Each row's index in the dataset, for its line (looked up, not searched for: 150 places is
  // 150 searches through every row otherwise).
  const indexOf = new Map(dataset.rows.map((row, i) => [row, i]));
  for (const row of rows) {
    const line = dataset.rowLines[indexOf.get(row)!] ?? 1;
    const name = cellText(row[template.each.key], keyField).trim();
    const slug = kebab(name);
    if (!slug) {
      diagnostics.add(
        "PlaceKeyMissing",
        { column: template.each.key, dataset: dataset.id },
        { file: dataset.csvPath, line, column: 1 },
      );
      continue;
    }
    const other = bySlug.get(slug);
    if (other) {
      diagnostics.add("PlaceSlugDuplicate", { actual: name, slug, other: other.name, line: other.line }, keyPlace);
      continue;
    }
    bySlug.set(slug, { name, line });
    const group = groupField ? cellText(row[groupField.name], groupField) || "Other" : initial(name);
    places.push({ place: { name, slug, group }, row });
  }
  return diagnostics.hasErrors ? undefined : places;
}

/** The letter a name is listed under: `A` to `Z`, or `#` for a name that starts otherwise. */
function initial(name: string): string {
  const letter = name.normalize("NFD").charAt(0).toUpperCase();
  return /[A-Z]/.test(letter) ? letter : "#";
}

/** One place's page, from the story cache when an unchanged template rendered it before. */
function renderPlace(
  text: string,
  template: PlaceTemplate,
  bound: { place: Place; row: Row; rows: Row[]; dataset: Dataset },
  context: LoadPlacesOptions,
): PlacePage {
  const { place, row, dataset } = bound;
  const extra = { template: template.name, place };
  const page = renderCached(context.storyCache, `places/${template.name}/${place.slug}`, text, (): PlacePage => {
    const values: PlaceValues = (_name, column) =>
      column === undefined
        ? place.name
        : column === "slug"
          ? place.slug
          : cellText(
              row[column],
              dataset.fields.find((f) => f.name === column),
            ) || "no figure";
    const rendered = renderMarkdown(
      template.body,
      {
        file: template.file,
        slug: `${template.name}-${place.slug}`,
        path: paths.place(template.name, place.slug),
        place: { name: place.name, values, dataset, rows: bound.rows, row, among: template.places },
      },
      context,
    );
    return {
      ...rendered,
      // The page is made from its dataset even where no chart or `:value` names it (placeholders,
      // `:rank`), and its index links to the dataset's page: the dataset is published with it.
      quoted: [...new Set([...rendered.quoted, dataset.id])].sort(),
      frontmatter: {
        title: fillText(template.title, values),
        dek: fillText(template.dek, values),
        byline: template.byline,
        published: template.published,
        updated: template.updated,
        topics: [],
        corrections: [],
        draft: template.draft,
        aliases: [],
      },
      ...extra,
    };
  });
  // In place, not spread: a spread would read a kept page's HTML back from its blob (a lazy
  // property, src/cache/blobs.ts) and lose the blob's id, so the loader would hash and store it again.
  return Object.assign(page, extra);
}
