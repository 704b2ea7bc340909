// Gate 1, valid HTML: the W3C Nu HTML Checker over every page of the seed site and of the
// hostile fixture, in one Java process. Errors fail the page; warnings are listed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { listPages } from "./pages.ts";
import { checkHtml, formatNu, isError, isWarning, type NuMessage } from "./vnu.ts";

const sites = { seed: inject("seed"), hostile: inject("hostile") };
const pages = {
  seed: listPages(sites.seed.outDir),
  hostile: sites.hostile.status === 0 ? listPages(sites.hostile.outDir) : [],
};

let report = new Map<string, NuMessage[]>();
beforeAll(async () => {
  const files = Object.entries(pages).flatMap(([site, list]) =>
    list.map((p) => join(sites[site as keyof typeof sites].outDir, p.file)),
  );
  const started = performance.now();
  report = await checkHtml(files);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const warnings = [...report].flatMap(([file, messages]) => messages.filter(isWarning).map((m) => formatNu(file, m)));
  console.log(
    `Nu HTML Checker: ${files.length} pages in ${seconds} s, ${warnings.length} warning${warnings.length === 1 ? "" : "s"}` +
      (warnings.length ? `:\n${warnings.join("\n")}` : ""),
  );
}, 120_000);

describe.each(Object.keys(pages) as Array<keyof typeof pages>)("the %s site", (site) => {
  it("has pages to check", () => {
    expect(pages[site].length).toBeGreaterThan(0);
  });

  it.each(pages[site].map((p) => [p.url, p] as const))("%s has no errors from the Nu HTML Checker", (_, page) => {
    const file = join(sites[site].outDir, page.file);
    const messages = report.get(file);
    expect(messages, `the checker did not report on ${file}`).toBeDefined();
    expect(messages!.filter(isError).map((m) => formatNu(page.file, m))).toEqual([]);
  });
});

// Astro's HTML compression drops a line break between a word and the tag after it: `a\n<a ...>`
// in a template prints "a<a>", read as one word ("ofChildren's trust", "dataset.See the data").
describe("the seed site's text", () => {
  it.each(pages.seed.map((p) => [p.url, p] as const))("%s runs no word into a link or caption", (_, page) => {
    const html = readFileSync(join(sites.seed.outDir, page.file), "utf8").replace(/<script[\s\S]*?<\/script>/g, "");
    const joined = [
      ...html.matchAll(/[\p{L}.,;:]<a\s[^>]*>[^<]{0,20}/gu),
      ...html.matchAll(/<caption>[^<]*\b(of|the|and|by|for)\p{Lu}[^<]{0,20}/gu),
    ].map((m) => m[0]);
    expect(joined).toEqual([]);
  });
});
