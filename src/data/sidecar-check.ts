// Checks on a sidecar that a schema cannot express: names, patterns and keys that fit the type.
import type { Diagnostics } from "../errors/diagnostic.ts";
import type { YamlSource } from "../errors/yaml.ts";
import { parseDatePattern } from "./dates.ts";
import { formatPatternProblem } from "./format.ts";
import type { Sidecar } from "./sidecar.ts";
import type { Field, FieldType } from "./types.ts";

const NUMERIC: readonly FieldType[] = ["number", "integer"];

/** Which field types each type-specific key applies to; derived fields take `format` only. */
const APPLIES: Record<string, readonly FieldType[]> = {
  scale: NUMERIC,
  groupChar: NUMERIC,
  bareNumber: NUMERIC,
  dateFormat: ["date"],
  format: ["number", "integer", "date"],
};

interface CheckOptions {
  sidecar: Sidecar;
  yaml: YamlSource;
  file: string;
  diagnostics: Diagnostics;
}

/**
 * Reports every mistake at the offending key or value in the sidecar. Returns whether the CSV can
 * still be read by it: a print `format` that does not parse, or a key the field's type ignores,
 * changes no cell's reading; a repeated name, a bad `dateFormat` or `groupChar`, a primary key that
 * is not a field, or a word both true and false would.
 */
export function checkSidecar(options: CheckOptions): boolean {
  const { sidecar, yaml, file, diagnostics } = options;
  let readable = true;
  const at = (path: readonly (string | number)[], target: "key" | "value" = "value") => ({
    file,
    ...yaml.placeOf(path, target),
  });
  const report = (path: readonly (string | number)[], actual: string, expected: string, fix?: string): void => {
    const message = diagnostics.add("SidecarInvalidValue", { key: keyOf(path), actual, expected, fix }, at(path));
    message.expected = [expected];
  };
  const invalid: typeof report = (...args) => {
    readable = false;
    report(...args);
  };

  // Every name once, across declared and derived fields.
  const first = new Map<string, number>();
  const all = [
    ...sidecar.fields.map((field, i) => ({ field, path: ["fields", i] as const })),
    ...sidecar.derive.map((field, i) => ({ field, path: ["derive", i] as const })),
  ];
  for (const { field, path } of all) {
    const line = first.get(field.name);
    if (line === undefined) first.set(field.name, field.line);
    else
      invalid(
        [...path, "name"],
        field.name,
        "a name no other field has",
        `rename it: line ${line} already declares \`${field.name}\``,
      );
  }

  // Keys that do not fit the field's type, and patterns that do not parse.
  for (const { field, path } of all) {
    const derived = path[0] === "derive";
    for (const [key, types] of Object.entries(APPLIES)) {
      if (valueAt(yaml.value, [...path, key]) === undefined) continue;
      const applies = derived ? key === "format" : types.includes(field.type);
      if (!applies) {
        const params = { key, field: field.name, type: derived ? "derived" : field.type, types };
        diagnostics.add("SidecarKeyNotApplicable", params, at([...path, key], "key"));
      }
    }
    if (field.dateFormat !== undefined && field.type === "date") {
      const parsed = parseDatePattern(field.dateFormat, "read");
      if ("error" in parsed)
        invalid([...path, "dateFormat"], field.dateFormat, "a date pattern such as `DD/MM/YYYY`", parsed.error);
    }
    if (field.format !== undefined) checkFormat(field, [...path, "format"], report);
    if (field.groupChar !== undefined && /[\d+\-−eE]/.test(field.groupChar)) {
      invalid([...path, "groupChar"], field.groupChar, "a separator such as `,`, `.` or a space");
    }
  }

  // The primary key names declared columns.
  const declared = sidecar.fields.map((f) => f.name);
  const keyIsList = Array.isArray(valueAt(yaml.value, ["primaryKey"]));
  sidecar.primaryKey.forEach((name, i) => {
    if (declared.includes(name)) return;
    const path = keyIsList ? ["primaryKey", i] : ["primaryKey"];
    invalid(path, name, `one of the declared fields: ${declared.map((d) => `\`${d}\``).join(", ")}`);
  });

  // A word cannot mean both true and false.
  const trueWords = new Set((sidecar.trueValues ?? []).map((v) => v.toLowerCase()));
  (sidecar.falseValues ?? []).forEach((word, i) => {
    if (trueWords.has(word.toLowerCase())) {
      invalid(["falseValues", i], word, "a word not in `trueValues`", "remove it from one of the two lists");
    }
  });
  return readable;
}

/** The key a path ends in: `falseValues` for `["falseValues", 1]`. */
const keyOf = (path: readonly (string | number)[]): string => String(path.findLast((step) => typeof step === "string"));

/** The raw YAML value at a path, to tell a key that was written from a default. */
function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const step of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

function checkFormat(
  field: Field,
  path: (string | number)[],
  invalid: (path: (string | number)[], actual: string, expected: string, fix?: string) => void,
): void {
  const pattern = field.format!;
  const kind = field.type === "date" ? "date" : NUMERIC.includes(field.type) ? "number" : undefined;
  const problem = kind && formatPatternProblem(pattern, kind);
  if (problem) invalid(path, pattern, problem.expected, problem.fix);
}
