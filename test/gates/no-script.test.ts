// Gate 3, no JavaScript where none is promised: every page but search, on the seed site and on
// the hostile fixture, is free of <script>, inline event handlers and `javascript:` URLs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { listPages, promisesNoScript } from "./pages.ts";
import { findScript } from "./script-finder.ts";

describe("the script finder", () => {
  it("finds scripts, inline handlers and javascript: URLs, and lets JSON-LD through", () => {
    const html = [
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      "<p>Fine <a href='/x/'>link</a></p>",
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      '<a href=" JaVa\tScript:alert(1)">x</a>',
      '<svg><a href="javascript:alert(1)"><text>x</text></a><script>alert(2)</script></svg>',
    ].join("\n");
    expect(findScript(html)).toEqual([
      "3:1: <script>",
      '4:1: <img onerror="alert(1)">',
      '5:1: <a href=" JaVa\tScript:alert(1)">',
      '6:6: <a href="javascript:alert(1)">',
      "6:54: <script>",
    ]);
  });
});

for (const site of ["seed", "hostile"] as const) {
  const build = inject(site);
  const pages = build.status === 0 ? listPages(build.outDir).filter(promisesNoScript) : [];
  describe(`the ${site} site`, () => {
    it("has pages that promise no JavaScript", () => {
      expect(pages.length).toBeGreaterThan(0);
    });
    it.each(pages.map((p) => [p.url, p] as const))(
      "%s has no script, inline event handler or javascript: URL",
      (_, page) => {
        expect(findScript(readFileSync(join(build.outDir, page.file), "utf8"))).toEqual([]);
      },
    );
  });
}
