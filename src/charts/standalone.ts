// A rendered chart as one self-contained SVG file: title, subtitle, the wide drawing, notes and
// source drawn in, colours and fonts as attributes (no stylesheet, no CSS variables), on white.
// It is what `/charts/<id>.svg` serves and what the PNG is rasterised from.
import { parseHTML } from "linkedom";
import type { RenderedChart } from "./render.ts";
import { wrapText } from "./theme.ts";

/** Width of the image in CSS px; the PNG is drawn at twice this (1200 px) for sharp email images. */
export const STANDALONE_WIDTH = 600;

/**
 * The tallest image in CSS px (4,000 px in the PNG at 2x). A tall bar chart with long notes could
 * otherwise make a PNG of tens of thousands of pixels, which email clients refuse or crop: past
 * the cap the drawing is shrunk to fit and notes that do not fit are cut short with a line saying so.
 */
export const STANDALONE_MAX_HEIGHT = 2000;
/** The most of the height the drawing may take, so the title and source always fit beside it. */
const MAX_DRAWING_HEIGHT = 1400;

const PAD = 20;
const INNER = STANDALONE_WIDTH - 2 * PAD;
const TEXT = "#1b1d22";
const MUTED = "#4d5360";
const GRID = "#c9cdd4";
// Inter is the font the PNG is drawn with (shipped in node_modules); a browser without it
// falls back to a similar sans-serif, for which the wrapping below leaves room.
const FONT_FAMILY = "Inter, 'Helvetica Neue', Arial, sans-serif";

const TITLE = { size: 20, line: 26, weight: 700 };
const SUBTITLE = { size: 15, line: 20, weight: 400 };
const SMALL = { size: 13, line: 18, weight: 400 };

export type StandaloneInput = Pick<
  RenderedChart,
  "id" | "title" | "subtitle" | "notes" | "source" | "description" | "drawings"
>;

export interface StandaloneChart {
  svg: string;
  /** Size in CSS px; the PNG is twice each. */
  width: number;
  height: number;
}

// One DOM for every chart: only detached elements are made in it.
const { document } = parseHTML("<!doctype html><html><body></body></html>");

/** A line of text drawn into the image: where its baseline sits and how it looks. */
interface TextLine {
  text: string;
  y: number;
  size: number;
  bold: boolean;
  fill: string;
}

export interface StandaloneLayout {
  width: number;
  height: number;
  lines: TextLine[];
  /** Where the wide drawing goes, scaled to the inner width. */
  chart: { x: number; y: number; width: number; height: number };
}

/** Where everything goes, without drawing anything: cheap enough for a page to ask for the height. */
export function standaloneLayout(chart: StandaloneInput): StandaloneLayout {
  const drawing = wideDrawing(chart);
  const lines: TextLine[] = [];
  let y = PAD;
  const block = (text: string, style: typeof TITLE, fill: string) => {
    // Bold text runs wider than the estimate charts use for regular labels.
    const width = style.weight === 700 ? INNER / 1.08 : INNER;
    for (const line of wrapText(text, width, style.size, { breakWords: true })) {
      y += style.line;
      // The baseline sits a little above the bottom of the line box, as in CSS.
      const baseline = y - Math.round((style.line - style.size) / 2) - Math.round(style.size * 0.22);
      lines.push({ text: line, y: baseline, size: style.size, bold: style.weight === 700, fill });
    }
  };

  block(chart.title, TITLE, TEXT);
  if (chart.subtitle) block(chart.subtitle, SUBTITLE, MUTED);
  y += 12;
  // Scaled to the inner width, then down (keeping its shape, left-aligned) if still too tall.
  const scale = Math.min(INNER / drawing.width, MAX_DRAWING_HEIGHT / drawing.height);
  const height = Math.round(drawing.height * scale);
  // Plot draws some labels just outside its viewBox (overflow: visible on the page): leave room.
  const overflow = 8;
  const box = { x: PAD, y: y + overflow, width: Math.round(drawing.width * scale), height };
  y += overflow + height + overflow + 8;
  // The source line always fits: notes stop where they would push it past the cap.
  const sourceRoom = (text: string) => wrapText(text, INNER, SMALL.size, { breakWords: true }).length * SMALL.line;
  const source = `Source: ${chart.source}`;
  const room = STANDALONE_MAX_HEIGHT - PAD - sourceRoom(source) - SMALL.line;
  for (const [i, note] of chart.notes.entries()) {
    const text = `Note: ${note}`;
    if (y + sourceRoom(text) > room) {
      const left = chart.notes.length - i;
      block(
        `${left === 1 ? "A note does" : `${left} notes do`} not fit here: see the chart on the site.`,
        SMALL,
        MUTED,
      );
      break;
    }
    block(text, SMALL, MUTED);
  }
  block(source, SMALL, MUTED);
  return { width: STANDALONE_WIDTH, height: Math.min(y + PAD, STANDALONE_MAX_HEIGHT), lines, chart: box };
}

export function standaloneSvg(chart: StandaloneInput): StandaloneChart {
  const layout = standaloneLayout(chart);
  const { width, height } = layout;
  const titleId = `${chart.id}-title`;
  const descId = `${chart.id}-desc`;
  const text = layout.lines.map(
    (l) =>
      `<text x="${PAD}" y="${l.y}" font-size="${l.size}"${l.bold ? ' font-weight="700"' : ""} fill="${l.fill}">${escapeXml(l.text)}</text>`,
  );
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${titleId}" aria-describedby="${descId}" ` +
    `font-family="${FONT_FAMILY}" color="${TEXT}">` +
    `<title id="${titleId}">${escapeXml(chart.title)}</title>` +
    `<desc id="${descId}">${escapeXml(chart.description)}</desc>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    text.join("") +
    nestedDrawing(wideDrawing(chart).svg, layout.chart) +
    `</svg>\n`;
  return { svg, width, height };
}

function wideDrawing(chart: StandaloneInput) {
  const drawing = chart.drawings.find((d) => d.layout === "wide") ?? chart.drawings[0];
  if (!drawing) throw new Error(`Chart ${chart.id} has no drawing`);
  return drawing;
}

/** The page's drawing as a nested <svg>, scaled into place, with the page's CSS rules applied as attributes. */
function nestedDrawing(markup: string, box: { x: number; y: number; width: number; height: number }): string {
  const holder = document.createElement("div");
  holder.innerHTML = markup;
  const svg = holder.querySelector("svg");
  if (!svg) throw new Error("A chart drawing has no <svg>");
  for (const name of ["role", "aria-labelledby", "aria-describedby", "class", "style"]) svg.removeAttribute(name);
  for (const node of [...svg.querySelectorAll("title, desc")]) if (node.parentNode === svg) node.remove();
  svg.setAttribute("x", String(box.x));
  svg.setAttribute("y", String(box.y));
  svg.setAttribute("width", String(box.width));
  svg.setAttribute("height", String(box.height));
  svg.setAttribute("overflow", "visible");
  // site.css draws grid lines in a solid light grey rather than Plot's 10% currentColor.
  for (const grid of svg.querySelectorAll('[stroke-opacity="0.1"]')) {
    grid.setAttribute("stroke", GRID);
    grid.removeAttribute("stroke-opacity");
  }
  return svg.outerHTML;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
