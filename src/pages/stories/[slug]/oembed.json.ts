// `/stories/<slug>/oembed.json`: the story's oEmbed response (src/site/oembed.ts), which its
// page advertises in a <link rel="alternate">.
import { getCollection, getEntry, type CollectionEntry } from "astro:content";
import type { APIRoute, GetStaticPaths } from "astro";
import { buildsStory } from "../../../build/partial.ts";
import { siteConfig } from "../../../config.ts";
import { withChartDetails } from "../../../site/chart-entry.ts";
import { oembedJson, storyOembed } from "../../../site/oembed.ts";
import { requireSite } from "../../../urls.ts";

export const getStaticPaths = (async () => {
  const stories = await getCollection("stories");
  return stories
    .filter((story) => buildsStory(story.id))
    .map((story) => ({ params: { slug: story.id }, props: { story } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { story } = props as { story: CollectionEntry<"stories"> };
  const first = story.data.charts[0] ? await getEntry("charts", story.data.charts[0]) : undefined;
  const body = oembedJson(
    storyOembed(
      { title: story.data.title, firstChart: first && { id: first.id, ...withChartDetails(first.data) } },
      { site: requireSite(site).href, config: siteConfig() },
    ),
  );
  return new Response(body, { headers: { "Content-Type": "application/json+oembed" } });
};
