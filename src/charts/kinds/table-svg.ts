// A table chart drawn as SVG, for what cannot show an HTML table: the standalone `/charts/<id>.svg`
// and the PNG rasterised from it (newsletters, social posts). Rows of text on white with the bars
// and shades, at most TABLE_SVG_ROWS of them and a line saying how many more; long text cut with
// an ellipsis so the image keeps its width.
import { accent, primary, tableShades, textWidth } from "../theme.ts";
import type { TableGrid } from "./table-grid.ts";

/** Rows drawn in the image: a PNG in an email is read at a glance, and must stay a sensible height. */
export const TABLE_SVG_ROWS = 30;

const WIDTH = 640;
const FONT = 14;
const ROW = 26;
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
  const parts: string[] = [];
  const y = (i: number) => ROW * (i + 1);
  // The head, bold; numbers' headings right-aligned over them.
  let x = 0;
  grid.head.forEach((c, i) => {
    const w = widths[i]!;
    const bar = shown.some((r) => r.cells[i]?.bar) ? TRACK + GAP / 2 : 0;
    parts.push(text(fit(c.title, w + bar, 1.08), c.numeric ? x + w : x, y(0) - 8, { bold: true, end: c.numeric }));
    x += w + bar + GAP;
  });
  const width = Math.max(WIDTH, x - GAP);
  parts.push(line(y(0), width));
  shown.forEach((row, r) => {
    const top = y(r);
    if (row.highlighted) parts.push(`<rect x="0" y="${top}" width="${width}" height="${ROW}" fill="${HIGHLIGHT}"/>`);
    let left = 0;
    row.cells.forEach((cell, i) => {
      const w = widths[i]!;
      const hasTrack = shown.some((other) => other.cells[i]?.bar);
      if (cell.shade !== undefined)
        parts.push(
          `<rect x="${left - GAP / 2}" y="${top}" width="${w + GAP}" height="${ROW}" fill="${tableShades.light[cell.shade]}"/>`,
        );
      const label = cell.numeric ? cell.text : fit(cell.text, w, row.highlighted ? 1.08 : 1);
      parts.push(
        text(label, cell.numeric ? left + w : left, top + ROW - 8, { bold: row.highlighted, end: cell.numeric }),
      );
      if (cell.bar) {
        const scale = TRACK / 100;
        parts.push(
          `<rect x="${round(left + w + GAP / 2 + cell.bar.x * scale)}" y="${top + 8}" width="${round(cell.bar.width * scale)}" height="${ROW - 16}" fill="${row.highlighted ? accent : primary}"/>`,
        );
      }
      left += w + (hasTrack ? TRACK + GAP / 2 : 0) + GAP;
    });
    parts.push(line(top + ROW, width));
  });
  let height = y(shown.length) + 6;
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

/** Text cut with an ellipsis where it would pass `width`. */
function fit(raw: string, width: number, widen: number): string {
  const value = clean(raw);
  if (textWidth(value, FONT) * widen <= width) return value;
  let cut = value;
  while (cut && textWidth(`${cut}…`, FONT) * widen > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
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
