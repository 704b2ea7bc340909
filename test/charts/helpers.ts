// Test helpers: chart blocks drawn against the tiny datasets in test/fixtures/charts.
import { join } from "node:path";
import { renderChart } from "../../src/charts/render.ts";
import { resolveChart } from "../../src/charts/resolve.ts";
import { parseChartBlock } from "../../src/charts/spec.ts";
import { loadDatasets } from "../../src/data/index.ts";
import type { VFileMessage } from "../../src/errors/diagnostic.ts";

export const fixtureRoot = join(import.meta.dirname, "..", "fixtures", "charts");
const loaded = loadDatasets({ root: fixtureRoot });
if (loaded.messages.some((m) => m.fatal !== false)) {
  throw new Error(`chart fixtures have data errors: ${loaded.messages.map((m) => m.reason).join("; ")}`);
}
export const datasets = loaded.datasets;

/** `file:line:column: reason` for each message, as the printer's first line shows it. */
export function lines(messages: readonly VFileMessage[]): string[] {
  return messages.map((m) => `${m.file}:${m.line}:${m.column}: ${m.reason}`);
}

/** Parses, resolves and renders a chart block written at line 10 of `story.md`. */
export function draw(block: string) {
  const { spec, messages } = parseChartBlock(block, { file: "story.md", fenceLine: 10, defaultId: "story-1" });
  if (!spec) return { messages };
  const resolved = resolveChart(spec, datasets);
  if (!resolved.chart) return { messages: [...messages, ...resolved.messages] };
  return { chart: renderChart(resolved.chart), data: resolved.chart, messages: [...messages, ...resolved.messages] };
}

/**
 * An SVG with one element per line, indented by depth, so a snapshot's diff shows which mark
 * moved. Text stays on its element's line; attribute order and values are kept as drawn.
 */
export function prettySvg(svg: string): string {
  const tokens = svg.match(/<[^>]+>|[^<]+/g) ?? [];
  const lines: string[] = [];
  let depth = 0;
  const isOpen = (t: string | undefined) => !!t && t.startsWith("<") && !t.startsWith("</") && !t.endsWith("/>");
  const isClose = (t: string | undefined) => !!t && t.startsWith("</");
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const indent = "  ".repeat(depth);
    if (isOpen(token) && !tokens[i + 1]?.startsWith("<") && isClose(tokens[i + 2])) {
      lines.push(indent + token + tokens[i + 1] + tokens[i + 2]);
      i += 2;
    } else if (isOpen(token) && isClose(tokens[i + 1])) {
      lines.push(indent + token + tokens[i + 1]);
      i += 1;
    } else if (isOpen(token)) {
      lines.push(indent + token);
      depth++;
    } else if (isClose(token)) {
      depth--;
      lines.push("  ".repeat(depth) + token);
    } else if (token.trim()) {
      lines.push(indent + token);
    }
  }
  return `${lines.join("\n")}\n`;
}
