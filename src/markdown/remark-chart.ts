// remark plugin: each ```chart block becomes a placeholder for its rendered figure.
// The work is in parseChartBlock, resolveChart and renderChart; this is the glue.
import type { Code, Root } from "mdast";
import type { Plugin } from "unified";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { chartKey, noChartCache, type ChartCache } from "../cache/charts.ts";
import { customModuleSource } from "../charts/custom.ts";
import { renderChart, type RenderedChart } from "../charts/render.ts";
import { checkChartDraft, resolveChart, type ChartData } from "../charts/resolve.ts";
import { parseChartBlock } from "../charts/spec.ts";
import type { Dataset } from "../data/types.ts";
import { diagnostic } from "../errors/diagnostic.ts";

export interface RemarkChartOptions {
  datasets: ReadonlyMap<string, Dataset>;
  /** Datasets that exist but failed to load: charts on them get a short pointer, not a second error. */
  invalidDatasets?: ReadonlySet<string>;
  /** The story's slug, for default chart ids (`<slug>-<n>`). */
  slug: string;
  /** Rendered charts by content hash; charts are drawn afresh without one. */
  cache?: ChartCache;
}

/** What a story's charts leave on `file.data` for later plugins and pages. */
export interface ChartFileData {
  charts: RenderedChart[];
  /** The line of each chart's opening fence, by chart id. */
  chartLines: Record<string, number>;
  /** Where each chart's id is written (its `id:` value, or the fence when it has none). */
  chartPlaces: Record<string, { line: number; column: number }>;
}

export const PLACEHOLDER_ATTRIBUTE = "dataPlotlineChart";

export const remarkChart: Plugin<[RemarkChartOptions], Root> = (options) => (tree, file: VFile) => {
  const data = file.data as Partial<ChartFileData>;
  data.charts = [];
  data.chartLines = {};
  data.chartPlaces = {};
  let n = 0;
  visit(tree, "code", (node: Code, index, parent) => {
    if (node.lang !== "chart" || !parent || index === undefined) return;
    n++;
    const fenceLine = node.position?.start.line ?? 1;
    const file_ = file.path ?? "<story>";
    const { spec, draft, messages } = parseChartBlock(node.value, {
      file: file_,
      fenceLine,
      fenceColumn: node.position?.start.column,
      defaultId: `${options.slug}-${n}`,
    });
    file.messages.push(...messages);
    // A block with errors is still checked against its dataset, so one build reports them all.
    if (draft) file.messages.push(...checkChartDraft(draft, options.datasets, options.invalidDatasets));
    let replacement: unknown = { type: "html", value: "" };
    if (spec) {
      const resolved = resolveChart(spec, options.datasets, options.invalidDatasets);
      file.messages.push(...resolved.messages);
      const idPlace = spec.id === `${options.slug}-${n}` ? { line: fenceLine, column: 1 } : spec.placeOf(["id"]);
      const earlier = data.chartLines![spec.id];
      if (resolved.chart && earlier !== undefined) {
        // Two charts of one story with one id; site.ts catches ids repeated across stories.
        file.messages.push(
          diagnostic("ChartIdDuplicate", { id: spec.id, other: `${file_}:${earlier}` }, { file: file_, ...idPlace }),
        );
      } else if (resolved.chart) {
        const key = chartKey({
          block: node.value,
          defaultId: `${options.slug}-${n}`,
          datasetDigest: resolved.chart.dataset.digest,
          module: spec.module ? customModuleSource(spec.module) : undefined,
        });
        const cache = options.cache ?? noChartCache;
        let rendered = cache.get(key);
        if (!rendered) {
          rendered = drawOrReport(resolved.chart, file);
          if (rendered) cache.set(key, rendered);
        }
        if (!rendered) {
          parent.children.splice(index, 1, replacement as Code);
          return;
        }
        data.charts!.push(rendered);
        data.chartLines![rendered.id] = fenceLine;
        data.chartPlaces![rendered.id] = idPlace;
        replacement = {
          type: "plotlineChart",
          data: { hName: "div", hProperties: { [PLACEHOLDER_ATTRIBUTE]: rendered.id } },
        };
      }
    }
    parent.children.splice(index, 1, replacement as Code);
  });
};

/**
 * Draws a chart. A custom module is the project's code, not Plotline's, and may throw on rows it
 * did not expect: that is reported at its `module` key with the other errors, not as a crash.
 */
function drawOrReport(chart: ChartData, file: VFile): RenderedChart | undefined {
  if (chart.spec.type !== "custom") return renderChart(chart);
  try {
    return renderChart(chart);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
    const place = { file: chart.spec.file, ...chart.spec.placeOf(["module"]) };
    file.messages.push(diagnostic("ChartCustomFailed", { module: chart.spec.module!, reason }, place));
    return undefined;
  }
}
