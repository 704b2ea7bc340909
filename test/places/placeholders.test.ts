import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parsePlaceTemplate } from "../../src/markdown/place-template.ts";
import * as placeholders from "../../src/markdown/placeholders.ts";

const { fillText, fillYaml, findPlaceholders } = placeholders;
const values =
  (name: string, cells: Record<string, string> = {}) =>
  (_: string, column: string | undefined) =>
    column === undefined ? name : (cells[column] ?? "");

describe("placeholders", () => {
  it("exports finding and filling", () => {
    expect(Object.keys(placeholders).sort()).toEqual(["PLACE", "fillText", "fillYaml", "findPlaceholders"]);
  });

  it("finds placeholders with their line and column, typos included, and leaves YAML mappings alone", () => {
    const text =
      'title: {place}\nhighlight: { la_name: x }\n:value{data=a where="la_name={plase}"}\n{place.region} and {place.Supplier Name}';
    expect(findPlaceholders(text, 10).map((u) => [u.line, u.column, u.name, u.column_ ?? ""])).toEqual([
      [10, 8, "place", ""],
      [12, 30, "plase", ""],
      [13, 1, "place", "region"],
      [13, 20, "place", "Supplier Name"],
    ]);
  });

  it("fills prose with the name and other cells of the place's row", () => {
    expect(fillText("{place} is in {place.region}; {other} stays", values("Leeds", { region: "Yorkshire" }))).toBe(
      "Leeds is in Yorkshire; {other} stays",
    );
  });

  it("keeps any name one YAML value: bare, inside double quotes, inside single quotes and in a flow mapping", () => {
    const name = `Bristol, City of "the" 'West': #1`;
    const yaml = [
      "a: {place}",
      'b: "{place} Council"',
      "c: '{place}'",
      'd: { la_name: "{place}" }',
      "e: { la_name: {place} }",
      "f: [{place}, x]",
      "title: Rates in {place.region} rose",
    ].join("\n");
    const filled = parse(fillYaml(yaml, values(name, { region: "South West" })));
    expect(filled).toEqual({
      a: name,
      b: `${name} Council`,
      c: name,
      d: { la_name: name },
      e: { la_name: name },
      f: [name, "x"],
      title: "Rates in South West rose",
    });
    expect(fillYaml(yaml, values(name)).split("\n")).toHaveLength(7);
  });

  it("keeps a chart block's lines when a cell holds a line break", () => {
    expect(fillYaml("a: {place}\nb: 1", values("Two\nlines"))).toBe('a: "Two lines"\nb: 1');
  });
});

describe("place template frontmatter", () => {
  const template = (frontmatter: string) =>
    parsePlaceTemplate(`---\n${frontmatter}\n---\nBody\n`, { file: "content/places/t.md", name: "t" });
  const base = 'title: "{place}"\ndek: d\nbyline: A\npublished: 2024-01-02';

  it("reads each, group and the index heading, with the filter as the chart filter's shape", () => {
    const { template: t, messages } = template(
      `${base}\neach: { data: councils, key: la_name, filter: { year: 2024, region: { not: [London] } } }\ngroup: region\nindex: Every council`,
    );
    expect(messages).toEqual([]);
    expect(t).toMatchObject({
      title: "{place}",
      byline: ["A"],
      each: {
        data: "councils",
        key: "la_name",
        filter: [
          { column: "year", values: [2024] },
          { column: "region", values: ["London"], exclude: true },
        ],
      },
      group: "region",
      index: "Every council",
    });
    // The body keeps its line in the file (the 10th).
    expect(t!.body.split("\n").indexOf("Body")).toBe(9);
  });

  it("reports a missing each at the opening line, and unknown keys at their own line with a suggestion", () => {
    const { template: t, messages } = template(`${base}\ntopic: x\neach: { data: councils, kee: la_name }`);
    expect(t).toBeUndefined();
    expect(messages.map((m) => `${m.line}:${m.column} ${m.reason}`).sort()).toEqual([
      "6:1 Unexpected key `topic` in frontmatter",
      "7:1 Missing required key `each.key` in frontmatter",
      "7:25 Unexpected key `each.kee` in frontmatter",
    ]);
    expect(template(base).messages.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual([
      "1:1 Missing required key `each` in frontmatter",
    ]);
  });
});
