// rehype plugin, run after sanitising: sanitising prefixes every id the author's markdown makes
// (`fn-1` becomes `user-content-fn-1`, so no story can take an id the page's own layout uses), but
// not the links to them. A link to `#fn-1` that has no `fn-1` on the page is pointed at the
// prefixed id, so footnotes and an author's own in-page anchors still work without JavaScript.
import type { Root } from "hast";
import type { Plugin } from "unified";
import { visit } from "unist-util-visit";

export const rehypeFragmentLinks: Plugin<[{ prefix: string }], Root> =
  ({ prefix }) =>
  (tree) => {
    const ids = new Set<string>();
    visit(tree, "element", (node) => {
      if (typeof node.properties.id === "string") ids.add(node.properties.id);
    });
    visit(tree, "element", (node) => {
      const href = node.properties.href;
      if (typeof href !== "string" || !href.startsWith("#")) return;
      const target = href.slice(1);
      if (!ids.has(target) && ids.has(prefix + target)) node.properties.href = `#${prefix}${target}`;
    });
  };
