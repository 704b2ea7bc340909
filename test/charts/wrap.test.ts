// Titles, subtitles and notes are wrapped to the drawing's width, so no text runs off it: in the
// PNG, which has no page to scroll, text past the edge is lost.
import { describe, expect, it } from "vitest";
import { textWidth, wrapText } from "../../src/charts/theme.ts";

describe("wrapText", () => {
  it("breaks between words, keeping each line within the width", () => {
    const lines = wrapText("The overspend grew in every year of the trust's first four", 200, 16);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe("The overspend grew in every year of the trust's first four");
    for (const line of lines) expect(textWidth(line, 16)).toBeLessThanOrEqual(200);
  });

  it("cuts a word wider than the line where the line is full, losing no letter", () => {
    const word = "Donaudampfschifffahrtsgesellschaftskapitaenswitwe".repeat(4);
    const lines = wrapText(`Hostile ${word} end`, 300, 16, { breakWords: true });
    expect(lines.join("").replace(/ /g, "")).toBe(`Hostile${word}end`);
    for (const line of lines) expect(textWidth(line, 16)).toBeLessThanOrEqual(300);
    expect(lines[0]).toBe("Hostile");
    // A category label under its column keeps its word whole: it may overhang the band a little.
    expect(wrapText("2020/21", 40, 14)).toEqual(["2020/21"]);
  });
});
