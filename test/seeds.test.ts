// Checks that every figure in the seed fact sheets (seeds/*.yml) is reproduced by a dataset cell.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { loadDatasets } from "../src/data/index.ts";
import type { CellValue, Dataset, Row } from "../src/data/types.ts";

const root = process.cwd();
const seedsDir = join(root, "seeds");

// The fact-sheet format, documented at the top of seeds/nct-overspend-2023.yml.
const cellSchema = z
  .object({
    data: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    row: z.union([z.string(), z.number()]).optional(),
    where: z.string().optional(),
    col: z.string(),
    agg: z.enum(["sum", "count", "mean", "median", "min", "max"]).optional(),
  })
  .strict()
  .refine((cell) => !(cell.row !== undefined && cell.where !== undefined), "use `row` or `where`, not both");

const figureSchema = z
  .object({
    value: z.union([z.number(), z.string()]),
    unit: z.string(),
    period: z.union([z.string(), z.number()]),
    measures: z.string(),
    reported: z.string(),
    cell: cellSchema,
    tolerance: z.number().nonnegative().optional(),
    derived: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();

const factSheetSchema = z
  .object({
    article: z
      .object({
        title: z.string(),
        publication: z.string(),
        author: z.string().optional(),
        url: z.string().url().optional(),
        published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        approximate: z.boolean().optional(),
        date_note: z.string().optional(),
        sources: z.array(z.string()).optional(),
      })
      .strict(),
    figures: z.array(figureSchema).min(1),
    omitted: z.array(z.string()).optional(),
  })
  .strict();

type Figure = z.infer<typeof figureSchema>;
type CellRef = Figure["cell"];

const sheets = readdirSync(seedsDir)
  .filter((name) => name.endsWith(".yml"))
  .sort()
  .map((name) => ({ name, raw: parse(readFileSync(join(seedsDir, name), "utf8")) as unknown }));

/** A cell as text, for matching primary keys and `where` pairs. */
function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** The rows a cell reference points at: by primary key, by `where`, or all of them. */
function selectRows(dataset: Dataset, cell: CellRef): Row[] {
  if (cell.row !== undefined) {
    const parts = String(cell.row)
      .split(";")
      .map((part) => part.trim());
    expect(parts, `row \`${cell.row}\` against primary key ${dataset.primaryKey.join(", ")}`).toHaveLength(
      dataset.primaryKey.length,
    );
    return dataset.rows.filter((row) => dataset.primaryKey.every((key, i) => cellText(row[key]) === parts[i]));
  }
  if (cell.where !== undefined) {
    const pairs = cell.where
      .split(";")
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf("=");
        expect(at, `\`${pair}\` in where`).toBeGreaterThan(0);
        return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()] as const;
      });
    return dataset.rows.filter((row) => pairs.every(([column, text]) => cellText(row[column]) === text));
  }
  return dataset.rows;
}

/** Combines the numeric cells of several rows, as `:value{agg=...}` does. */
function aggregate(values: CellValue[], agg: NonNullable<CellRef["agg"]>): number {
  if (agg === "count") return values.filter((v) => v !== null).length;
  const numbers = values.filter((v): v is number => typeof v === "number");
  expect(numbers.length, "numeric cells to aggregate").toBeGreaterThan(0);
  const sorted = [...numbers].sort((a, b) => a - b);
  switch (agg) {
    case "sum":
      return numbers.reduce((a, b) => a + b, 0);
    case "mean":
      return numbers.reduce((a, b) => a + b, 0) / numbers.length;
    case "min":
      return sorted[0]!;
    case "max":
      return sorted[sorted.length - 1]!;
    case "median": {
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    }
  }
}

/** The value a fact-sheet cell reference resolves to. */
function resolveCell(datasets: Map<string, Dataset>, cell: CellRef): CellValue {
  const dataset = datasets.get(cell.data);
  expect(dataset, `dataset \`${cell.data}\``).toBeDefined();
  const columns = dataset!.fields.map((field) => field.name);
  expect(columns, `columns of \`${cell.data}\``).toContain(cell.col);
  const rows = selectRows(dataset!, cell);
  if (cell.agg) {
    expect(rows.length, `rows matched in \`${cell.data}\``).toBeGreaterThan(0);
    return aggregate(
      rows.map((row) => row[cell.col] ?? null),
      cell.agg,
    );
  }
  expect(rows, `rows of \`${cell.data}\` matching ${cell.row ?? cell.where ?? "(all)"}`).toHaveLength(1);
  return rows[0]![cell.col] ?? null;
}

describe("seed fact sheets", () => {
  let datasets: Map<string, Dataset>;
  let errors: string[];

  beforeAll(async () => {
    const result = await loadDatasets({ root });
    datasets = result.datasets;
    errors = result.messages
      .filter((message) => message.fatal)
      .map((message) => `${message.file}:${message.line}:${message.column}: ${message.reason}`);
  });

  it("loads every dataset without errors", () => {
    expect(errors).toEqual([]);
  });

  it("finds at least one fact sheet", () => {
    expect(sheets.length).toBeGreaterThan(0);
  });

  for (const sheet of sheets) {
    describe(sheet.name, () => {
      const parsed = factSheetSchema.safeParse(sheet.raw);

      it("follows the fact-sheet format", () => {
        expect(parsed.error?.issues ?? []).toEqual([]);
      });

      if (!parsed.success) return;
      for (const figure of parsed.data.figures) {
        it(`reproduces ${figure.reported} (${figure.measures}) from ${figure.cell.data}`, () => {
          const actual = resolveCell(datasets, figure.cell);
          if (typeof figure.value === "string") {
            expect(cellText(actual)).toBe(figure.value);
            return;
          }
          expect(typeof actual, "a numeric cell").toBe("number");
          // Exact unless the sheet states how far the article rounds; the relative slack absorbs float error.
          const tolerance = figure.tolerance ?? Math.abs(figure.value) * 1e-9;
          expect(Math.abs((actual as number) - figure.value)).toBeLessThanOrEqual(tolerance);
        });
      }
    });
  }

  it("splits the 2022/23 overspend between the councils without losing any of it", () => {
    const split = datasets.get("nct-overspend-split-2022-23")!.rows;
    const shares = split.reduce((sum, row) => sum + (row.share as number), 0);
    const overspend = resolveCell(datasets, { data: "nct-budget", row: "2022/23", col: "overspend" }) as number;
    expect(Math.abs(shares - overspend)).toBeLessThan(1);
  });
});
