// A new story file: a slug from the title, valid frontmatter dated today (as a draft, so a
// half-written story is never published), and a commented-out chart and `:value` drawn from a
// real dataset, so the example works once the comment markers are removed.
import { stringify } from "yaml";
import type { Dataset } from "../data/types.ts";

const MAX_SLUG = 60;

/** `Children's trust: £26m overspend` → `childrens-trust-26m-overspend`, cut at a word under 60 characters. */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : MAX_SLUG);
}

const scalar = (value: string): string => stringify(value, { lineWidth: 0 }).trimEnd();

/** The story's text. `example` is a dataset to draw the commented chart from, if there is one. */
export function storyText(options: { title: string; byline: string; today: string; example?: Dataset }): string {
  const { title, byline, today, example } = options;
  return [
    "---",
    `title: ${scalar(title)}`,
    "dek: One sentence, in plain text, that says what the story found.",
    "byline:",
    `  - ${scalar(byline)}`,
    `published: ${today}`,
    "# topics: [council-finance]",
    "# A draft is checked but not published: delete this line when the story is ready.",
    "draft: true",
    "---",
    "",
    "Write the story here, in markdown.",
    "",
    exampleComment(example),
    "",
  ].join("\n");
}

// What would end or nest the HTML comment early: `--` (the start of `-->` and `--!>`) and `<!-`.
const COMMENT_BREAKER = /--|<!-/;

/** A YAML value for inside the comment: as is, or double-quoted with `-` and `<` escaped. */
function commentYaml(value: string): string {
  if (!COMMENT_BREAKER.test(value)) return value;
  const escaped = value
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/-/g, "\\x2D")
    .replace(/</g, "\\x3C");
  return `"${escaped}"`;
}

/**
 * An HTML comment holding a chart block and a `:value`; markdown and the build ignore it. Its
 * text must never contain the comment's closing marker, which would end it early.
 */
function exampleComment(dataset: Dataset | undefined): string {
  const numeric = dataset?.fields.find((f) => f.type === "number" || f.type === "integer");
  const label = dataset?.fields.find((f) => f.type === "period" || f.type === "date" || f.type === "string");
  const key = dataset?.primaryKey.length === 1 ? dataset.primaryKey[0] : undefined;
  const data = dataset?.id ?? "your-dataset";
  const x = label?.name ?? "year";
  const y = numeric?.name ?? "amount";
  const row = key && dataset ? (dataset.cells?.[0]?.[key] ?? String(dataset.rows[0]?.[key] ?? "")) : "2023/24";
  const rowAttribute = /^[\w\-./]+$/.test(row) ? row : JSON.stringify(row);
  // A column name or key from a council's file may hold `-->` (or `--!>`, which ends a comment
  // too): a YAML value is written with its hyphens escaped, which reads back the same; a `:value`
  // attribute has no escape, so the example falls back to placeholders.
  const quotable = !COMMENT_BREAKER.test(row) && !COMMENT_BREAKER.test(y);
  return [
    "<!--",
    "To add a chart, move the block below out of this comment (above its first line) and edit it:",
    "`data` is a file name in data/ without .csv, `x` and `y` are its column names, and the",
    "title says what the chart shows, as a sentence. See docs/authoring.md for every key.",
    "",
    "```chart",
    `data: ${data}`,
    "type: column",
    `x: ${commentYaml(x)}`,
    `y: ${commentYaml(y)}`,
    "title: The finding, as a sentence",
    "subtitle: What is measured, and in what unit",
    "```",
    "",
    "To print a figure from the data in a sentence, so it can never disagree with the chart:",
    "",
    quotable ? `:value{data=${data} row=${rowAttribute} col=${y}}` : `:value{data=${data} row=KEY col=COLUMN}`,
    "-->",
  ].join("\n");
}
