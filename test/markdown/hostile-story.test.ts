// Whatever an author pastes into a story, the build ends in a result or in positioned errors:
// control characters, links no URL parser can read, chart ids the page layout already uses.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LAYOUT_IDS, parseChartBlock } from "../../src/charts/spec.ts";
import { emailRows } from "../../src/layouts/email.ts";
import { renderStory } from "../../src/markdown/story.ts";
import { projectRoot } from "../build-helper.ts";
import { datasets, lines } from "../charts/helpers.ts";

const frontmatter = (title = "T", dek = "D") =>
  `---\ntitle: ${title}\ndek: ${dek}\nbyline: [R]\npublished: 2024-03-14\n---\n`;
const render = (text: string) => renderStory(text, { file: "story.md", slug: "story" }, { datasets });
const chart = (title: string, extra = "") =>
  `\n\`\`\`chart\ndata: lines\ntype: column\nx: line\ny: forecast\ntitle: ${title}\n${extra}\`\`\`\n`;

describe("control characters in a story", () => {
  it("reports a vertical tab in the title at its line and column, naming it, with a hint", () => {
    const story = render(frontmatter("Spending\u000Bup") + "\nText.\n");
    expect(lines(story.messages)).toEqual(["story.md:2:16: Unexpected control character `U+000B`, expected text"]);
    expect(story.messages[0]!.note).toMatch(/paste/);
  });

  it("reports control characters in the dek, a chart's title and annotation, and the prose, one a line", () => {
    const text =
      frontmatter("T", "A\u0000dek") +
      chart("Rose\u0007 sharply", "annotations:\n  - { x: Independent placements, text: \u001Bpeak }\n") +
      "\nA paragraph\u007F with\u0001 two.\n";
    expect(lines(render(text).messages)).toEqual([
      "story.md:3:7: Unexpected control character `U+0000`, expected text",
      "story.md:13:12: Unexpected control character `U+0007`, expected text",
      "story.md:15:40: Unexpected control character `U+001B`, expected text",
      "story.md:18:12: Unexpected control character `U+007F`, expected text",
    ]);
  });

  it("leaves tabs and line ends alone", () => {
    expect(render(frontmatter() + "\nA\ttab,\r\na CRLF.\r\n").messages).toEqual([]);
  });
});

describe("links the newsletter edition cannot resolve", () => {
  it("keeps the text of a link to `http://` or `http://[` and drops the address, never throwing", () => {
    const story = render(frontmatter() + '\nSee [this](http://) and <a href="http://[">that</a>.\n');
    expect(story.messages).toEqual([]);
    const rows = emailRows(story.html, {
      storyUrl: "https://news.example/stories/story/",
      site: "https://news.example/",
      chart: () => undefined,
    });
    expect(rows).toContain(">this</a>");
    expect(rows).toContain(">that</a>");
    expect(rows).not.toContain('href="http://"');
    expect(rows).not.toContain("http://[");
  });
});

describe("chart ids the page layout uses", () => {
  it("refuses `main`, `search`, `corrections-heading` and the prose's prefix at the `id` key", () => {
    for (const id of ["main", "search", "corrections-heading", "topics-heading", "user-content-fn-1"]) {
      const { spec, messages } = parseChartBlock(
        `id: ${id}\ndata: lines\ntype: column\nx: line\ny: forecast\ntitle: T\n`,
        {
          file: "story.md",
          fenceLine: 10,
          defaultId: "story-1",
        },
      );
      expect(spec).toBeUndefined();
      expect(lines(messages)).toEqual([
        `story.md:11:5: Unexpected \`${id}\` for \`id\`, expected an id the page does not already use`,
      ]);
      expect(messages[0]!.note).toContain("`main`");
    }
  });

  it("knows every id the layouts and pages write", () => {
    const markup = ["src/layouts", "src/pages", "src/components"].flatMap((dir) =>
      readdirSync(join(projectRoot, dir), { recursive: true, encoding: "utf8" })
        .filter((name) => /\.(astro|ts)$/.test(name))
        .map((name) => readFileSync(join(projectRoot, dir, name), "utf8")),
    );
    const ids = new Set(markup.flatMap((text) => [...text.matchAll(/\bid="([a-z][a-z0-9-]*)"/g)].map((m) => m[1]!)));
    expect([...ids].sort()).toEqual([...LAYOUT_IDS]);
  });
});
