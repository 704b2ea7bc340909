// `/rss.xml`: the stories, newest first: title, standfirst, date, authors and link.
import { getCollection } from "astro:content";
import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { byNewest } from "../components/story-list.ts";
import { contentRoot, siteConfig } from "../config.ts";
import { topicName } from "../site/topics.ts";
import { absolute, paths, requireSite } from "../urls.ts";

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const GET: APIRoute = async (context) => {
  const site = requireSite(context.site);
  const stories = byNewest(await getCollection("stories"));
  const config = siteConfig();
  const root = contentRoot();
  return rss({
    title: config.name,
    description: config.description,
    site,
    // RSS's own <author> wants an e-mail address; Dublin Core's creator is the name, as feeds use it.
    xmlns: { dc: "http://purl.org/dc/elements/1.1/" },
    customData: `<language>${config.lang.toLowerCase()}</language>`,
    items: stories.map((story) => ({
      title: story.data.title,
      description: story.data.dek,
      pubDate: new Date(`${story.data.published}T00:00:00Z`),
      // Absolute, as the feed's own <link> is: a site under a path keeps its path.
      link: absolute(paths.story(story.id), site),
      categories: story.data.topics.map((topic) => topicName(topic, root)),
      customData: story.data.byline.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join(""),
    })),
  });
};
