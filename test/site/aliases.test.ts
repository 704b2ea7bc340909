// A renamed story keeps its old address: a page that sends readers on, and a `_redirects` line.
import { cpSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aliasProblems } from "../../src/site/redirects.ts";
import { buildFixture, projectRoot, scratchDir } from "../build-helper.ts";

describe("a story's aliases", () => {
  it("keep the old address working after the story is renamed", async () => {
    const scratch = scratchDir();
    const root = join(scratch, "content-root");
    cpSync(join(projectRoot, "test", "fixtures", "site-basic"), root, { recursive: true });
    const stories = join(root, "content", "stories");
    renameSync(join(stories, "older-story.md"), join(stories, "budgets-explained.md"));
    const file = join(stories, "budgets-explained.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("published:", "aliases: [older-story]\npublished:"));
    const site = await buildFixture(root, join(scratch, "dist"), { PLOTLINE_CACHE_DIR: join(scratch, "cache") });
    expect(site.status, site.output).toBe(0);
    const moved = site.read("stories/older-story/index.html");
    expect(moved).toContain('<meta http-equiv="refresh" content="0; url=https://');
    expect(moved).toMatch(/<link rel="canonical" href="https:\/\/[^"]+\/stories\/budgets-explained\/">/);
    expect(moved).toContain('<a href="/stories/budgets-explained/">An older story about budgets</a>');
    expect(site.read("stories/budgets-explained/index.html")).toContain("An older story about budgets");
    expect(site.read("_redirects")).toBe("/stories/older-story/ /stories/budgets-explained/ 301\n");
  }, 120_000);

  it("keep a renamed chart's embed page, SVG and PNG at its published id, and refuse a rename without one", async () => {
    const scratch = scratchDir();
    const root = join(scratch, "content-root");
    cpSync(join(projectRoot, "test", "fixtures", "site-basic"), root, { recursive: true });
    const file = join(root, "content", "stories", "trust-overspend.md");
    const env = { PLOTLINE_CACHE_DIR: join(scratch, "cache") };
    const outDir = join(scratch, "dist");
    expect((await buildFixture(root, outDir, env)).status).toBe(0);
    const text = readFileSync(file, "utf8");

    writeFileSync(file, text.replace("id: overspend-by-year", "id: overspend-each-year"));
    const refused = await buildFixture(root, outDir, env);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain("Missing published chart `overspend-by-year`");

    writeFileSync(file, text.replace("id: overspend-by-year", "id: overspend-each-year\naliases: [overspend-by-year]"));
    const renamed = await buildFixture(root, outDir, env);
    expect(renamed.status, renamed.output).toBe(0);
    for (const path of ["charts/{id}.svg", "embed/{id}/index.html"]) {
      expect(renamed.read(path.replace("{id}", "overspend-by-year"))).toBe(
        renamed.read(path.replace("{id}", "overspend-each-year")),
      );
    }
    const png = (id: string) => readFileSync(join(outDir, "charts", `${id}.png`));
    expect(png("overspend-by-year").equals(png("overspend-each-year"))).toBe(true);
    expect(renamed.read("_redirects")).toContain("/embed/overspend-by-year/ /embed/overspend-each-year/ 301\n");
  }, 180_000);

  it("may not name a story that exists, nor one another story keeps", () => {
    const story = (slug: string, aliases: string[]) => ({
      slug,
      file: `content/stories/${slug}.md`,
      frontmatter: { aliases },
    });
    const messages = aliasProblems("/nowhere", [story("a", ["b", "old"]), story("b", ["old", "a"])], ["a", "b"]);
    expect(messages.map((m) => `${m.file} ${m.reason}`)).toEqual([
      "content/stories/a.md Unexpected alias `b`, already the address of `b`",
      "content/stories/b.md Unexpected alias `old`, already the address of `a`",
      "content/stories/b.md Unexpected alias `a`, already the address of `a`",
    ]);
  });
});
