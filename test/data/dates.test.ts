// Date patterns: read exactly as declared, impossible dates refused, two-digit years by reference.
import { describe, expect, it } from "vitest";
import * as dates from "../../src/data/dates.ts";
import {
  formatDate,
  isIsoDate,
  parseDateCell,
  parseDatePattern,
  resolveTwoDigitYear,
  type DateToken,
} from "../../src/data/dates.ts";
import { loadDataset } from "../../src/data/index.ts";
import { tempProject } from "./helpers.ts";

const tokens = (pattern: string, purpose: "read" | "print" = "read"): DateToken[] => {
  const parsed = parseDatePattern(pattern, purpose);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.tokens;
};
const read = (text: string, pattern: string, reference = "2024-03-01") => {
  const result = parseDateCell({ text, tokens: tokens(pattern), pattern, reference });
  return "value" in result ? result.value.toISOString().slice(0, 10) : result.problem;
};

describe("the dates module", () => {
  it("exports the pattern parser, the cell reader and the printer", () => {
    expect(Object.keys(dates).sort()).toEqual([
      "ISO_DATE",
      "MONTHS",
      "daysInMonth",
      "formatDate",
      "isIsoDate",
      "parseDateCell",
      "parseDatePattern",
      "resolveTwoDigitYear",
      "utcDate",
    ]);
  });
});

describe("date patterns", () => {
  it("splits a pattern into tokens and literal separators", () => {
    expect(tokens("DD-MMM-YY")).toEqual([
      { kind: "DD" },
      { kind: "literal", text: "-" },
      { kind: "MMM" },
      { kind: "literal", text: "-" },
      { kind: "YY" },
    ]);
  });

  it("refuses letters that are not tokens, repeated parts, and reading without a year", () => {
    expect(parseDatePattern("DD/MM/YYYY hh:mm")).toEqual({
      error: "`hh` is not a date token (use YYYY, YY, MMMM, MMM, MM, M, DD or D)",
    });
    expect(parseDatePattern("YYYY-YYYY")).toEqual({ error: "each of year, month and day may appear once" });
    expect(parseDatePattern("DD/MM")).toEqual({ error: "a pattern to read dates needs a year (YYYY or YY)" });
    expect(parseDatePattern("MMMM", "print")).toEqual({ tokens: [{ kind: "MMMM" }] });
  });
});

describe("reading dates", () => {
  it.each([
    ["2024-01-05", "YYYY-MM-DD", "2024-01-05"],
    ["05/01/2024", "DD/MM/YYYY", "2024-01-05"],
    ["5/1/2024", "D/M/YYYY", "2024-01-05"],
    ["5 January 2024", "D MMMM YYYY", "2024-01-05"],
    ["5 JANUARY 2024", "D MMMM YYYY", "2024-01-05"],
    ["05-Sept-2024", "DD-MMM-YYYY", "2024-09-05"],
    ["2024", "YYYY", "2024-01-01"],
    ["Mar 2024", "MMM YYYY", "2024-03-01"],
  ])("reads `%s` by `%s`", (text, pattern, expected) => {
    expect(read(text, pattern)).toBe(expected);
  });

  it("never guesses: a cell that does not match the pattern is an error", () => {
    expect(read("5/1/2024", "DD/MM/YYYY")).toEqual({
      expected: "a date written `DD/MM/YYYY`",
      fix: "write it like `05/01/2024` (`DD/MM/YYYY`), or change the field's `dateFormat` to match the file",
    });
    expect(read("05-Jnu-24", "DD-MMM-YY")).toMatchObject({ expected: "a date written `DD-MMM-YY`" });
    expect(read("2024-01-05T10:00", "YYYY-MM-DD")).toMatchObject({ expected: "a date written `YYYY-MM-DD`" });
  });

  it("reads a four-digit year below 100 as written, not as a year of the 1900s", () => {
    expect(read("0024-01-05", "YYYY-MM-DD")).toBe("0024-01-05");
    expect(read("29/02/0004", "DD/MM/YYYY")).toBe("0004-02-29");
  });

  it("refuses dates that do not exist", () => {
    expect(read("31/02/2024", "DD/MM/YYYY")).toEqual({
      expected: "a date that exists",
      fix: "February 2024 has 29 days: check the day and the month",
    });
    expect(read("29/02/2023", "DD/MM/YYYY")).toMatchObject({
      fix: "February 2023 has 28 days: check the day and the month",
    });
    expect(read("01/13/2024", "DD/MM/YYYY")).toEqual({
      expected: "a date that exists",
      fix: "there is no month 13: check the month (`DD/MM/YYYY`)",
    });
    expect(read("00/01/2024", "DD/MM/YYYY")).toMatchObject({ expected: "a date that exists" });
  });

  it("reads a two-digit year in the century that puts the date closest before the reference date", () => {
    expect(read("05-Jan-07", "DD-MMM-YY")).toBe("2007-01-05");
    expect(read("05-Jan-99", "DD-MMM-YY")).toBe("1999-01-05");
    expect(read("01-Mar-24", "DD-MMM-YY")).toBe("2024-03-01");
    expect(read("02-Mar-24", "DD-MMM-YY")).toBe("1924-03-02");
    expect(resolveTwoDigitYear({ yy: 7, month: 0, day: 5, reference: "2007-01-04" })).toBe(1907);
  });

  it("takes the reference from the sidecar's `source.published`, else the build date", () => {
    const csv = "event,date\nopened,05-Jan-25\n";
    const fields =
      "fields:\n  - { name: event, type: string }\n  - { name: date, type: date, dateFormat: DD-MMM-YY }\n";
    const withSource = tempProject({
      "e.csv": csv,
      "e.yml": `title: E\nsource: { name: C, published: "2024-03-01" }\n${fields}`,
    });
    const withoutSource = tempProject({ "e.csv": csv, "e.yml": `title: E\n${fields}` });
    const date = (root: string) => loadDataset({ root, id: "e", today: "2026-01-01" }).dataset?.rows[0]?.date;
    expect(date(withSource)).toEqual(new Date(Date.UTC(1925, 0, 5)));
    expect(date(withoutSource)).toEqual(new Date(Date.UTC(2025, 0, 5)));
  });
});

describe("printing and checking dates", () => {
  it("prints a UTC date by any pattern", () => {
    const date = new Date(Date.UTC(2024, 0, 5));
    expect(formatDate(date, tokens("D MMMM YYYY", "print"))).toBe("5 January 2024");
    expect(formatDate(date, tokens("DD/MM/YY", "print"))).toBe("05/01/24");
    expect(formatDate(date, tokens("MMM YYYY", "print"))).toBe("Jan 2024");
  });

  it("checks ISO dates for existing days", () => {
    expect([isIsoDate("2024-02-29"), isIsoDate("2023-02-29"), isIsoDate("2024-2-1"), isIsoDate("2024-13-01")]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
