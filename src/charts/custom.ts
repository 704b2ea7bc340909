// `type: custom` charts: the rare chart the language cannot express, written as a TypeScript
// module `src/charts/custom/<name>.ts` whose default export turns the rows into Plot options.
// Modules are loaded with Node's own require (Node 24 strips types and can require ES modules),
// so the same module loads in `npm run check`, in the Astro build and in tests. Plot is handed
// to the module rather than imported by it, so its marks come from the same Plot that draws them.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import * as Plot from "@observablehq/plot";
import { formatValue, numberFormatter } from "../data/index.ts";
import type { Dataset, Field, Row } from "../data/types.ts";
import type { ChartSpec } from "./spec.ts";
import { palette, primary, accent, muted, type Layout } from "./theme.ts";

export interface CustomChartContext {
  /** The dataset's rows after the chart's `filter`, in file order. */
  rows: Row[];
  dataset: Dataset;
  spec: ChartSpec;
  /** The size being drawn: `wide` (640 px) or `narrow` (320 px). */
  layout: Layout;
  /** Formats a value of a column by its field, as the rest of the site does. */
  format: (column: string, value: number) => string;
  /** A tick formatter for a column's values. */
  formatter: (column: string) => (value: number) => string;
  colors: { palette: readonly string[]; primary: string; accent: string; muted: string };
  Plot: typeof Plot;
}

export type CustomChart = (context: CustomChartContext) => Plot.PlotOptions;

/** Where custom modules live: the project's source, not the content folder. */
export const customChartDir = () => join(process.cwd(), "src", "charts", "custom");

const cache = new Map<string, CustomChart>();

/** The module's chart function, or why it cannot be used. */
export function loadCustomChart(name: string): { chart: CustomChart } | { reason: string } {
  const cached = cache.get(name);
  if (cached) return { chart: cached };
  const path = join(customChartDir(), `${name}.ts`);
  if (!existsSync(path)) return { reason: `there is no file \`src/charts/custom/${name}.ts\`` };
  let loaded: unknown;
  try {
    loaded = createRequire(join(process.cwd(), "package.json"))(path);
  } catch (error) {
    return { reason: `it failed to load (${(error as Error).message.split("\n")[0]})` };
  }
  const chart = (loaded as { default?: unknown }).default;
  if (typeof chart !== "function") return { reason: "its default export is not a function" };
  cache.set(name, chart as CustomChart);
  return { chart: chart as CustomChart };
}

export function customContext(options: {
  rows: Row[];
  dataset: Dataset;
  spec: ChartSpec;
  layout: Layout;
}): CustomChartContext {
  const fieldOf = (column: string): Field =>
    options.dataset.fields.find((f) => f.name === column) ?? {
      name: column,
      type: "number",
      title: column,
      scale: 1,
      line: 0,
      column: 0,
    };
  return {
    ...options,
    format: (column, value) => formatValue(value, fieldOf(column), options.spec.format),
    formatter: (column) => numberFormatter(fieldOf(column), options.spec.format),
    colors: { palette, primary, accent, muted },
    Plot,
  };
}

/** The module's source text, part of a custom chart's cache key (empty if it does not exist). */
export function customModuleSource(name: string): string {
  try {
    return readFileSync(join(customChartDir(), `${name}.ts`), "utf8");
  } catch {
    return "";
  }
}
