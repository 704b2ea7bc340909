// remark plugin for a place page: fills the template's placeholders for one place (in prose, in
// directive attributes such as `:value`'s `where`, and in chart blocks' YAML) and writes `:rank`
// as a sentence. Runs before remark-value and remark-chart, which then see an ordinary story.
import type { Code, Root, Text } from "mdast";
import type { TextDirective } from "mdast-util-directive";
import type { Plugin } from "unified";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { formatValue } from "../data/index.ts";
import { isNumeric } from "../data/types.ts";
import type { Dataset, Row } from "../data/types.ts";
import { closest } from "../errors/closest.ts";
import { diagnostic } from "../errors/diagnostic.ts";
import { fillText, fillYaml, type PlaceValues } from "./placeholders.ts";
import { rankSentence } from "./rank.ts";

export interface PlaceBinding {
  /** The place's name, as its dataset writes it. */
  name: string;
  values: PlaceValues;
  dataset: Dataset;
  /** Every place's row (the template's places), the current one included. */
  rows: readonly Row[];
  row: Row;
  /** What the places are (`councils`), for `of 152 councils`. */
  among?: string;
}

const rankAttributes = ["col", "label", "of"];

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export const remarkPlace: Plugin<[PlaceBinding], Root> = (place) => (tree, file: VFile) => {
  const fill = (text: string) => fillText(text, place.values);
  visit(tree, (node, index, parent) => {
    switch (node.type) {
      case "text":
      case "inlineCode":
        node.value = fill(node.value);
        return;
      case "html":
        node.value = fillText(node.value, (name, column) => escapeHtml(place.values(name, column)));
        return;
      case "code":
        if ((node as Code).lang === "chart") node.value = fillYaml(node.value, place.values);
        return;
      case "link":
        node.url = fill(node.url);
        if (node.title) node.title = fill(node.title);
        return;
      case "image":
        node.url = fill(node.url);
        if (node.alt) node.alt = fill(node.alt);
        return;
      case "textDirective":
      case "leafDirective":
      case "containerDirective": {
        const directive = node as TextDirective;
        for (const [key, value] of Object.entries(directive.attributes ?? {}))
          if (typeof value === "string") directive.attributes![key] = fill(value);
        if (directive.name !== "rank" || node.type !== "textDirective" || !parent || index === undefined) return;
        const text: Text = { type: "text", value: rankText(directive, place, file) ?? "" };
        parent.children.splice(index, 1, text);
        return;
      }
    }
  });
};

/** The `:rank` sentence, or undefined with its problem on the file. */
function rankText(directive: TextDirective, place: PlaceBinding, file: VFile): string | undefined {
  const at = {
    file: file.path ?? "<template>",
    line: directive.position?.start.line ?? 1,
    column: directive.position?.start.column ?? 1,
  };
  const attrs = directive.attributes ?? {};
  const unknown = Object.keys(attrs).find((key) => !rankAttributes.includes(key));
  if (unknown || !attrs.col) {
    const actual = unknown ?? ":rank";
    const expected = unknown
      ? `one of ${rankAttributes.map((a) => `\`${a}\``).join(", ")}${closest(unknown, rankAttributes) ? ` (did you mean \`${closest(unknown, rankAttributes)}\`?)` : ""}`
      : "a `col` to rank by";
    file.messages.push(diagnostic("RankAttributeInvalid", { actual, expected }, at));
    return undefined;
  }
  const columns = place.dataset.fields.map((f) => f.name);
  const field = place.dataset.fields.find((f) => f.name === attrs.col);
  if (!field) {
    file.messages.push(
      diagnostic(
        "PlaceUnknownColumn",
        {
          actual: attrs.col,
          where: "`:rank`",
          dataset: place.dataset.id,
          columns,
          suggestion: closest(attrs.col, columns),
        },
        at,
      ),
    );
    return undefined;
  }
  if (!isNumeric(field)) {
    file.messages.push(diagnostic("RankNotNumeric", { column: field.name, type: field.type }, at));
    return undefined;
  }
  const value = place.row[field.name];
  const label = attrs.label ?? lowerFirst(field.title);
  return rankSentence({
    place: place.name,
    label,
    among: attrs.of ?? place.among,
    value: typeof value === "number" ? value : null,
    values: place.rows.map((row) => (typeof row[field.name] === "number" ? (row[field.name] as number) : null)),
    printed: typeof value === "number" ? formatValue(value, field) : undefined,
  });
}

/** `Vacancy rate` → `vacancy rate`, but `NHS spend` stays as it is. */
const lowerFirst = (text: string) => (/^[A-Z][A-Z]/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1));
