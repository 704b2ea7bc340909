// What lets a chart travel, as text and as the panels under it on the story page: the iframe
// embed code, the newsletter snippet (a linked PNG) and the download links. No script needed.
import type { Element } from "hast";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import { absolute, paths, sitePath } from "../urls.ts";
import { PNG_SCALE } from "./png/render.ts";
import type { RenderedChart } from "./render.ts";
import { standaloneLayout, STANDALONE_WIDTH } from "./standalone.ts";
import { wrapText } from "./theme.ts";

export type ShareInput = Pick<
  RenderedChart,
  "id" | "title" | "subtitle" | "notes" | "source" | "description" | "dataset" | "drawings"
> &
  Partial<Pick<RenderedChart, "tableView">>;

// The code editors copy should read like hand-written HTML: `it's`, `&amp;`, not `it&#x27;s`.
const readable = {
  allowDangerousCharacters: true,
  characterReferences: { useNamedReferences: true },
} as const;

// The embed page's type (src/styles/site.css and embed.css) in px: size, line height, and
// the px of padding and margins around the text and drawing.
const EMBED = {
  title: { size: 18.4, line: 24 },
  subtitle: { size: 16, line: 22.4 },
  foot: { size: 14, line: 19.6 },
  padding: 16,
  gaps: 8 + 8 + 8,
  maxWidth: 720,
  narrowMaxWidth: 440,
  fontAllowance: 0.88,
  // The embed page shows the narrow drawing below this width of the iframe (site.css).
  narrowBelow: 592,
};
// The host widths the embed code is sized for: the narrowest phone a page must serve (where the
// title and notes wrap the most) and a desktop article's column. Between and beyond them the
// embed page shrinks its drawing into the height it gets (embed.css).
const EMBED_WIDTHS = [320, 600];

/** The widest host column the embed code is sized for: the width an oEmbed response gives. */
export const EMBED_WIDTH = Math.max(...EMBED_WIDTHS);

/**
 * The iframe height in CSS px: the tallest the embed page is at {@link EMBED_WIDTHS}, from the
 * chart's two drawings (each scaled by its aspect ratio to the column) plus its wrapped text.
 */
export function embedHeight(chart: ShareInput): number {
  return Math.max(...EMBED_WIDTHS.map((width) => embedPageHeight(chart, width)));
}

// The story's headline is not known here; a long one is allowed for.
const STORY_LINK = "Read the story: a headline of about eighty characters, as long as most of ours are";

function embedPageHeight(chart: ShareInput, width: number): number {
  const column = Math.min(width - EMBED.padding, EMBED.maxWidth);
  // The host's reader sees the page in their system's font, which may be wider than the one the
  // text is measured in (DejaVu Sans, Debian's, by about a tenth): lines are counted as if the
  // column were that much narrower, so a title never wraps onto a line the iframe has no room for.
  const lines = (text: string, style: { size: number; line: number }) =>
    wrapText(text, column * EMBED.fontAllowance, style.size, { breakWords: true }).length * style.line;
  const layout = width < EMBED.narrowBelow ? "narrow" : "wide";
  const drawing = chart.drawings.find((d) => d.layout === layout) ?? chart.drawings[0];
  const shown = layout === "narrow" ? Math.min(column, EMBED.narrowMaxWidth) : column;
  const drawingHeight = chart.tableView
    ? tableHeight(chart.tableView.rows, layout)
    : drawing
      ? (shown * drawing.height) / drawing.width
      : 0;
  let height = EMBED.padding + EMBED.gaps + drawingHeight;
  height += lines(chart.title, EMBED.title);
  if (chart.subtitle) height += lines(chart.subtitle, EMBED.subtitle);
  for (const note of chart.notes) height += lines(`Note: ${note}`, EMBED.foot) + 4;
  height += lines(`Source: ${chart.source}`, EMBED.foot) + 4;
  height += lines(STORY_LINK, EMBED.foot);
  return Math.ceil(height);
}

/**
 * A table chart's frame on the embed page: a row a line (two on a phone, where the first column
 * wraps), plus the head and a scroll bar, at most TABLE_EMBED_MAX px; past that the frame
 * scrolls inside the iframe (embed.css), so a long table never makes a towering iframe.
 */
