import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as rank from "../../src/markdown/rank.ts";

const { ordinal, rankOf, rankPhrase, rankSentence } = rank;

/** 152 councils' rates: 10.0% to 24.7%, one far above them at 30.0%, a tie at 20.0% and two suppressed. */
const values = [...Array.from({ length: 148 }, (_, i) => (100 + i) / 10), 30, 20, null, null];
const sentence = (value: number | null, place = "Leeds") =>
  rankSentence({
    place,
    label: "vacancy rate",
    among: "councils",
    value,
    values,
    printed: value === null ? undefined : `${value.toFixed(1)}%`,
  });

describe("rank sentences", () => {
  it("exports the rank, its phrase, its sentence and ordinals", () => {
    expect(Object.keys(rank).sort()).toEqual(["ordinal", "rankOf", "rankPhrase", "rankSentence"]);
  });

  it("names the highest place as the highest, not the 1st highest", () => {
    expect(sentence(30)).toBe("The vacancy rate in Leeds was 30.0%, the highest of 150 councils.");
  });

  it("names the lowest place as the lowest, counted from the bottom", () => {
    expect(sentence(10)).toBe("The vacancy rate in Leeds was 10.0%, the lowest of 150 councils.");
    expect(sentence(10.2)).toBe("The vacancy rate in Leeds was 10.2%, the 3rd lowest of 150 councils.");
  });

  it("counts from the top in the top half, with the right ordinal", () => {
    expect(sentence(23.7)).toBe("The vacancy rate in Leeds was 23.7%, the 12th highest of 150 councils.");
  });

  it("says joint for places with the same figure, at the rank they share", () => {
    expect(sentence(20)).toBe("The vacancy rate in Leeds was 20.0%, joint 49th highest of 150 councils.");
    const tied = [30, 29, 28, 28, 28, 10, 9, 8, 7, 6];
    expect(rankPhrase(rankOf({ value: 28, values: tied })!, "councils")).toBe("joint 3rd highest of 10 councils");
    expect(rankPhrase(rankOf({ value: 30, values: [30, 30, 1, 2, 3] })!)).toBe("joint highest of 5");
  });

  it("says a missing or suppressed figure in words and never ranks it", () => {
    expect(sentence(null, "Authority 021")).toBe(
      "No figure for the vacancy rate in Authority 021 was published, so it is not ranked among the 150 councils that have one.",
    );
    expect(sentence(null)).not.toMatch(/\b0\b/);
  });

  it("reads naturally for two places and for one", () => {
    expect(rankPhrase(rankOf({ value: 12, values: [8.9, 12] })!)).toBe("the higher of the two");
    expect(rankPhrase(rankOf({ value: 8.9, values: [8.9, 12] })!)).toBe("the lower of the two");
    expect(rankPhrase(rankOf({ value: 1, values: [1, 1] })!, "council areas")).toBe("the same for both council areas");
    expect(rankPhrase(rankOf({ value: 1, values: [1, null] })!)).toBe("the only one with a figure");
  });

  it("writes 11th, 12th and 13th, and 21st, 22nd, 23rd, 111th", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "23rd",
      "101st",
      "111th",
      "112th",
    ]);
  });

  it("gives every place a sentence with one rank in range, from the nearer end, and missing ones none", () => {
    const cell = fc.option(fc.integer({ min: 0, max: 40 }), { nil: null });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 3, maxLength: 200 }), (figures) => {
        const known = figures.filter((v): v is number => v !== null);
        for (const value of figures) {
          const text = rankSentence({ place: "X", label: "rate", value, values: figures, printed: String(value) });
          if (value === null) {
            expect(text).toMatch(/^No figure for the rate in X was published/);
            continue;
          }
          const r = rankOf({ value, values: figures })!;
          expect(r.of).toBe(known.length);
          expect(r.fromTop).toBeGreaterThanOrEqual(1);
          expect(r.fromTop + r.fromBottom + r.tiedWith).toBe(known.length + 1);
          expect(text).toMatch(/^The rate in X was \d+, (the |joint )?/);
          expect(text).not.toMatch(/1th|2th|3th|11st|12nd|13rd|the 1st|joint 1st/);
          if (known.length > 2 && r.tiedWith < known.length - 1) {
            expect(text).toMatch(r.fromTop <= r.fromBottom ? /highest/ : /lowest/);
          }
        }
      }),
    );
  });
});
