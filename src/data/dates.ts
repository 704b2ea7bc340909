// Date patterns (`dateFormat` to read, `format` to print): dates are read as written, never guessed.

/**
 * Grammar of a date pattern:
 *   pattern = (token | literal)+
 *   token   = "YYYY" | "YY" | "MMMM" | "MMM" | "MM" | "M" | "DD" | "D"
 *   literal = any character but a letter (`/`, `-`, `.`, space, ...)
 * MMMM is a full English month name, MMM its first three letters (`Sept` too), both in any case;
 * MM and DD are two digits, M and D one or two. A YY year is read in the century that puts the
 * date closest on or before a reference date (the source's publication date or the build date).
 */
export type DateToken =
  { kind: "YYYY" | "YY" | "MMMM" | "MMM" | "MM" | "M" | "DD" | "D" } | { kind: "literal"; text: string };

const TOKENS = new Set(["YYYY", "YY", "MMMM", "MMM", "MM", "M", "DD", "D"]);

export const MONTHS = "January February March April May June July August September October November December".split(
  " ",
);

export const ISO_DATE = "YYYY-MM-DD";

/** Tokens of a pattern, or a reason it is not one. Reading needs a year, and a month for a day. */
export function parseDatePattern(
  pattern: string,
  purpose: "read" | "print" = "read",
): { tokens: DateToken[] } | { error: string } {
  const tokens: DateToken[] = [];
  for (const [run] of pattern.matchAll(/([A-Za-z])\1*|[^A-Za-z]+/g)) {
    if (/^[^A-Za-z]/.test(run)) tokens.push({ kind: "literal", text: run });
    else if (TOKENS.has(run)) tokens.push({ kind: run as "YYYY" });
    else return { error: `\`${run}\` is not a date token (use YYYY, YY, MMMM, MMM, MM, M, DD or D)` };
  }
  const count = (letter: string) => tokens.filter((t) => t.kind.startsWith(letter)).length;
  if (["Y", "M", "D"].some((l) => count(l) > 1)) return { error: "each of year, month and day may appear once" };
  if (purpose === "read" && count("Y") === 0) return { error: "a pattern to read dates needs a year (YYYY or YY)" };
  if (purpose === "read" && count("D") > 0 && count("M") === 0) return { error: "a day needs a month" };
  return { tokens };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const GROUPS: Record<string, string> = {
  YYYY: "(\\d{4})",
  YY: "(\\d{2})",
  MM: "(\\d{2})",
  M: "(\\d{1,2})",
  DD: "(\\d{2})",
  D: "(\\d{1,2})",
  MMM: "([A-Za-z]{3,4})",
  MMMM: "([A-Za-z]+)",
};

const monthIndex = (name: string, kind: string): number => {
  const lower = name.toLowerCase();
  if (kind === "MMMM") return MONTHS.findIndex((m) => m.toLowerCase() === lower);
  if (lower === "sept") return 8;
  return lower.length === 3 ? MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === lower) : -1;
};

/**
 * Midnight UTC of a day. Not `Date.UTC` alone: it reads years 0 to 99 as 1900 to 1999, so
 * `0024-01-05` would quietly become 1924. Months and days past their end roll over as in Date.UTC.
 */
export function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(year, month, day);
  return date;
}

export const daysInMonth = (year: number, month: number): number => utcDate(year, month + 1, 0).getUTCDate();

/** Why a cell is not a date, with what to write instead. */
export interface DateProblem {
  expected: string;
  fix: string;
}

/** Parses `text` by `tokens`; `reference` (YYYY-MM-DD) settles two-digit years. */
export function parseDateCell(options: {
  text: string;
  tokens: readonly DateToken[];
  pattern: string;
  reference: string;
}): { value: Date } | { problem: DateProblem } {
  const { text, tokens, pattern, reference } = options;
  const example = formatDate(new Date(Date.UTC(2024, 0, 5)), tokens);
  const source = `^${tokens.map((t) => (t.kind === "literal" ? escape(t.text) : GROUPS[t.kind])).join("")}$`;
  const match = new RegExp(source).exec(text);
  const mismatch = {
    expected: `a date written \`${pattern}\``,
    fix:
      pattern === ISO_DATE && !/^\d{4}-\d{2}-\d{2}$/.test(text)
        ? `write it as \`${example}\` (${ISO_DATE}), or add a \`dateFormat\` such as \`DD/MM/YYYY\` to the field to match the file`
        : `write it like \`${example}\` (\`${pattern}\`), or change the field's \`dateFormat\` to match the file`,
  };
  if (!match) return { problem: mismatch };
  let year = 0;
  let month = 0;
  let day = 1;
  let twoDigit = false;
  tokens
    .filter((t) => t.kind !== "literal")
    .forEach((token, i) => {
      const part = match[i + 1]!;
      if (token.kind === "YYYY") year = Number(part);
      else if (token.kind === "YY") [year, twoDigit] = [Number(part), true];
      else if (token.kind === "MMMM" || token.kind === "MMM") month = monthIndex(part, token.kind);
      else if (token.kind.startsWith("M")) month = Number(part) - 1;
      else day = Number(part);
    });
  if (month < 0 && /MMM/.test(pattern)) return { problem: mismatch };
  if (twoDigit) year = resolveTwoDigitYear({ yy: year, month: Math.max(0, month), day, reference });
  if (month < 0 || month > 11 || day < 1 || day > daysInMonth(year, Math.max(0, month))) {
    const inMonth = month >= 0 && month <= 11;
    return {
      problem: {
        expected: "a date that exists",
        fix: inMonth
          ? `${MONTHS[month]} ${year} has ${daysInMonth(year, month)} days: check the day and the month`
          : `there is no month ${month + 1}: check the month (\`${pattern}\`)`,
      },
    };
  }
  return { value: utcDate(year, month, day) };
}

/** The century that puts the date closest on or before `reference` (YYYY-MM-DD). */
export function resolveTwoDigitYear(options: { yy: number; month: number; day: number; reference: string }): number {
  const [refYear, refMonth, refDay] = options.reference.split("-").map(Number) as [number, number, number];
  let year = Math.floor(refYear / 100) * 100 + options.yy;
  const after = options.month + 1 > refMonth || (options.month + 1 === refMonth && options.day > refDay);
  if (year > refYear || (year === refYear && after)) year -= 100;
  return year;
}

/** Whether `text` is a real date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  return month >= 0 && month <= 11 && day >= 1 && day <= daysInMonth(year, month);
}

/** Prints a UTC date by a pattern's tokens. */
export function formatDate(date: Date, tokens: readonly DateToken[]): string {
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  const parts: Record<string, string> = {
    YYYY: pad(y, 4),
    YY: pad(y % 100, 2),
    MMMM: MONTHS[m]!,
    MMM: MONTHS[m]!.slice(0, 3),
    MM: pad(m + 1, 2),
    M: String(m + 1),
    DD: pad(d, 2),
    D: String(d),
  };
  return tokens.map((t) => (t.kind === "literal" ? t.text : parts[t.kind])).join("");
}