function tableHeight(rows: number, layout: "wide" | "narrow"): number {
  const row = layout === "narrow" ? 52 : 33;
  return Math.min(TABLE_EMBED_MAX, (rows + 1) * row + 16);
}
const TABLE_EMBED_MAX = 640;

/** The PNG's size in pixels and as shown in email (CSS px). */
export function pngSize(chart: ShareInput): { width: number; height: number; pixelWidth: number; pixelHeight: number } {
  const { height } = standaloneLayout(chart);
  return { width: STANDALONE_WIDTH, height, pixelWidth: STANDALONE_WIDTH * PNG_SCALE, pixelHeight: height * PNG_SCALE };
}

/** Alt text for the chart as an image: the finding, then what it shows. */
export function altText(chart: Pick<RenderedChart, "title" | "description">): string {
  const title = chart.title.trim();
  return `${title}${/[.!?]$/.test(title) ? "" : "."} ${chart.description}`;
}

/** The `<iframe>` another site pastes: absolute, lazy, full width, sized from the chart. */
export function embedCode(chart: ShareInput, site: string): string {
  return toHtml(
    h("iframe", {
      src: absolute(paths.embed(chart.id), site),
      title: chart.title,
      loading: "lazy",
      width: "100%",
      height: embedHeight(chart),
      style: "width:100%;border:0",
    }),
    readable,
  );
}

/** A linked PNG for email: every URL absolute, sized for a 600 px column, styled inline. */
export function newsletterImage(
  chart: ShareInput,
  site: string,
  link = absolute(paths.embed(chart.id), site),
): Element {
  const { width, height } = pngSize(chart);
  return h("a", { href: link }, [
    h("img", {
      src: absolute(paths.chartPng(chart.id), site),
      width,
      height,
      alt: altText(chart),
      style: `display:block;width:100%;max-width:${width}px;height:auto;border:0`,
    }),
  ]);
}

/** {@link newsletterImage} as the HTML an editor pastes into a newsletter. */
export function newsletterSnippet(chart: ShareInput, site: string, link?: string): string {
  return toHtml(newsletterImage(chart, site, link), readable);
}

/** The three panels under a chart on the story page; the newsletter image links to `link`. */
export function sharePanels(chart: ShareInput, site: string, link?: string): Element[] {
  // Links from the page, under the site's base path (`/ledger/charts/...`).
  const local = (path: string) => sitePath(path, site);
  const codeBox = (kind: string, label: string, code: string) => {
    const id = `${chart.id}-${kind}-code`;
    return [
      h("label", { for: id }, label),
      h("textarea", { id, readOnly: true, rows: 4, spellCheck: "false", className: ["share-code"] }, code),
    ];
  };
  return [
    h("details", { className: ["chart-panel", "chart-share", "chart-embed"] }, [
      h("summary", "Embed this chart"),
      ...codeBox(
        "embed",
        "Copy this code into your page. The chart fits any width and needs no script.",
        embedCode(chart, site),
      ),
    ]),
    h("details", { className: ["chart-panel", "chart-share", "chart-newsletter"] }, [
      h("summary", "Newsletter snippet"),
      ...codeBox(
        "newsletter",
        "Copy this into an email: the chart as a 1200 pixel PNG with alt text, linked to the chart on the site.",
        newsletterSnippet(chart, site, link),
      ),
    ]),
    h("details", { className: ["chart-panel", "chart-share", "chart-downloads"] }, [
      h("summary", "Download"),
      h("ul", [
        h("li", [h("a", { href: local(paths.chartSvg(chart.id)) }, "Chart as SVG")]),
        h("li", [h("a", { href: local(paths.chartPng(chart.id)) }, "Chart as PNG, 1200 pixels wide")]),
        h("li", [
          h("a", { href: local(paths.datasetCsv(chart.dataset)) }, "Data as CSV"),
          " (",
          h("a", { href: local(paths.dataset(chart.dataset)) }, "about the dataset"),
          ")",
        ]),
      ]),
    ]),
  ];
}
