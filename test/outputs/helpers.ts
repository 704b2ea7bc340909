// Test helpers for the travelling outputs: reading PNG headers, parsing HTML and XML, and the
// rules an email-safe newsletter page must keep.
import { join } from "node:path";
import type { Element, Text } from "hast";
import { fromHtml } from "hast-util-from-html";
import { DOMParser, parseHTML } from "linkedom";
import { visit } from "unist-util-visit";

export const fixtureRoot = join(import.meta.dirname, "..", "fixtures", "site-outputs");
export const SITE = "https://news.test.example";

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
export function pngDimensions(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error("not a PNG: bad signature");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunk = new TextDecoder().decode(bytes.subarray(12, 16));
  if (chunk !== "IHDR") throw new Error(`not a PNG: first chunk is ${chunk}`);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export function parsePage(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/**
 * The text of the `<textarea id>` as a browser shows it. linkedom leaves character references in
 * a textarea undecoded, so this reads the page with parse5 (through hast), as browsers do.
 */
export function textareaText(html: string, id: string): string {
  let text: string | undefined;
  visit(fromHtml(html), "element", (node: Element) => {
    if (node.tagName === "textarea" && node.properties.id === id)
      text = node.children.map((child) => (child as Text).value).join("");
  });
  if (text === undefined) throw new Error(`no <textarea id="${id}">`);
  return text;
}

export function parseXml(xml: string, type: "text/xml" | "image/svg+xml" = "text/xml"): Document {
  return new DOMParser().parseFromString(xml, type) as unknown as Document;
}

/**
 * Every way `html` breaks the newsletter rules: a table layout at most 600 px wide, inline styles
 * only, no script, SVG or external CSS, images with alt text, and every URL absolute.
 */
export function emailProblems(html: string): string[] {
  const problems: string[] = [];
  const document = parsePage(html);
  for (const tag of ["script", "svg", "style", "link", "iframe", "form", "object", "embed", "video", "details"]) {
    if (document.querySelectorAll(tag).length) problems.push(`has <${tag}>`);
  }
  const layout = [...document.querySelectorAll("table")].filter((t) => t.getAttribute("width") === "600");
  if (!layout.length) problems.push("has no 600 px layout table");
  for (const element of document.querySelectorAll("*")) {
    const tag = element.tagName.toLowerCase();
    if (element.hasAttribute("class")) problems.push(`<${tag}> has a class`);
    const width = element.getAttribute("width");
    if (width && width !== "100%" && !(Number(width) > 0 && Number(width) <= 600))
      problems.push(`<${tag}> is ${width} wide`);
    const style = element.getAttribute("style") ?? "";
    for (const match of style.matchAll(/(?:^|;)\s*(?:max-)?width:\s*(\d+)px/g)) {
      if (Number(match[1]) > 600) problems.push(`<${tag}> is styled ${match[0]}`);
    }
    for (const name of ["href", "src"]) {
      const url = element.getAttribute(name);
      if (url !== null && !/^(https?:\/\/|mailto:)/.test(url)) problems.push(`<${tag}> has relative ${name} ${url}`);
    }
    if (tag === "img" && !element.getAttribute("alt")?.trim()) problems.push("an image has no alt text");
  }
  if (/\bundefined\b|\bNaN\b/.test(document.body?.textContent ?? "")) problems.push("prints undefined or NaN");
  if (/\bundefined\b/.test(html)) problems.push("has `undefined` in its markup");
  return problems;
}
