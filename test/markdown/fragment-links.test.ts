// In-page links in a story (footnotes, an author's own anchors) reach their targets: the
// sanitiser prefixes the ids, so the links must carry the same prefix.
import { describe, expect, it } from "vitest";
import { renderStory } from "../../src/markdown/story.ts";
import { datasets } from "../charts/helpers.ts";

const frontmatter = "---\ntitle: T\ndek: D\nbyline: [R]\npublished: 2024-03-14\n---\n";
const render = (body: string) => renderStory(frontmatter + body, { file: "story.md", slug: "story" }, { datasets });
const attributes = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`${name}="([^"]*)"`, "g"))].map((m) => m[1]!);

describe("links within a story", () => {
  it("point every footnote reference and back-reference at an id on the page", () => {
    const { html, messages } = render(
      "The trust overspent.[^1] Again.[^note]\n\n[^1]: Its own report.\n[^note]: Page 4.\n",
    );
    expect(messages).toEqual([]);
    const ids = new Set(attributes(html, "id"));
    const fragments = attributes(html, "href").filter((h) => h.startsWith("#"));
    expect(fragments).toHaveLength(4);
    for (const href of fragments) expect(ids, href).toContain(href.slice(1));
    for (const ref of attributes(html, "aria-describedby")) expect(ids, ref).toContain(ref);
    // Every id the markdown made is prefixed once, so none can be an id of the page's layout.
    for (const id of ids) expect(id).toMatch(/^user-content-(?!user-content-)/);
  });

  it("points an author's link to their own anchor at it, and leaves other links alone", () => {
    const { html } = render('<a id="method"></a>How we did it.\n\nSee [the method](#method) and [the top](#top).\n');
    expect(attributes(html, "href")).toEqual(["#user-content-method", "#top"]);
  });
});
