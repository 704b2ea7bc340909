// A story's article: headline, standfirst, byline and dates, corrections, the prose with its
// charts, and its topics. Made here rather than in the story page's template because the search
// index is built from the same article (search-document.ts), and the two must never drift.
import type { ElementContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import type { Frontmatter } from "../markdown/frontmatter.ts";
import { paths } from "../urls.ts";
import { displayDate } from "./dates.ts";
import { topicName } from "./story-list.ts";

export type ArticleStory = Pick<
  Frontmatter,
  "title" | "dek" | "byline" | "published" | "updated" | "corrections" | "topics"
>;

/** The story's `<article>`, with `prose` (the story's rendered HTML) inside it as it is. */
export function storyArticle(story: ArticleStory, prose: string): string {
  const { title, dek, byline, published, updated, corrections, topics } = story;
  const article = h("article.story", { dataPagefindBody: true }, [
    h("header.story-head", [
      topics[0] ? h("p.kicker", [h("a", { href: paths.topic(topics[0]) }, topicName(topics[0]))]) : undefined,
      h("h1", title),
      h("p.dek", dek),
      h("p.byline", `By ${names(byline)}`),
      h("p.dates", ["Published ", date(published), ...(updated ? [" · Updated ", date(updated)] : [])]),
    ]),
    corrections.length
      ? h("aside.corrections", { ariaLabelledBy: "corrections-heading" }, [
          h("h2#corrections-heading", corrections.length === 1 ? "Correction" : "Corrections"),
          h(
            "ul",
            corrections.map((c) => h("li", [date(c.date), `: ${c.text}`])),
          ),
        ])
      : undefined,
    // The prose is already HTML, made and sanitised by src/markdown/.
    h("div.prose", [{ type: "raw", value: prose } as unknown as ElementContent]),
    topics.length
      ? h("footer.story-foot", [
          h("h2.visually-hidden", "Topics"),
          h(
            "ul.topic-list",
            topics.map((topic) => h("li", [h("a", { href: paths.topic(topic) }, topicName(topic))])),
          ),
        ])
      : undefined,
  ]);
  return toHtml(article, { allowDangerousHtml: true });
}

/** `2024-03-14` as a `<time>` readers can read. */
const date = (iso: string) => h("time", { dateTime: iso }, displayDate(iso));

/** Names as a list in prose: `A`, `A and B`, `A, B and C`. */
const names = (byline: string[]) => byline.join(", ").replace(/, ([^,]*)$/, " and $1");
