// remark plugin: `:value{data=... row=... col=...}` becomes the cell, formatted by its field, so
// prose cannot disagree with the data. Other `:name` text (remark-directive reads "ratio:3to1"
// as a directive) goes back to being the text the author typed.
import type { Root, Text } from "mdast";
import type { TextDirective } from "mdast-util-directive";
import type { Plugin } from "unified";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { formatPatternProblem } from "../data/format.ts";
import { aggregateNames, formatValue, lookupCell, type AggregateName, type LookupProblem } from "../data/index.ts";
import type { CellValue, Dataset } from "../data/types.ts";
import { closest } from "../errors/closest.ts";
import { diagnostic, Diagnostics } from "../errors/diagnostic.ts";

export interface RemarkValueOptions {
  datasets: ReadonlyMap<string, Dataset>;
  invalidDatasets?: ReadonlySet<string>;
  /**
   * What to print for a cell with no figure, instead of reporting it. A place page sets it: some
   * places' figures are suppressed, and saying so is right there, where in a story it is a mistake.
   */
  missing?: string;
}

const attributes = ["data", "row", "where", "col", "agg", "format"];

/** What the plugin leaves on the file: the datasets the prose quotes, and every figure it printed. */
export interface ValueFileData {
  quoted?: Set<string>;
  values?: PrintedValue[];
}

/** A figure a `:value` printed, where, and what it asked for (its attributes, in a fixed order). */
export interface PrintedValue {
  line: number;
  column: number;
  dataset: string;
  query: string;
  text: string;
}

export const remarkValue: Plugin<[RemarkValueOptions], Root> = (options) => (tree, file: VFile) => {
  const source = String(file.value);
  const placeOf = (node: Node) => ({
    file: file.path ?? "<story>",
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
  });
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    // An image's alt text is plain text to markdown: a `:value` in it would vanish from the alt.
    if (node.type === "image") {
      const { start, end } = node.position ?? {};
      const written =
        start?.offset !== undefined && end?.offset !== undefined ? source.slice(start.offset, end.offset) : "";
      if (/(^|[^:]):value\{/.test(written)) file.messages.push(diagnostic("ValueInImage", {}, placeOf(node)));
      return;
    }
    if (node.type !== "textDirective" && node.type !== "leafDirective" && node.type !== "containerDirective") return;
    const directive = node as TextDirective;
    let replacement: Text;
    if (directive.name === "value" && node.type === "textDirective") {
      const place = placeOf(node);
      // Attributes that do not parse (`agg=}`, a missing `}`) leave a bare `:value` followed by
      // its braces as text: say so, rather than that `data` is missing.
      const next = parent.children[index + 1];
      const read = Object.keys(directive.attributes ?? {}).length > 0;
      if (!read && next?.type === "text" && next.value.startsWith("{")) {
        file.messages.push(diagnostic("ValueAttributesUnreadable", { actual: next.value.split("\n")[0]! }, place));
        parent.children.splice(index, 1, { type: "text", value: "" });
        return;
      }
      const diagnostics = new Diagnostics();
      const id = directive.attributes?.data;
      if (id && options.datasets.has(id)) ((file.data as ValueFileData).quoted ??= new Set()).add(id);
      const text = valueText(directive.attributes ?? {}, options, diagnostics, place);
      file.messages.push(...diagnostics.messages);
      if (text !== undefined && id) {
        const query = attributes.map((key) => `${key}=${directive.attributes?.[key] ?? ""}`).join(" ");
        ((file.data as ValueFileData).values ??= []).push({
          line: place.line,
          column: place.column,
          dataset: id,
          query,
          text,
        });
      }
      replacement = { type: "text", value: text ?? "" };
    } else {
      // `::value{...}` on a line of its own is a block directive: almost surely a `:value` with a
      // colon too many, which would print its braces to readers.
      // `:rank` ranks the current place: only a place template has one (remark-place.ts).
      if (directive.name === "rank" && node.type === "textDirective")
        file.messages.push(diagnostic("RankOutsidePlace", {}, placeOf(node)));
      if (directive.name === "value") {
        const place = placeOf(node);
        const colons = node.type === "leafDirective" ? "::" : ":::";
        file.messages.push(diagnostic("ValueNotInline", { actual: colons }, place));
      }
      // Not ours: restore exactly what the author wrote.
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      replacement = {
        type: "text",
        value: start !== undefined && end !== undefined ? source.slice(start, end) : `:${directive.name}`,
      };
    }
    parent.children.splice(index, 1, replacement);
  });
};

/** The formatted figure, or undefined after adding the problem to `diagnostics`. */
export function valueText(
  attrs: Record<string, string | null | undefined>,
  options: RemarkValueOptions,
  diagnostics: Diagnostics,
  place: { file: string; line: number; column: number },
): string | undefined {
  const query = valueQuery(attrs, diagnostics, place);
  if (!query) return undefined;
  const dataset = valueDataset(query.data, options, diagnostics, place);
  if (!dataset) return undefined;
  const result = lookupCell(dataset, query);
  if ("problem" in result && result.problem.kind === "missing" && options.missing !== undefined) return options.missing;
  if ("problem" in result) {
    reportLookupProblem(result.problem, query, diagnostics, place);
    return undefined;
  }
  const formatProblem = query.format === undefined ? undefined : checkFormat(query.format, result.value);
  if (formatProblem) {
    diagnostics.add("ValueAttributeInvalid", { key: "format", actual: query.format!, ...formatProblem }, place);
    return undefined;
  }
  return formatValue(result.value, result.field, query.format);
}

