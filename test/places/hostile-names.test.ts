// Place names are text from a council's file: markup, quotes, commas and colons in them must stay
// text on every page and one value in every chart block and `where`.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSite } from "../../src/site/site.ts";

const names = ["<script>alert(1)</script>", "Bristol, City of", `O'Brien "Quoted": Town`, "St. Helens"];

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "plotline-places-"));
  mkdirSync(join(root, "data"));
  mkdirSync(join(root, "content", "places"), { recursive: true });
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  writeFileSync(
    join(root, "data", "towns.csv"),
    ["name,rate", ...names.map((name, i) => `${quote(name)},${10 + i}`)].join("\n") + "\n",
  );
  writeFileSync(
    join(root, "data", "towns.yml"),
    "title: Towns\nsource: { name: Test }\nfields:\n  - { name: name, type: string, title: Town }\n  - { name: rate, type: number, title: Rate }\n",
  );
  writeFileSync(
    join(root, "content", "places", "towns.md"),
    [
      "---",
      'title: "{place}: its rate"',
      "dek: How {place} compares",
      "byline: Test",
      "published: 2024-01-01",
      "each: { data: towns, key: name }",
      "---",
      "",
      'The rate in {place} was :value{data=towns where="name={place}" col=rate}. :rank{col=rate}',
      "",
      "```chart",
      "data: towns",
      "type: bar",
      "y: name",
      "x: rate",
      "highlight: { name: {place} }",
      "title: {place} among the towns",
      "```",
      "",
    ].join("\n"),
  );
  return root;
}

describe("place names from a council's file", () => {
  it("stay text in pages and one value in charts and `where`, whatever they hold", () => {
    const site = loadSite({ root: project() });
    expect(site.messages.map((m) => m.reason)).toEqual([]);
    const pages = site.places[0]!.pages;
    expect(pages.map((p) => p.place.slug)).toEqual([
      "script-alert-1-script",
      "bristol-city-of",
      "o-brien-quoted-town",
      "st-helens",
    ]);
    for (const [i, page] of pages.entries()) {
      expect(page.frontmatter.title).toBe(`${names[i]}: its rate`);
      expect(page.html).not.toContain("<script");
      expect(page.html).toContain(`was ${10 + i}`);
      expect(page.charts.map((c) => [c.id, c.title])).toEqual([
        [`towns-${page.place.slug}-1`, `${names[i]} among the towns`],
      ]);
    }
    expect(pages[0]!.html).toContain("&#x3C;script>alert(1)&#x3C;/script>");
  });
});
