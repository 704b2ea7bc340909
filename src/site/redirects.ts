// Addresses that were published keep working: a story's `aliases` (its earlier slugs) each get a
// page that sends readers to the story (src/pages/stories/[slug].astro), and a `_redirects` file
// says the same for hosts that read one (Netlify, Cloudflare Pages) with a permanent redirect.
// An alias may not be another story's slug or another story's alias.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Diagnostics, type VFileMessage } from "../errors/diagnostic.ts";
import { frontmatterSource } from "../markdown/frontmatter.ts";
import { paths, sitePath } from "../urls.ts";
import type { Site } from "./site.ts";

type AliasedStory = { slug: string; file: string; frontmatter: { aliases: string[] } };

/** An alias that names another story, or that two stories both claim, at the alias. */
export function aliasProblems(
  root: string,
  stories: readonly AliasedStory[],
  slugs: readonly string[],
): VFileMessage[] {
  const diagnostics = new Diagnostics();
  const claimed = new Map<string, string>();
  for (const story of stories) {
    const { aliases } = story.frontmatter;
    if (!aliases.length) continue;
    const path = join(root, story.file);
    const source = existsSync(path) ? frontmatterSource(readFileSync(path, "utf8"), story.file) : undefined;
    aliases.forEach((alias, index) => {
      const place = { file: story.file, ...(source?.placeOf(["aliases", index]) ?? { line: 1, column: 1 }) };
      // A story's own slug counts too: its page and the alias's would be one address.
      const owner = slugs.includes(alias) ? alias : claimed.get(alias);
      if (owner !== undefined) diagnostics.add("StoryAliasTaken", { alias, owner }, place);
      else claimed.set(alias, story.slug);
    });
  }
  return diagnostics.messages;
}

/** `_redirects`: one line per old address, `from to 301`, under the site's base path. */
export function siteRedirects(site: Pick<Site, "stories" | "charts">, siteUrl: string): string {
  const line = (from: string, to: string) => `${sitePath(from, siteUrl)} ${sitePath(to, siteUrl)} 301`;
  const stories = site.stories.flatMap((story) =>
    story.frontmatter.aliases.map((alias) => line(paths.story(alias), paths.story(story.slug))),
  );
  const charts = [...site.charts.values()].flatMap(({ chart }) =>
    (chart.aliases ?? []).flatMap((alias) => [
      line(paths.embed(alias), paths.embed(chart.id)),
      line(paths.chartSvg(alias), paths.chartSvg(chart.id)),
      line(paths.chartPng(alias), paths.chartPng(chart.id)),
    ]),
  );
  const lines = [...stories, ...charts];
  return lines.length ? `${lines.sort().join("\n")}\n` : "";
}
