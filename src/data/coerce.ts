// One CSV cell to one typed value, by its field's type, or the reason it cannot be.
import { ISO_DATE, parseDateCell, parseDatePattern, type DateToken } from "./dates.ts";
import { describeNumber, parseNumberCell } from "./numbers.ts";
import { parsePeriod, PERIOD_EXAMPLES } from "./periods.ts";
import type { CellValue, Field } from "./types.ts";

/** Frictionless's booleans, plus yes/no; compared in any case. */
export const DEFAULT_TRUE_VALUES = ["true", "1", "yes"];
export const DEFAULT_FALSE_VALUES = ["false", "0", "no"];
export const DEFAULT_MISSING_VALUES = [""];

/** Dataset-wide settings every cell is read with. */
export interface CellContext {
  missingValues: readonly string[];
  trueValues: readonly string[];
  falseValues: readonly string[];
  /** YYYY-MM-DD that settles two-digit years: the source's publication date, else the build date. */
  reference: string;
}

export interface CellProblem {
  expected: string;
  fix: string;
}

export type CellResult = { value: CellValue } | { problem: CellProblem };

const datePatterns = new Map<string, DateToken[]>();

/** The tokens a date field is read by; sidecar checks have already rejected bad patterns. */
function dateTokens(pattern: string): DateToken[] {
  let tokens = datePatterns.get(pattern);
  if (!tokens) {
    const parsed = parseDatePattern(pattern);
    if (!("tokens" in parsed)) throw new Error(`unchecked date pattern ${pattern}`);
    tokens = parsed.tokens;
    datePatterns.set(pattern, tokens);
  }
  return tokens;
}

const quoteList = (items: readonly string[]): string => items.map((i) => `\`${i}\``).join(", ");

/**
 * Reads one cell. Surrounding spaces never matter: a cell whose trimmed text is one of
 * `missingValues` is null, strings are kept trimmed, and every other type reads the trimmed text.
 */
export function coerceCell(raw: string, field: Field, context: CellContext): CellResult {
  const text = raw.trim();
  if (context.missingValues.includes(text) || context.missingValues.includes(raw)) return { value: null };
  switch (field.type) {
    case "string":
      return { value: text };
    case "number":
    case "integer": {
      const read = parseNumberCell(text, field);
      if ("problem" in read) return read;
      if (field.type === "integer" && !Number.isInteger(read.value)) {
        return {
          problem: {
            expected: describeNumber(field),
            fix: `write a whole number such as \`${Math.round(read.value)}\`, or change the field's \`type\` to \`number\``,
          },
        };
      }
      return { value: field.scale === 1 ? read.value : Number((read.value * field.scale).toPrecision(15)) };
    }
    case "boolean": {
      const lower = text.toLowerCase();
      if (context.trueValues.some((v) => v.toLowerCase() === lower)) return { value: true };
      if (context.falseValues.some((v) => v.toLowerCase() === lower)) return { value: false };
      return {
        problem: {
          expected: `one of ${quoteList([...context.trueValues, ...context.falseValues])}`,
          fix: "write one of those, or add the word to `trueValues` or `falseValues` in the sidecar",
        },
      };
    }
    case "date": {
      const pattern = field.dateFormat ?? ISO_DATE;
      const read = parseDateCell({ text, tokens: dateTokens(pattern), pattern, reference: context.reference });
      return "problem" in read ? read : { value: read.value };
    }
    case "period": {
      if (parsePeriod(text)) return { value: text };
      return {
        problem: {
          expected: `a period such as ${quoteList(PERIOD_EXAMPLES)}`,
          fix: "write the period in one of those forms, or declare the column `type: string` if it is not a period",
        },
      };
    }
  }
}