/** A `:value`'s attributes, checked: which dataset, which cells, how to sum and print them. */
interface ValueQuery {
  data: string;
  row?: string;
  where?: string;
  col?: string;
  agg?: AggregateName;
  format?: string;
}

type Place = { file: string; line: number; column: number };

/** The attributes as a query, or undefined with the first problem reported. */
function valueQuery(
  attrs: Record<string, string | null | undefined>,
  diagnostics: Diagnostics,
  place: Place,
): ValueQuery | undefined {
  for (const key of Object.keys(attrs)) {
    if (!attributes.includes(key)) {
      diagnostics.add("ValueAttributeUnknown", { actual: key, suggestion: closest(key, attributes) }, place);
      return undefined;
    }
  }
  const id = attrs.data ?? "";
  if (!id) {
    diagnostics.add(
      "ValueAttributeMissing",
      { key: "data", example: ":value{data=nct-budget row=2023/24 col=overspend}" },
      place,
    );
    return undefined;
  }
  const agg = attrs.agg ?? undefined;
  if (agg !== undefined && !(aggregateNames as readonly string[]).includes(agg)) {
    diagnostics.add(
      "ValueAttributeInvalid",
      {
        key: "agg",
        actual: agg,
        expected: aggregateNames.map((a) => `\`${a}\``).join(", "),
        fix: "use one of these, e.g. `agg=sum`",
      },
      place,
    );
    return undefined;
  }
  if (!attrs.col && agg !== "count") {
    diagnostics.add("ValueAttributeMissing", { key: "col", example: `:value{data=${id} row=... col=...}` }, place);
    return undefined;
  }
  if (attrs.row === undefined && attrs.where === undefined && agg === undefined) {
    diagnostics.add(
      "ValueAttributeMissing",
      { key: "row", example: `:value{data=${id} row=2023/24 col=${attrs.col}}` },
      place,
    );
    return undefined;
  }
  return {
    data: id,
    row: attrs.row ?? undefined,
    where: attrs.where ?? undefined,
    col: attrs.col ?? undefined,
    agg: agg as AggregateName | undefined,
    format: attrs.format ?? undefined,
  };
}

/** The dataset a `:value` names, or undefined with the problem reported. */
function valueDataset(id: string, options: RemarkValueOptions, diagnostics: Diagnostics, place: Place) {
  const dataset = options.datasets.get(id);
  if (dataset) return dataset;
  if (options.invalidDatasets?.has(id)) diagnostics.add("ChartDatasetInvalid", { actual: id }, place);
  else {
    const ids = [...options.datasets.keys()];
    diagnostics.add("ValueUnknownDataset", { actual: id, datasets: ids, suggestion: closest(id, ids) }, place);
  }
  return undefined;
}

/** Reports why the cells a query names could not be read. */
function reportLookupProblem(problem: LookupProblem, query: ValueQuery, diagnostics: Diagnostics, place: Place): void {
  const id = query.data;
  const agg = query.agg ?? "";
  const rows =
    [query.row !== undefined ? `row \`${query.row}\`` : "", query.where ? `\`${query.where}\`` : ""]
      .filter(Boolean)
      .join(" and ") || "all rows";
  switch (problem.kind) {
    case "unknown-column":
      diagnostics.add(
        "ValueUnknownColumn",
        {
          actual: problem.column,
          dataset: id,
          columns: problem.columns,
          suggestion: closest(problem.column, problem.columns),
        },
        place,
      );
      break;
    case "bad-where":
      diagnostics.add(
        "ValueAttributeInvalid",
        {
          key: "where",
          actual: problem.part,
          expected: "`column=value` pairs separated by `;`",
          fix: 'write it like `where="la_name=Northamptonshire; year=2019"`',
        },
        place,
      );
      break;
    case "no-key":
      diagnostics.add("ValueNoKey", { dataset: id }, place);
      break;
    case "no-row":
      diagnostics.add("ValueNoRow", { query: rows, dataset: id, sample: problem.sample }, place);
      break;
    case "many-rows":
      diagnostics.add("ValueManyRows", { query: rows, dataset: id, matched: problem.matched }, place);
      break;
    case "not-numeric":
      diagnostics.add("ValueNotNumeric", { column: problem.column, type: problem.type, agg }, place);
      break;
    case "missing":
      diagnostics.add("ValueMissing", { column: problem.column, dataset: id, line: problem.line }, place);
      break;
    case "some-missing":
      diagnostics.add("ValueSomeMissing", { ...problem, dataset: id, agg }, place);
      break;
  }
}

function checkFormat(format: string, value: CellValue): { expected: string; fix: string } | undefined {
  if (typeof value === "number") return formatPatternProblem(format, "number");
  if (value instanceof Date) return formatPatternProblem(format, "date");
  return { expected: "a number or a date to print, not text", fix: "remove `format`: text is printed as written" };
}
