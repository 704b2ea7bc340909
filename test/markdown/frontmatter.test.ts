import { describe, expect, it } from "vitest";
import * as frontmatter from "../../src/markdown/frontmatter.ts";
import { lines } from "../charts/helpers.ts";

const parse = (text: string) => frontmatter.parseStoryFile(text, "story.md");

describe("parseStoryFile", () => {
  it("exports the parser and the list of keys", () => {
    expect(Object.keys(frontmatter).sort()).toEqual([
      "frontmatterExamples",
      "frontmatterKeys",
      "frontmatterSource",
      "pageHeadKeys",
      "parseStoryFile",
      "readFrontmatter",
    ]);
  });

  it("reads valid frontmatter and pads the body so lines stay those of the file", () => {
    const {
      frontmatter: data,
      body,
      messages,
    } = parse("---\ntitle: T\ndek: D\nbyline: R\npublished: 2024-03-14\ntopics: [council-finance]\n---\nHello\n");
    expect(messages).toEqual([]);
    expect(data).toMatchObject({
      title: "T",
      byline: ["R"],
      published: "2024-03-14",
      topics: ["council-finance"],
      draft: false,
    });
    expect(body.split("\n")[7]).toBe("Hello");
  });

  it("reports a file without frontmatter at its first line", () => {
    expect(lines(parse("# Just a heading\n").messages)).toEqual([
      "story.md:1:1: Missing frontmatter at the top of the story",
    ]);
  });

  it("reports an unknown key at its line with a suggestion, and every missing key", () => {
    const { messages } = parse("---\ntitle: T\ndek: D\nbyline: [R]\npublised: 2024-03-14\n---\n");
    expect(lines(messages)).toEqual([
      "story.md:1:1: Missing required key `published` in frontmatter",
      "story.md:5:1: Unexpected key `publised` in frontmatter",
    ]);
    expect(messages[1]!.note).toBe("remove it or use one of `published`");
  });

  it("rejects an impossible date at its value instead of rolling it over", () => {
    const { messages } = parse("---\ntitle: T\ndek: D\nbyline: [R]\npublished: 2024-13-45\n---\n");
    expect(lines(messages)).toEqual([
      "story.md:5:12: Unexpected `2024-13-45` for `published`, expected a real calendar date",
    ]);
  });

  it("reports invalid YAML at its line", () => {
    const { messages } = parse("---\ntitle: T\ndek: [D\nbyline: [R]\npublished: 2024-03-14\n---\n");
    expect(lines(messages)[0]).toMatch(/^story\.md:\d+:\d+: Invalid YAML in frontmatter/);
  });

  it("reads a story saved with a byte-order mark", () => {
    const {
      frontmatter: data,
      body,
      messages,
    } = parse("\uFEFF---\ntitle: T\ndek: D\nbyline: R\npublished: 2024-03-14\n---\nHi\n");
    expect(messages).toEqual([]);
    expect(data?.title).toBe("T");
    expect(body.split("\n")[6]).toBe("Hi");
  });

  it("reports a correction's missing and misspelt keys where that correction is, with its own keys", () => {
    const { messages } = parse(
      "---\ntitle: T\ndek: D\nbyline: [R]\npublished: 2024-03-14\ncorrections:\n  - date: 2024-03-15\n    txt: Fixed a figure\n---\n",
    );
    expect(lines(messages)).toEqual([
      "story.md:7:5: Missing required key `corrections[0].text` in frontmatter",
      "story.md:8:5: Unexpected key `corrections[0].txt` in frontmatter",
    ]);
    expect(messages[0]!.note).toBe("add it, for example `text: What was wrong, and what is right`");
    expect(messages[1]!.note).toBe("remove it or use one of `text`");
  });

  it("says what a value should be in words, once per mistake", () => {
    const { messages } = parse(
      "---\ntitle: T\ndek: D\nbyline: [R]\npublished: 14/03/2024\ndraft: yes\ntopics: council\n---\n",
    );
    expect(lines(messages)).toEqual([
      "story.md:5:12: Unexpected `14/03/2024` for `published`, expected a date written YYYY-MM-DD",
      "story.md:7:9: Unexpected `council` for `topics`, expected a list",
      "story.md:6:8: Unexpected `yes` for `draft`, expected `true` or `false`",
    ]);
  });

  it("rejects a topic that is not a kebab-case id", () => {
    const { messages } = parse(
      "---\ntitle: T\ndek: D\nbyline: [R]\npublished: 2024-03-14\ntopics: [Council Finance]\n---\n",
    );
    expect(lines(messages)).toEqual([
      "story.md:6:10: Unexpected `Council Finance` for `topics[0]`, expected a topic id in kebab-case, e.g. `council-finance`",
    ]);
  });
});
