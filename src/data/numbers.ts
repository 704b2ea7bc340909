// Number cells: read leniently by default (currency signs, `%`, thousands separators, brackets).
import type { Field } from "./types.ts";

/** Why a cell is not a number, with what to write instead. */
export interface NumberProblem {
  expected: string;
  fix: string;
}

const CURRENCIES: Record<string, string> = { GBP: "£", USD: "$", EUR: "€" };
const SIGNS = "£$€";

// A money unit as newsrooms write it: a code, a sign or a word, then anything (`GBP per week`,
// `pounds per child`, `£ per hour`).
const MONEY_UNIT = /^(?:(GBP|USD|EUR)\b|(£|\$|€)|(pounds?|sterling|dollars?|euros?)\b)/i;
const CURRENCY_WORDS: Record<string, string> = { pound: "£", sterling: "£", dollar: "$", euro: "€" };

/** The currency sign a unit names (`GBP`, `GBP per week`, `pounds`, `£ per hour` → `£`), if any. */
export function currencyOfUnit(unit: string | undefined): string | undefined {
  const [, code, sign, word] = MONEY_UNIT.exec(unit?.trim() ?? "") ?? [];
  return code
    ? CURRENCIES[code.toUpperCase()]
    : (sign ?? (word && CURRENCY_WORDS[word.toLowerCase().replace(/s$/, "")]));
}

/**
 * Whether a unit is a share in hundredths: `percent`, `per cent of pupils`, `% of budget`; not
 * `percentage points`, a difference of two shares, which prints without `%`.
 */
export const isPercentUnit = (unit: string | undefined): boolean =>
  /^(?:percent|per cent)\b|^%/i.test(unit?.trim() ?? "");

/**
 * The rules a number column is read by, after defaults: `,` groups, lenient unless told otherwise.
 * Lenient is about how a figure is written, not what it is: a column whose unit names a currency
 * takes that currency's sign only (a `€` in a `GBP` column is a figure in another currency, and
 * reading it as pounds would draw a silently wrong chart), a share takes `%` but no currency, and
 * a column with no unit takes either.
 */
export function numberRules(field: Pick<Field, "groupChar" | "bareNumber" | "unit">) {
  // `bareNumber: true` means plain digits (`1234.5`, as docs/authoring.md says, and as Frictionless
  // reads it: its groupChar has no default), so `2,837,397.00` is refused unless `groupChar` is set.
  const groupChar = field.groupChar ?? (field.bareNumber ? "" : ",");
  return {
    groupChar,
    decimalChar: groupChar === "." ? "," : ".",
    bare: field.bareNumber ?? groupChar !== ",",
    /** Currency signs accepted: the unit's own, or any when there is no unit. */
    currencies: field.unit === undefined ? SIGNS : (currencyOfUnit(field.unit) ?? ""),
    percent: field.unit === undefined || isPercentUnit(field.unit),
  };
}

const SCALE_WORDS: Record<number, string> = { 1e3: "thousands", 1e6: "millions", 1e9: "billions" };
const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};
// Number words a reporter might type, by value: `twelve` gets the hint "write it in digits: `12`".
const WORDS = (
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen " +
  "eighteen nineteen twenty"
).split(" ");

/** "a number in millions", "a whole number": what a column expects, in words. */
export function describeNumber(field: Pick<Field, "type" | "scale">): string {
  const base = field.type === "integer" ? "a whole number" : "a number";
  const scale = SCALE_WORDS[field.scale];
  return scale ? `${base} in ${scale}` : base;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const plain = (n: number): string => String(Number(n.toPrecision(15)));

/**
 * Reads a number cell as written (before `scale`). Lenient grammar (spaces allowed between parts):
 *   cell     = "(" body ")" | sign? body                  brackets mean negative
 *   body     = currency? sign? digits currency? "%"?      one currency sign at most
 *   sign     = "-" | "−" (U+2212) | "+"
 *   currency = "£" | "$" | "€"                            only the unit's own, or any without a unit
 *   digits   = int (decimal fraction)? exponent?          exponent only without group separators
 *   int      = d{1,3} (group d{3})+ | d+                  group is `groupChar`, "," by default
 * With `bareNumber` (the default when `groupChar` is not ","): digits with an optional leading "-",
 * grouped only by a `groupChar` the field sets.
 * A `%` is dropped, not divided by: `32.4%` reads as 32.4 in a column whose unit is `percent`.
 */
export function parseNumberCell(text: string, field: Field): { value: number } | { problem: NumberProblem } {
  const rules = numberRules(field);
  const expected = describeNumber(field);
  let s = text.trim();
  let sign = "";
  let currency = "";
  let percent = false;
  let bracket = false;
  if (/^\(.*\)$/s.test(s)) [s, bracket] = [s.slice(1, -1).trim(), true];
  for (;;) {
    const c = s[0] ?? "";
    if (c !== "" && "-−+".includes(c) && !sign && !bracket) [sign, s] = [c, s.slice(1).trim()];
    else if (c !== "" && SIGNS.includes(c) && !currency) [currency, s] = [c, s.slice(1).trim()];
    else break;
  }
  if (s.endsWith("%")) [percent, s] = [true, s.slice(0, -1).trim()];
  if (SIGNS.includes(s.at(-1) ?? "x") && !currency) [currency, s] = [s.at(-1)!, s.slice(0, -1).trim()];

  if (!digitsPattern(rules).test(s)) return { problem: diagnoseDigits({ s, text, field, expected, rules }) };

  const extras = [
    bracket && "brackets",
    currency && `\`${currency}\``,
    percent && "`%`",
    sign && sign !== "-" && `\`${sign}\``,
  ];
  const extra = extras.find(Boolean);
  if (rules.bare && extra) {
    return {
      problem: {
        expected: `a plain number (the field has ${field.bareNumber ? "`bareNumber: true`" : `\`groupChar: "${rules.groupChar}"\``})`,
        fix: `remove the ${extra} from the cell, or set \`bareNumber: false\` on the field to accept currency signs, \`%\` and brackets`,
      },
    };
  }
  if (currency && percent) {
    return {
      problem: {
        expected: `${expected} with a currency sign or \`%\`, not both`,
        fix: "remove the one that does not belong: a sum of money is not a share",
      },
    };
  }
  if (currency && !rules.currencies.includes(currency)) {
    return {
      problem: {
        expected: `${expected} without \`${currency}\` (the field's unit is \`${field.unit}\`)`,
        fix: `remove the \`${currency}\`, or set the field's \`unit\` to the currency (e.g. \`GBP\`) if the column holds money`,
      },
    };
  }
  if (percent && !rules.percent) {
    return {
      problem: {
        expected: `${expected} without \`%\` (the field's unit is \`${field.unit}\`)`,
        fix: "remove the `%`, or set the field's `unit` to `percent`",
      },
    };
  }
  const normal = s.split(rules.groupChar).join("").replace(rules.decimalChar, ".");
  const value = Number(normal);
  const negative = bracket || sign === "-" || sign === "−";
  return { value: negative && value !== 0 ? -value : value };
}

