// Turns a story's rendered HTML into rows of an email-safe table: inline styles only, every
// link and image absolute, charts swapped for their linked PNGs, nothing an email client drops
// or blocks (no SVG, no script, no classes, no <details>).
import type { Element, ElementContent, Properties, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import { newsletterImage, type ShareInput } from "../charts/share.ts";

/** Widest content in an email: the column every client shows without scrolling. */
export const EMAIL_WIDTH = 600;
const PAD = 24;

export const colours = { text: "#1b1d22", muted: "#4d5360", rule: "#d9dce2", link: "#1d5fa8", page: "#f4f5f7" };
export const fonts = {
  serif: "Georgia, 'Times New Roman', serif",
  sans: "Arial, Helvetica, sans-serif",
};

const body = `font-family:${fonts.serif};font-size:18px;line-height:1.6;color:${colours.text}`;
const small = `font-family:${fonts.sans};font-size:14px;line-height:1.5;color:${colours.muted}`;
const heading = `font-family:${fonts.sans};color:${colours.text};line-height:1.3`;

// Every tag a story's prose can contain after sanitising, with the style it gets in email.
const styles: Record<string, string> = {
  p: `margin:0 0 16px;${body}`,
  h1: `margin:28px 0 8px;font-size:26px;${heading}`,
  h2: `margin:28px 0 8px;font-size:22px;${heading}`,
  h3: `margin:24px 0 8px;font-size:19px;${heading}`,
  h4: `margin:20px 0 8px;font-size:17px;${heading}`,
  h5: `margin:20px 0 8px;font-size:16px;${heading}`,
  h6: `margin:20px 0 8px;font-size:16px;${heading}`,
  ul: `margin:0 0 16px;padding:0 0 0 24px;${body}`,
  ol: `margin:0 0 16px;padding:0 0 0 24px;${body}`,
  li: "margin:0 0 6px",
  blockquote: `margin:0 0 16px;padding:0 0 0 16px;border-left:4px solid ${colours.rule};color:${colours.muted}`,
  a: `color:${colours.link};text-decoration:underline`,
  table: `border-collapse:collapse;width:100%;margin:0 0 16px;font-family:${fonts.sans};font-size:15px;color:${colours.text}`,
  th: `padding:6px 8px;border-bottom:1px solid ${colours.rule};text-align:left`,
  td: `padding:6px 8px;border-bottom:1px solid ${colours.rule};text-align:left`,
  hr: `border:0;border-top:1px solid ${colours.rule};margin:24px 0`,
  pre: "margin:0 0 16px;white-space:pre-wrap;font-family:Consolas, Menlo, monospace;font-size:14px",
  code: "font-family:Consolas, Menlo, monospace;font-size:0.9em",
  img: "max-width:100%;height:auto;border:0",
};

// Attributes that mean nothing without the web page's CSS and anchors.
const DROPPED = /^(className|id|data[A-Z]|aria[A-Z]|role|tabIndex)/;

export interface EmailOptions {
  /** The story on the web, absolute: relative links and footnote anchors resolve against it. */
  storyUrl: string;
  site: string;
  /** The chart drawn in a story figure, by the figure's id. */
  chart: (id: string) => ShareInput | undefined;
}

/**
 * The story body as `<tr>` rows for a {@link EMAIL_WIDTH}-px table. Prose sits in padded cells; a
 * chart gets a row of its own so its 600 px image fills the column edge to edge.
 */
export function emailRows(html: string, options: EmailOptions): string {
  const tree = fromHtml(html, { fragment: true });
  const rows: Element[] = [];
  let prose: ElementContent[] = [];
  const flush = () => {
    if (prose.length) rows.push(row(prose, `padding:0 ${PAD}px`));
    prose = [];
  };
  for (const node of tree.children) {
    if (node.type === "element" && isChartFigure(node)) {
      flush();
      rows.push(...chartRows(node, options));
    } else if (node.type === "element" || (node.type === "text" && node.value.trim())) {
      prose.push(...convert(node, options));
    }
  }
  flush();
  return rows.map((r) => toHtml(r)).join("\n");
}

function row(children: ElementContent[], style: string): Element {
  // A long URL or word must wrap, or it sets the table's minimum width wider than a phone.
  return h("tr", [h("td", { style: `${style};word-break:break-word;overflow-wrap:anywhere` }, children)]);
}

function isChartFigure(node: Element): boolean {
  const className = node.properties?.className;
  return node.tagName === "figure" && Array.isArray(className) && className.includes("chart");
}

/** Title, subtitle, the linked PNG at full width, then notes and source. */
function chartRows(figure: Element, options: EmailOptions): Element[] {
  const id = String(figure.properties?.id ?? "");
  const chart = options.chart(id);
  if (!chart) throw new Error(`The story has a chart figure \`${id}\` that is not in the charts collection`);
  const link = `${options.storyUrl}#${id}`;
  const head: ElementContent[] = [
    h("p", { style: `margin:8px 0 4px;font-size:18px;font-weight:bold;${heading}` }, chart.title),
  ];
  if (chart.subtitle) head.push(h("p", { style: `margin:0 0 8px;${small}` }, chart.subtitle));
  const foot: ElementContent[] = chart.notes.map((note) =>
    h("p", { style: `margin:0 0 4px;${small}` }, `Note: ${note}`),
  );
  foot.push(
    h("p", { style: `margin:0 0 20px;${small}` }, [
      `Source: ${chart.source}. `,
      h("a", { href: link, style: styles.a }, "See the chart and its data on the web"),
    ]),
  );
  return [
    row(head, `padding:8px ${PAD}px 0`),
    row([newsletterImage(chart, options.site, link)], "padding:0"),
    row(foot, `padding:8px ${PAD}px 0`),
  ];
}

/** One node of the story's prose, styled for email; a figure nested in prose is kept in place. */
function convert(node: RootContent | Root, options: EmailOptions): ElementContent[] {
  if (node.type === "text") return [node];
  if (node.type !== "element") return [];
  if (isChartFigure(node)) return chartRows(node, options).flatMap((r) => (r.children[0] as Element).children);
  // Footnote back-links only make sense on the web page.
  if (node.properties?.dataFootnoteBackref !== undefined) return [];
  if (["script", "style", "svg", "details", "template", "iframe", "object", "embed", "form"].includes(node.tagName))
    return [];
  const properties: Properties = {};
  for (const [name, value] of Object.entries(node.properties ?? {})) {
    if (!DROPPED.test(name)) properties[name] = value;
  }
  for (const name of ["href", "src"]) {
    const value = properties[name];
    if (typeof value !== "string") continue;
    // An address no URL parser reads (`http://`, `http://[`) is dropped, and the link stays as
    // its text: the web page shows the author's link as written, but email needs it absolute.
    const url = absoluteUrl(value, options.storyUrl);
    if (url) properties[name] = url;
    else delete properties[name];
  }
  const style = styles[node.tagName];
  if (style) properties.style = typeof properties.style === "string" ? `${style};${properties.style}` : style;
  // Some clients (older Outlook) drop sectioning elements' boxes; a div behaves everywhere.
  const tagName = node.tagName === "section" ? "div" : node.tagName;
  const children = node.children.flatMap((child) => convert(child, options));
  return [{ ...node, tagName, properties, children }];
}

/** `value` resolved against `base`, or undefined when it is not an address a URL parser can read. */
function absoluteUrl(value: string, base: string): string | undefined {
  return URL.canParse(value, base) ? new URL(value, base).href : undefined;
}
