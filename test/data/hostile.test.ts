// Hostile input at the data layer (issue 17): whatever a council or an author writes, reading it
// ends in a result or positioned messages, in time that grows linearly with the input.
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data/index.ts";
import { lookupCell } from "../../src/data/lookup.ts";
import { parseNumberCell } from "../../src/data/numbers.ts";
import type { Dataset, Field } from "../../src/data/types.ts";
import { tempProject } from "./helpers.ts";

const numberField: Field = { name: "amount", type: "number", title: "Amount", scale: 1, line: 1, column: 1 };

/** Milliseconds `run` takes: bounds here are generous (linear work takes a few ms; quadratic, minutes). */
function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe("number cells", () => {
  it("rejects a 100,000-digit cell ending in a letter in linear time, with the usual hint", () => {
    const cell = `${"1".repeat(100_000)}a`;
    let result: ReturnType<typeof parseNumberCell> | undefined;
    expect(timed(() => (result = parseNumberCell(cell, numberField)))).toBeLessThan(1000);
    expect(result).toMatchObject({ problem: { fix: expect.stringContaining("remove `a` from the cell") } });
  });

  it("rejects 100,000 digits after a decimal point followed by a letter in linear time", () => {
    const cell = `.${"1".repeat(100_000)}e`;
    expect(timed(() => parseNumberCell(cell, numberField))).toBeLessThan(1000);
  });
});

describe("where in :value", () => {
  const dataset = {
    id: "budget",
    fields: [numberField],
    primaryKey: [],
    rows: [{ amount: 1 }],
    rowLines: [2],
    cells: [{ amount: "1" }],
  } as unknown as Dataset;

  it("reads a where with a 200,000-space run in linear time", () => {
    const where = `amount${" ".repeat(200_000)}x`;
    let result: ReturnType<typeof lookupCell> | undefined;
    expect(timed(() => (result = lookupCell(dataset, { where, col: "amount" })))).toBeLessThan(1000);
    expect(result).toEqual({ problem: { kind: "bad-where", part: where } });
    const padded = `amount =${" ".repeat(200_000)}1${" ".repeat(200_000)}x`;
    expect(timed(() => lookupCell(dataset, { where: padded, col: "amount" }))).toBeLessThan(1000);
  });

  it("still trims a pair's column and value and refuses a pair without a column or `=`", () => {
    expect(lookupCell(dataset, { where: "  amount =  1  ", col: "amount" })).toMatchObject({ value: 1 });
    expect(lookupCell(dataset, { where: "=1", col: "amount" })).toEqual({ problem: { kind: "bad-where", part: "=1" } });
    expect(lookupCell(dataset, { where: "amount", col: "amount" })).toMatchObject({ problem: { kind: "bad-where" } });
  });
});

describe("a wrong type on every row of a big file", () => {
  it("reports the first five cells per column and `and N more` for 200,000 bad rows", () => {
    const sidecar = [
      "title: Payments",
      "fields:",
      "  - { name: paid, type: date, dateFormat: DD/MM/YYYY }",
      "  - { name: amount, type: number }",
      "",
    ].join("\n");
    const csv = `paid,amount\n${"2024-01-05,lots\n".repeat(200_000)}`;
    const root = tempProject({ "payments.csv": csv, "payments.yml": sidecar });
    const { dataset, messages } = loadDataset({ root, id: "payments" });
    expect(dataset).toBeUndefined();
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      ...[2, 3, 4, 5, 6].flatMap((line) => [`${line}:1 CellInvalid`, `${line}:12 CellInvalid`]),
      "7:1 CellRepeats",
      "7:12 CellRepeats",
    ]);
    expect(messages.at(-1)!.reason).toBe("and 199995 more problems like this in column `amount`");
  }, 20_000);
});
