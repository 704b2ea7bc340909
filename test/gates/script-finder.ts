// Finds every way a page could run JavaScript: a <script> (other than JSON-LD data), an inline
// event handler attribute (on*=) or a `javascript:` URL, each with its line and column.
import type { Element, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";

// Attributes that take a URL a browser may navigate to or load.
const URL_PROPERTIES = ["href", "src", "action", "formAction", "xLinkHref", "data", "poster"];
// Browsers ignore tabs, newlines and leading spaces or control characters in a URL's scheme.
const JAVASCRIPT_URL = /^[\u0000-\u0020]*j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:/i;

export function findScript(html: string): string[] {
  const found: string[] = [];
  const at = (node: Element) => `${node.position?.start.line ?? 0}:${node.position?.start.column ?? 0}`;
  const visit = (node: Root | RootContent) => {
    if (node.type === "element") {
      const props = node.properties;
      if (node.tagName === "script" && String(props.type ?? "").toLowerCase() !== "application/ld+json") {
        found.push(`${at(node)}: <script${props.src ? ` src="${String(props.src)}"` : ""}>`);
      }
      for (const [name, value] of Object.entries(props)) {
        // hast names handlers onClick, onError...; `on` followed by a letter is never anything else.
        if (/^on[a-z]/i.test(name))
          found.push(`${at(node)}: <${node.tagName} ${name.toLowerCase()}="${String(value)}">`);
      }
      for (const name of URL_PROPERTIES) {
        const value = props[name];
        if (typeof value === "string" && JAVASCRIPT_URL.test(value)) {
          found.push(`${at(node)}: <${node.tagName} ${name}="${value}">`);
        }
      }
      if (node.tagName === "template" && node.content) visit(node.content);
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(fromHtml(html));
  return found;
}
