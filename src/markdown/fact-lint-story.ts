// Glue for fact-lint: walks one story (frontmatter title and dek, prose, chart titles and notes),
// checks every hand-typed figure against the datasets the story uses, and warns at the figure's
// line and column about those the data does not hold. Only `npm run check` runs it, not the build.
import type { Code, Nodes, Root } from "mdast";
import type { TextDirective } from "mdast-util-directive";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { makeLocator } from "../data/csv.ts";
import type { Dataset } from "../data/types.ts";
import { diagnostic, type Place, type VFileMessage } from "../errors/diagnostic.ts";
import { parseYamlSource, type YamlPoint } from "../errors/yaml.ts";
import {
  candidatesOf,
  checkFigure,
  describeCandidate,
  directiveFor,
  findFigures,
  showCandidate,
  type Candidate,
  type Figure,
} from "./fact-lint.ts";

/** A stretch of reader-visible text and where each of its characters sits in the file. */
interface Run {
  text: string;
  placeAt(index: number, figure: string): Place;
}

// Prose the reader does not see as a claim, or that is already tied to the data.
const SKIP = new Set([
  "code",
  "inlineCode",
  "html",
  "link",
  "linkReference",
  "image",
  "imageReference",
  "definition",
  "textDirective",
  "leafDirective",
  "containerDirective",
]);

// Same split as frontmatter.ts: the opening `---` line, the YAML, the closing `---` line.
const FENCE = /^---[ \t]*(?:\r\n|\r|\n)([\s\S]*?)(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/;
const CHART_TEXT_KEYS = ["title", "subtitle", "alt", "notes"] as const;

const kindWords = { money: "sums of money", percent: "percentages", count: "counts" } as const;

/**
 * Warnings (never errors) for the figures in a story that match no value, within the rounding
 * they show, in the datasets the story charts or quotes with `:value`. A story that uses no
 * dataset is checked only for figures some other dataset holds.
 */
export function lintStoryFacts(options: {
  text: string;
  file: string;
  datasets: ReadonlyMap<string, Dataset>;
}): VFileMessage[] {
  const { text, file, datasets } = options;
  const runs: Run[] = [];
  const used = new Set<string>();

  const front = FENCE.exec(text);
  const body = front ? "\n".repeat(front[0].split(/\r\n|\r|\n/).length - 1) + text.slice(front[0].length) : text;
  if (front) runs.push(...yamlRuns(front[1]!, 2, file, [["title"], ["dek"]]));

  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).parse(body) as Root;
  const locate = makeLocator(body);
  const walk = (node: Nodes): void => {
    if (node.type === "textDirective" && node.name === "value") {
      const data = (node as TextDirective).attributes?.data;
      if (data) used.add(data);
    }
    if (node.type === "code" && node.lang === "chart") runs.push(...chartRuns(node, file, used));
    if (SKIP.has(node.type)) return;
    if (node.type === "text" && node.position) runs.push(textRun(node.value, node.position, body, file, locate));
    if ("children" in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);

  const usedCandidates = [...used].flatMap((id) => (datasets.has(id) ? candidatesOf(datasets.get(id)!) : []));
  const otherCandidates = [...datasets.values()].filter((d) => !used.has(d.id)).flatMap(candidatesOf);
  const messages: VFileMessage[] = [];
  for (const run of runs) {
    for (const figure of findFigures(run.text)) {
      const place = run.placeAt(figure.index, figure.text);
      const check = checkFigure(figure, usedCandidates, otherCandidates);
      if (check.status === "matched") continue;
      if (check.status === "elsewhere") {
        messages.push(elsewhere(figure, check.candidate, place));
        continue;
      }
      // A story with no data of its own has nothing to hold its figures to.
      if (usedCandidates.length === 0) continue;
      const { nearest, suggestion } = check;
      const params = {
        actual: figure.text,
        kind: kindWords[figure.kind],
        nearest: nearest && showCandidate(nearest),
        where: nearest && describeCandidate(nearest),
        suggestion,
        directive: nearest && suggestion ? directiveFor(nearest, figure) : undefined,
      };
      messages.push(diagnostic("FactUnmatched", params, place, { warning: true }));
    }
  }
  return messages;
}

function elsewhere(figure: Figure, candidate: Candidate, place: Place): VFileMessage {
  const params = {
    actual: figure.text,
    dataset: candidate.dataset.id,
    where: describeCandidate(candidate),
    directive: directiveFor(candidate, figure),
  };
  return diagnostic("FactInOtherDataset", params, place, { warning: true });
}

/** A markdown text node: exact positions when its source reads as its value (no escapes). */
function textRun(
  value: string,
  position: NonNullable<Nodes["position"]>,
  body: string,
  file: string,
  locate: ReturnType<typeof makeLocator>,
): Run {
  const start = position.start.offset ?? 0;
  const source = body.slice(start, position.end.offset ?? start);
  return {
    text: value,
    placeAt(index, figure) {
      // `&pound;20m` or `\*` change offsets: find the figure in the source, else point at the node.
      const offset = source === value ? index : source.indexOf(figure);
      const at = offset >= 0 ? locate(start + offset) : { line: position.start.line, column: position.start.column };
      return { file, ...at };
    },
  };
}

/** The chart's reader-visible text (title, subtitle, alt, notes, annotations); notes its dataset. */
function chartRuns(node: Code, file: string, used: Set<string>): Run[] {
  const fenceLine = node.position?.start.line ?? 1;
  const source = parseYamlSource(node.value, { file, line: fenceLine + 1 });
  const spec = source.value as Record<string, unknown> | undefined;
  if (!spec || typeof spec !== "object") return [];
  if (typeof spec.data === "string") used.add(spec.data);
  const paths: PropertyKey[][] = [];
  for (const key of CHART_TEXT_KEYS) {
    const value = spec[key];
    if (Array.isArray(value)) value.forEach((_, i) => paths.push([key, i]));
    else paths.push([key]);
  }
  if (Array.isArray(spec.annotations)) spec.annotations.forEach((_, i) => paths.push(["annotations", i, "text"]));
  return yamlRuns(node.value, fenceLine + 1, file, paths, source);
}

/** Text scalars of a YAML block at `paths`, placed exactly when written on one line as they read. */
function yamlRuns(
  yamlText: string,
  firstLine: number,
  file: string,
  paths: PropertyKey[][],
  source = parseYamlSource(yamlText, { file, line: firstLine }),
): Run[] {
  const lines = yamlText.split(/\r\n|\r|\n/);
  const runs: Run[] = [];
  for (const path of paths) {
    const value = valueAt(source.value, path);
    if (typeof value !== "string") continue;
    const start = source.placeOf(path);
    runs.push({ text: value, placeAt: (index) => ({ file, ...scalarPoint(lines, firstLine, start, value, index) }) });
  }
  return runs;
}

/** Character `index` of a scalar starting at `start`: exact for a plain or simply quoted one-line scalar. */
function scalarPoint(lines: string[], firstLine: number, start: YamlPoint, value: string, index: number): YamlPoint {
  const line = lines[start.line - firstLine] ?? "";
  const rest = line.slice(start.column - 1);
  const quoted = rest[0] === '"' || rest[0] === "'";
  const written = quoted ? rest.slice(1) : rest;
  if (written.startsWith(value)) return { line: start.line, column: start.column + (quoted ? 1 : 0) + index };
  return start;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const step of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[step];
  }
  return node;
}
