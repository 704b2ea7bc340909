// The example the story scaffold writes sits in an HTML comment: nothing from a council's file may
// end that comment early and spill the example (or worse) into the page.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Dataset, Field } from "../../src/data/types.ts";
import { storyText } from "../../src/scaffold/story.ts";

const field = (name: string, type: Field["type"]): Field =>
  ({ name, type, title: name, scale: 1, line: 1, column: 1 }) as Field;

const hostile = {
  id: "hostile",
  fields: [field("area -->", "string"), field("spend--!>", "number")],
  primaryKey: ["area -->"],
  rows: [{ "area -->": "North -->", "spend--!>": 1 }],
  cells: [{ "area -->": "North -->", "spend--!>": "1" }],
} as unknown as Dataset;

describe("the story scaffold's example comment", () => {
  it("escapes `-->` and `--!>` from a header or key so the comment ends only where it should", () => {
    const text = storyText({ title: "T", byline: "R", today: "2024-01-01", example: hostile });
    const comment = text.slice(text.indexOf("<!--") + 4);
    expect(comment.split("-->")).toHaveLength(2);
    expect(comment.trimEnd().endsWith("-->")).toBe(true);
    expect(comment).not.toContain("--!>");
    // Uncommented, the chart block still names the columns as the file has them.
    const block = /```chart\n([\s\S]*?)```/.exec(comment)![1]!;
    expect(parse(block)).toMatchObject({ x: "area -->", y: "spend--!>" });
  });
});
