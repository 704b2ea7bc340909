// YAML with positions: parses a sidecar, a chart block or frontmatter and maps any path
// (including the paths in zod issues) back to a 1-based line and column in the file.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { core } from "zod";

export interface YamlOrigin {
  /** Project-relative file path. */
  file: string;
  /** The file line on which `text` begins (1 for a whole file; fence line + 1 for a chart block). */
  line?: number;
  /** The file column of the text's first character on each line (a chart block in a list is indented). */
  column?: number;
}

export interface YamlPoint {
  line: number;
  column: number;
}

export interface YamlSource {
  /** The parsed value, or undefined when the YAML has syntax errors. */
  value: unknown;
  syntaxErrors: Array<YamlPoint & { reason: string }>;
  /** Position of the value (or its key) at `path`; falls back to the nearest ancestor that exists. */
  placeOf(path: readonly PropertyKey[], target?: "key" | "value"): YamlPoint;
}

/** Parses YAML text with a line counter, offset to where the text sits in its file. */
export function parseYamlSource(text: string, origin: YamlOrigin): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstLine = origin.line ?? 1;
  const at = (offset: number): YamlPoint => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1) + firstLine - 1, column: Math.max(col, 1) + (origin.column ?? 1) - 1 };
  };
  const syntaxErrors = doc.errors.map((error) => ({
    ...at(error.pos[0]),
    reason: error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, ""),
  }));
  const placeOf = (path: readonly PropertyKey[], target: "key" | "value" = "value"): YamlPoint => {
    let node: unknown = doc.contents;
    let best: YamlPoint = node && hasRange(node) ? at(node.range[0]) : { line: firstLine, column: 1 };
    for (let i = 0; i < path.length; i++) {
      const step = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) break;
        if (last && target === "key" && hasRange(pair.key)) return at(pair.key.range[0]);
        const value = pair.value as unknown;
        if (value && hasRange(value)) best = at(value.range[0]);
        else if (hasRange(pair.key)) best = at(pair.key.range[0]);
        node = value;
      } else if (isSeq(node) && typeof step === "number") {
        const item = node.items[step] as unknown;
        if (!item) break;
        const inner = isPair(item) ? item.value : item;
        if (inner && hasRange(inner)) best = at(inner.range[0]);
        node = inner;
      } else break;
    }
    return best;
  };
  return { value: doc.errors.length ? undefined : doc.toJS(), syntaxErrors, placeOf };
}

function hasRange(node: unknown): node is Node & { range: [number, number, number] } {
  return typeof node === "object" && node !== null && Array.isArray((node as Node).range);
}

/** A zod issue reduced to what a content error needs: which kind, which key, where. */
export interface SchemaProblem {
  kind: "unknown-key" | "missing-key" | "invalid";
  /** Dotted path of the key, e.g. `source.url` or `fields[2].type`. */
  key: string;
  place: YamlPoint;
  /** The offending value as written, when there is one. */
  actual?: string;
  /** What zod expected, in words. */
  expected: string;
}

/** Maps zod issues to positioned problems: an unknown key at the key, a missing key at its parent. */
export function schemaProblems(issues: readonly core.$ZodIssue[], source: YamlSource, data: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        problems.push({ kind: "unknown-key", key: dotted(path), place: source.placeOf(path, "key"), expected: "" });
      }
      continue;
    }
    const actualValue = valueAt(data, issue.path);
    // zod reports a missing key as invalid_type, or as invalid_value for an enum: either way, absent.
    if (actualValue === undefined && issue.path.length > 0) {
      problems.push({
        kind: "missing-key",
        key: dotted(issue.path),
        place: source.placeOf(issue.path.slice(0, -1), "key"),
        expected: "expected" in issue ? String(issue.expected) : issue.message,
      });
      continue;
    }
    problems.push({
      kind: "invalid",
      key: dotted(issue.path),
      place: source.placeOf(issue.path, "value"),
      actual: actualValue === undefined ? undefined : showValue(actualValue),
      expected: expectedWords(issue),
    });
  }
  return problems;
}

// zod's own messages ("Invalid input: expected boolean, received string") are for programmers; a
// schema's own messages (a regex's "a date written YYYY-MM-DD") are already words for authors.
const ZOD_DEFAULT = /^(Invalid input|Invalid option|Invalid string|Too small|Too big)\b/;
const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "`true` or `false`",
  array: "a list",
  object: "a mapping of keys",
  record: "a mapping of keys",
};

/** What an issue expected, in words an author can act on. */
export function expectedWords(issue: core.$ZodIssue): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return TYPE_WORDS[issue.expected] ?? issue.expected;
    case "invalid_value":
      return `one of ${issue.values.map((v) => `\`${String(v)}\``).join(", ")}`;
    case "too_small":
    case "too_big": {
      const bound = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
      const least = issue.code === "too_small" ? "at least" : "at most";
      if (issue.origin === "array" || issue.origin === "set")
        return bound === 1 && issue.code === "too_small"
          ? "a list of one item or more"
          : `a list of ${least} ${bound} items`;
      if (issue.origin === "string")
        return bound === 1 && issue.code === "too_small" ? "some text" : `text of ${least} ${bound} characters`;
      return `a number ${least} ${bound}`;
    }
    case "invalid_union": {
      const options = issue.errors.map((branch) => (branch[0] ? expectedWords(branch[0]) : "")).filter(Boolean);
      return options.length ? [...new Set(options)].join(" or ") : "another kind of value";
    }
    default:
      return issue.message.replace(/^Invalid (input|string): /, "").replace(/^expected /, "");
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const step of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[step];
  }
  return node;
}

/** `fields[2].type` from ["fields", 2, "type"]. */
export function dotted(path: readonly PropertyKey[]): string {
  return path.map((step, i) => (typeof step === "number" ? `[${step}]` : `${i ? "." : ""}${String(step)}`)).join("");
}

function showValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return JSON.stringify(value) ?? String(value);
}
