// A table chart drawn as SVG, for what cannot show an HTML table: the standalone `/charts/<id>.svg`
// and the PNG rasterised from it (newsletters, social posts). Rows of text on white with the bars
// and shades, at most TABLE_SVG_ROWS of them and a line saying how many more; long text wraps
// within its column so the image keeps its width.
import { accent, primary, tableShades, textWidth, wrapText } from "../theme.ts";
import type { TableGrid } from "./table-grid.ts";

/** Rows drawn in the image: a PNG in an email is read at a glance, and must stay a sensible height. */
export const TABLE_SVG_ROWS = 30;

const WIDTH = 640;
const FONT = 14;
const ROW = 26;
const LINE = 18;
/** The most lines one cell wraps to in the image. */
const MAX_LINES = 8;
const GAP = 14;
/** The bar track beside the bar column's figures. */
const TRACK = 110;
/** The widest a text column starts at, before the table is fitted into the width. */
const MAX_TEXT = 260;
const TEXT = "#1b1d22";
const RULE = "#d9dce2";
const HIGHLIGHT = "#fbece6";

export function tableSvg(
  grid: TableGrid,
  options: { id: string; title: string; description: string },
): {
  svg: string;
  width: number;
  height: number;
} {
  const shown = grid.rows.slice(0, TABLE_SVG_ROWS);
  const more = grid.rows.length - shown.length;
  const widths = columnWidths(grid, shown);
  const tracks = grid.head.map((_, i) => (shown.some((r) => r.cells[i]?.bar) ? TRACK + GAP / 2 : 0));
  const lefts = widths.map((_, i) => widths.slice(0, i).reduce((sum, w, j) => sum + w + tracks[j]! + GAP, 0));
  const width = Math.max(WIDTH, lefts.at(-1)! + widths.at(-1)! + tracks.at(-1)!);
  const parts: string[] = [];
  // Each cell's lines: text wraps within its column (a long word is broken, never cut off), figures stay on one.
  const linesOf = (value: string, w: number, numeric: boolean, bold: boolean) =>
    numeric ? [clean(value)] : wrapLines(value, w / (bold ? 1.08 : 1));
  // The head, bold, at the bottom of its row; numbers' headings right-aligned over them.
  const heads = grid.head.map((c, i) => linesOf(c.title, widths[i]! + tracks[i]!, false, true));
  let top = Math.max(...heads.map((l) => l.length)) * LINE + 8;
  heads.forEach((lines, i) => {
    const c = grid.head[i]!;
    const x = c.numeric ? lefts[i]! + widths[i]! : lefts[i]!;
    lines.forEach((l, n) =>
      parts.push(text(l, x, top - 8 - (lines.length - 1 - n) * LINE, { bold: true, end: c.numeric })),
    );
  });
  parts.push(line(top, width));
  for (const row of shown) {
    const cells = row.cells.map((cell, i) => linesOf(cell.text, widths[i]!, cell.numeric, row.highlighted));
    const height = Math.max(ROW, Math.max(...cells.map((l) => l.length)) * LINE + 8);
    if (row.highlighted) parts.push(`<rect x="0" y="${top}" width="${width}" height="${height}" fill="${HIGHLIGHT}"/>`);
    row.cells.forEach((cell, i) => {
      const [left, w] = [lefts[i]!, widths[i]!];
      if (cell.shade !== undefined)
        parts.push(
          `<rect x="${left - GAP / 2}" y="${top}" width="${w + GAP}" height="${height}" fill="${tableShades.light[cell.shade]}"/>`,
        );
      cells[i]!.forEach((l, n) =>
        parts.push(
          text(l, cell.numeric ? left + w : left, top + 18 + n * LINE, { bold: row.highlighted, end: cell.numeric }),
        ),
      );
      if (cell.bar) {
        const scale = TRACK / 100;
        parts.push(
          `<rect x="${round(left + w + GAP / 2 + cell.bar.x * scale)}" y="${top + 8}" width="${round(cell.bar.width * scale)}" height="${ROW - 16}" fill="${row.highlighted ? accent : primary}"/>`,
        );
      }
    });
    top += height;
    parts.push(line(top, width));
  }
  let height = top + 6;
  if (more > 0) {
    height += ROW;
    const rows = `${more.toLocaleString("en-GB")} more ${more === 1 ? "row" : "rows"}`;
    parts.push(text(`And ${rows}: see the table on the site.`, 0, height - 10, { bold: false, end: false }));
  }
  const ids = { title: `${options.id}-wide-title`, desc: `${options.id}-wide-desc` };
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="plotline-chart" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" font-size="${FONT}" role="img" aria-labelledby="${ids.title}" aria-describedby="${ids.desc}">` +
    `<title id="${ids.title}">${escapeXml(options.title)}</title><desc id="${ids.desc}">${escapeXml(options.description)}</desc>` +
    parts.join("") +
    `</svg>`;
  return { svg, width, height };
}

/** Each column as wide as its widest cell (text columns at most MAX_TEXT), text columns shrunk to fit the width. */
function columnWidths(grid: TableGrid, rows: TableGrid["rows"]): number[] {
  const natural = grid.head.map((c, i) => {
    const cells = rows.map((r) => textWidth(clean(r.cells[i]?.text ?? ""), FONT) * (r.highlighted ? 1.08 : 1));
    const widest = Math.ceil(Math.max(textWidth(clean(c.title), FONT) * 1.08, ...cells));
    return c.numeric ? widest : Math.min(widest, MAX_TEXT);
  });
  const tracks = grid.head.filter((_, i) => rows.some((r) => r.cells[i]?.bar)).length * (TRACK + GAP / 2);
  const fixed = natural.reduce((sum, w, i) => sum + (grid.head[i]!.numeric ? w : 0), 0) + tracks;
  const text = natural.reduce((sum, w, i) => sum + (grid.head[i]!.numeric ? 0 : w), 0);
  const room = WIDTH - fixed - GAP * (natural.length - 1);
  if (text <= room || text === 0) return natural;
  // Text columns give up width in proportion, down to 60 px each.
  return natural.map((w, i) => (grid.head[i]!.numeric ? w : Math.max(60, Math.floor((w * Math.max(room, 0)) / text))));
}

/**
 * Text wrapped within `width`, a word longer than that broken where the line is full; past
 * MAX_LINES (a cell pasted with a whole report in it) the last line ends in an ellipsis.
 */
function wrapLines(raw: string, width: number): string[] {
  const lines = wrapText(clean(raw), width, FONT, { breakWords: true });
  if (lines.length <= MAX_LINES) return lines;
  return [...lines.slice(0, MAX_LINES - 1), `${lines[MAX_LINES - 1]!.slice(0, -1)}…`];
}

/** One line of text: line breaks and tabs in a cell read as spaces, and no control character reaches the XML. */
const clean = (value: string) =>
  value
    .replace(/[\u0000-\u001F\u007F]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

function text(value: string, x: number, y: number, style: { bold: boolean; end: boolean }): string {
  const attrs = `${style.end ? ' text-anchor="end"' : ""}${style.bold ? ' font-weight="700"' : ""}`;
  return `<text x="${round(x)}" y="${y}" fill="${TEXT}"${attrs}>${escapeXml(value)}</text>`;
}

const line = (y: number, width: number) => `<path d="M0,${y}H${width}" stroke="${RULE}" stroke-width="1"/>`;

const round = (n: number) => Math.round(n * 10) / 10;

function escapeXml(value: string): string {
  return clean(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
