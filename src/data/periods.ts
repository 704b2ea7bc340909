// Period labels (`2023/24`, `Q3 2023`, `Jan 2024`): what they mean and their chronological order.
import { MONTHS } from "./dates.ts";

export type PeriodKind = "year" | "financial-year" | "quarter" | "financial-quarter" | "month";

export interface Period {
  /** The label as given, trimmed. */
  label: string;
  kind: PeriodKind;
  /** First month covered, counted as year * 12 + month index (Jan = 0). */
  start: number;
  /** How many months it covers: 12, 3 or 1. */
  months: number;
}

/** Shown in errors: the forms a period cell may take. */
export const PERIOD_EXAMPLES = [
  "2023",
  "2023/24",
  "2023-24",
  "FY2023/24",
  "Q3 2023",
  "2023 Q3",
  "Q1 2023/24",
  "Jan 2024",
];

/** UK financial years run April to March. */
const APRIL = 3;

// Grammar (case-insensitive; "–" is an en dash):
//   year       = YYYY                                                     2023
//   fy         = ("FY" " "?)? YYYY ("/" | "-" | "–") (YY | YYYY)          2021/22, 2021-22, 2021/2022, FY2021/22
//                the second year must follow the first
//   quarter    = "Q" q " "? YYYY | YYYY (" " | "-")? "Q" q                Q3 2023, 2023 Q3, 2023-Q3, 2023Q3
//   fy quarter = "Q" q " " fy | fy " " "Q" q                              Q1 2023/24 (April to June 2023)
//   month      = month-name " " YYYY                                      Jan 2024, January 2024, Sept 2024
// YYYY-MM is not accepted: `2011-12` would be both December 2011 and the financial year 2011/12.
const YEAR = /^(\d{4})$/;
const FY = /^(?:FY ?)?(\d{4}) ?[/\-–] ?(\d{2}|\d{4})$/i;
const QUARTER = /^(?:Q([1-4]) ?(\d{4})|(\d{4})[ -]?Q([1-4]))$/i;
const FY_QUARTER = /^(?:Q([1-4]) (.+)|(.+) Q([1-4]))$/i;
const MONTH = /^([A-Za-z]+)\.? (\d{4})$/;

/** The financial year a label such as `2021/22` starts in, or undefined. */
function financialYear(label: string): number | undefined {
  const match = FY.exec(label);
  if (!match) return undefined;
  const first = Number(match[1]);
  const second = match[2]!;
  const expected = second.length === 2 ? (first + 1) % 100 : first + 1;
  return Number(second) === expected ? first : undefined;
}

function monthOf(name: string): number {
  const lower = name.toLowerCase();
  if (lower === "sept") return 8;
  return MONTHS.findIndex((m) => m.toLowerCase() === lower || m.slice(0, 3).toLowerCase() === lower);
}

/** Reads a period label, or returns undefined when it is not one of the accepted forms. */
export function parsePeriod(input: string): Period | undefined {
  const label = input.trim();
  const make = (kind: PeriodKind, year: number, month: number, months: number): Period => ({
    label,
    kind,
    start: year * 12 + month,
    months,
  });
  let match = YEAR.exec(label);
  if (match) return make("year", Number(match[1]), 0, 12);
  const fy = financialYear(label);
  if (fy !== undefined) return make("financial-year", fy, APRIL, 12);
  match = QUARTER.exec(label);
  if (match) {
    const [q, year] = match[1] ? [match[1], match[2]] : [match[4], match[3]];
    return make("quarter", Number(year), (Number(q) - 1) * 3, 3);
  }
  match = FY_QUARTER.exec(label);
  if (match) {
    const [q, rest] = match[1] ? [match[1], match[2]!] : [match[4], match[3]!];
    const year = financialYear(rest.trim());
    if (year !== undefined) return make("financial-quarter", year, APRIL + (Number(q) - 1) * 3, 3);
  }
  match = MONTH.exec(label);
  if (match) {
    const month = monthOf(match[1]!);
    if (month !== -1) return make("month", Number(match[2]), month, 1);
  }
  return undefined;
}

/**
 * Chronological order for period labels: by first month, then the longer period first (2023
 * before Q1 2023), then by label. Labels that are not periods sort after all periods, by label.
 */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (pa && pb) return pa.start - pb.start || pb.months - pa.months || compareText(a, b);
  if (pa) return -1;
  if (pb) return 1;
  return compareText(a, b);
}

// Code-unit order, not localeCompare: the same on every machine.
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
