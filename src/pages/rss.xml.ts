// `/rss.xml`: the stories, newest first: title, standfirst, date, authors and link.
import { getCollection } from "astro:content";
import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { byNewest, topicName } from "../components/story-list.ts";
import { siteConfig } from "../config.ts";
import { paths, requireSite } from "../urls.ts";

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const GET: APIRoute = async (context) => {
  const site = requireSite(context.site);
  const stories = byNewest(await getCollection("stories"));
  return rss({
    title: siteConfig.name,
    description: siteConfig.description,
    site,
    // RSS's own <author> wants an e-mail address; Dublin Core's creator is the name, as feeds use it.
    xmlns: { dc: "http://purl.org/dc/elements/1.1/" },
    customData: `<language>${siteConfig.lang.toLowerCase()}</language>`,
    items: stories.map((story) => ({
      title: story.data.title,
      description: story.data.dek,
      pubDate: new Date(`${story.data.published}T00:00:00Z`),
      link: paths.story(story.id),
      categories: story.data.topics.map(topicName),
      customData: story.data.byline.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join(""),
    })),
  });
};
