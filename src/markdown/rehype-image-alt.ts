// rehype plugin, run on the author's HTML before sanitising: an <img> without an alt attribute
// is an error at its position, since the page would fail validation and screen readers would
// read out its file name. (Markdown images always have one: `![what it shows](file.png)`.)
import type { Root } from "hast";
import type { Plugin } from "unified";
import { visit } from "unist-util-visit";
import { diagnostic } from "../errors/diagnostic.ts";

export const rehypeImageAlt: Plugin<[], Root> = () => (tree, file) => {
  visit(tree, "element", (node) => {
    if (node.tagName !== "img" || node.properties?.alt !== undefined) return;
    const start = node.position?.start;
    const src = node.properties?.src;
    file.messages.push(
      diagnostic(
        "StoryImageAlt",
        { actual: typeof src === "string" ? src : "" },
        { file: file.path ?? "<story>", line: start?.line ?? 1, column: start?.column ?? 1 },
      ),
    );
  });
};
