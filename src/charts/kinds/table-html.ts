// A table chart as the page shows it: an HTML table in a frame that scrolls sideways on its own
// (focusable and named, so a keyboard can scroll it), figures right-aligned in tabular figures,
// bars as small SVGs beside them and shades as classes table-chart.css colours for light and dark mode.
// No script, no inline style. Every cell is text to hast, so a `<script>` cell prints as text.
import type { Element } from "hast";
import { toHtml } from "hast-util-to-html";
import { h, s } from "hastscript";
import { accent, primary } from "../theme.ts";
import type { TableCell, TableGrid } from "./table-grid.ts";

export interface TableHtmlOptions {
  /** The chart id: the ids in the table are made from it, unique on a page with several tables. */
  id: string;
  title: string;
  description: string;
}

export function tableHtml(grid: TableGrid, options: TableHtmlOptions): string {
  const captionId = `${options.id}-table-caption`;
  const descId = `${options.id}-table-desc`;
  const numberClass = (numeric: boolean) => (numeric ? ["num"] : undefined);
  const body = grid.rows.map((row) =>
    h(
      "tr",
      { className: row.highlighted ? ["is-highlighted"] : undefined },
      row.cells.map((cell, i) =>
        i === 0
          ? h("th", { scope: "row", className: numberClass(cell.numeric) }, [
              content(cell, row.highlighted),
              // Bold and the accent mark show it; a screen reader hears it.
              row.highlighted ? h("span", { className: ["visually-hidden"] }, " (highlighted)") : null,
            ])
          : h("td", { className: classes(cell) }, content(cell, row.highlighted)),
      ),
    ),
  );
  const table = h(
    "div",
    { className: ["chart-table", "table-scroll"], tabIndex: 0, role: "region", ariaLabelledBy: captionId },
    [
      h("table", { ariaDescribedBy: descId }, [
        h("caption", { id: captionId, className: ["visually-hidden"] }, options.title),
        h("thead", [
          h(
            "tr",
            grid.head.map((c) => h("th", { scope: "col", className: numberClass(c.numeric) }, c.title)),
          ),
        ]),
        h("tbody", body),
      ]),
    ],
  );
  const description = h("p", { id: descId, className: ["visually-hidden"] }, options.description);
  return toHtml([table, description]);
}

/** A cell's text, with its bar after it in a fixed track so every bar starts at one line. */
function content(cell: TableCell, highlighted: boolean): string | Element {
  if (!cell.bar) return cell.text;
  const bar = s(
    "svg",
    { className: ["table-bar"], viewBox: "0 0 100 10", preserveAspectRatio: "none", ariaHidden: "true" },
    [s("rect", { x: cell.bar.x, y: 0, width: cell.bar.width, height: 10, fill: highlighted ? accent : primary })],
  );
  return h("span", { className: ["table-bar-pair"] }, [h("span", cell.text), bar]);
}

function classes(cell: TableCell): string[] | undefined {
  const names = [...(cell.numeric ? ["num"] : []), ...(cell.shade === undefined ? [] : [`shade-${cell.shade}`])];
  return names.length ? names : undefined;
}
