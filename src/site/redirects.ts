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
export function siteRedirects(site: Pick<Site, "stories">, siteUrl: string): string {
  const lines = site.stories.flatMap((story) =>
    story.frontmatter.aliases.map(
      (alias) => `${sitePath(paths.story(alias), siteUrl)} ${sitePath(paths.story(story.slug), siteUrl)} 301`,
    ),
  );
  return lines.length ? `${lines.sort().join("\n")}\n` : "";
}
