// YAML with positions: parses a sidecar, a chart block or frontmatter and maps any path
// (including the paths in zod issues) back to a 1-based line and column in the file.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import type { core } from "zod";

export interface YamlOrigin {
  /** Project-relative file path. */
  file: string;
  /** The file line on which `text` begins (1 for a whole file; fence line + 1 for a chart block). */
  line?: number;
  /** The file column of the text's first character on each line (a chart block in a list is indented). */
  column?: number;
  /**
   * The caller reports control characters written as themselves (a story scans its whole file), so
   * only those spelt with an escape (`"\x07"`) are reported here: one character, one message.
   */
  rawControlsReported?: boolean;
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
  if (doc.errors.length) return { value: undefined, syntaxErrors, placeOf };
  const read = documentValue(doc);
  if ("reason" in read) syntaxErrors.push({ ...at(read.offset), reason: read.reason });
  else {
    const controls = controlCharacters(doc, text, Boolean(origin.rawControlsReported));
    syntaxErrors.push(...controls.map(({ offset, reason }) => ({ ...at(offset), reason })));
  }
  return { value: syntaxErrors.length ? undefined : (read as { value: unknown }).value, syntaxErrors, placeOf };
}

/**
 * The document's value, or why it has none. The yaml package throws out of `toJS()` on an alias
 * bomb (`ReferenceError: Excessive alias count`, "billion laughs": a few lines whose aliases expand
 * to millions of values); that is the author's mistake, positioned at the first alias.
 */
function documentValue(doc: Document): { value: unknown } | { offset: number; reason: string } {
  try {
    return { value: doc.toJS() };
  } catch (error) {
    let offset = 0;
    visit(doc, {
      Alias(_key, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const bomb = error instanceof ReferenceError && /alias/i.test(error.message);
    const reason = bomb
      ? "aliases (`*name`) here expand to too many copies of their anchor: write the values out instead"
      : `cannot be read (${error instanceof Error ? error.message : String(error)})`;
    return { offset, reason };
  }
}

// C0 controls but tab, LF and CR, and DEL: SVG, XML and RSS cannot carry them, and a terminal may
// act on them. They reach YAML by a paste from Word or Excel, or by an escape such as "\x07".
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const MAX_CONTROL_REPORTS = 5;

/** `U+0007` for "\x07". */
export const codePointOf = (char: string): string =>
  `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * Every key or value holding a control character, at the character when it is written as itself,
 * else at the start of the scalar that spells it with an escape. At most a few: one is enough to fix.
 */
function controlCharacters(
  doc: Document,
  text: string,
  rawReported: boolean,
): Array<{ offset: number; reason: string }> {
  const found: Array<{ offset: number; reason: string }> = [];
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== "string" || !node.range) return;
      const char = CONTROL.exec(node.value)?.[0];
      if (char === undefined) return;
      const raw = text.slice(node.range[0], node.range[1]).search(CONTROL);
      if (rawReported && raw >= 0) return;
      const reason =
        `Unexpected control character \`${codePointOf(char)}\`, which pages and feeds cannot show: ` +
        "remove it (it often comes from a paste from Word or Excel)";
      found.push({ offset: node.range[0] + Math.max(raw, 0), reason });
      if (found.length >= MAX_CONTROL_REPORTS) return visit.BREAK;
    },
  });
  return found;
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