const digitPatterns = new Map<string, RegExp>();

/**
 * The `digits` of the grammar above, as one regex per separator pair. Each alternative has one way
 * to match a given text, so a long run of digits ending in a letter fails in linear time (the old
 * `\d*\.?\d+` tried every split of the run, quadratic: 100,000 digits took minutes).
 *   grouped = d{1,3} (group d{3})+ (decimal d+)?
 *   plain   = (d+ (decimal d+)? | decimal d+) ([eE] [-+]? d+)?
 */
function digitsPattern(rules: { groupChar: string; decimalChar: string }): RegExp {
  const key = `${rules.groupChar}\u0000${rules.decimalChar}`;
  let pattern = digitPatterns.get(key);
  if (!pattern) {
    const g = escape(rules.groupChar);
    const d = escape(rules.decimalChar);
    const grouped = `\\d{1,3}(?:${g}\\d{3})+(?:${d}\\d+)?`;
    const plain = `(?:\\d+(?:${d}\\d+)?|${d}\\d+)(?:[eE][-+]?\\d+)?`;
    pattern = new RegExp(`^(?:${grouped}|${plain})$`);
    digitPatterns.set(key, pattern);
  }
  return pattern;
}

/** Explains digits that did not parse: a `bn` suffix, two decimal points, odd grouping, words. */
function diagnoseDigits(options: {
  s: string;
  text: string;
  field: Field;
  expected: string;
  rules: ReturnType<typeof numberRules>;
}): NumberProblem {
  const { s, text, field, expected, rules } = options;
  if (rules.groupChar === "" && /^\d[\d,]*(?:\.\d+)?$/.test(s)) {
    return {
      expected: "a plain number (the field has `bareNumber: true`)",
      fix: `write it without the \`,\` (\`${s.replaceAll(",", "")}\`), or set \`groupChar: ","\` on the field to accept thousands separators`,
    };
  }
  const suffix = /^(\d[\d,]*(?:\.\d+)?)\s*(k|thousand|m|mn|million|b|bn|billion)s?$/i.exec(s);
  if (suffix) {
    const trueValue = Number(suffix[1]!.replaceAll(",", "")) * MULTIPLIERS[suffix[2]!.toLowerCase()]!;
    const inMillions = plain(trueValue / 1e6);
    const unit = SCALE_WORDS[field.scale] ? `in ${SCALE_WORDS[field.scale]}` : `scaled by ${field.scale}`;
    const fix =
      field.scale !== 1
        ? `write \`${plain(trueValue / field.scale)}\`, since the column is ${unit} (\`scale: ${field.scale}\`), or change the field's scale`
        : `write \`${plain(trueValue)}\`, or write \`${inMillions}\` in a column in millions (\`scale: 1000000\`)`;
    return { expected, fix };
  }
  if (/^\d*\.\d+(\.\d+)+$/.test(s)) {
    return { expected: `${expected} with at most one decimal point`, fix: "check the cell: it has more than one `.`" };
  }
  if (s.includes(rules.groupChar) && /^[\d.,\s]+$/.test(s)) {
    return {
      expected: `${expected} with \`${rules.groupChar}\` between groups of three digits`,
      fix: `write it without the \`${rules.groupChar}\` (e.g. \`${s.replaceAll(rules.groupChar, "")}\`), or correct the grouping`,
    };
  }
  if (/^\d{1,3}( \d{3})+$/.test(s)) {
    return {
      expected,
      fix: `write it without spaces (\`${s.replaceAll(" ", "")}\`), or set \`groupChar: " "\` on the field`,
    };
  }
  const word = WORDS.indexOf(s.toLowerCase());
  if (word !== -1) return { expected, fix: `write it in digits: \`${word}\`` };
  const lead = /^(\d[\d,.]*)\s*(\S.*)$/.exec(s);
  if (lead) {
    return {
      expected,
      fix: `remove \`${lead[2]}\` from the cell (put notes in the sidecar's \`notes\`), or declare the column \`type: string\``,
    };
  }
  return {
    expected,
    fix: `write a number in digits; if \`${text.trim()}\` means there is no value, add it to \`missingValues\` in the sidecar`,
  };
}
