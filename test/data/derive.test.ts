// Derived columns: a safe arithmetic parser and null-preserving evaluation.
import { describe, expect, it } from "vitest";
import * as derive from "../../src/data/derive.ts";
import { evaluateExpression, expressionNames, parseExpression } from "../../src/data/derive.ts";
import { loadDataset } from "../../src/data/index.ts";
import type { Row } from "../../src/data/types.ts";
import { printed, tempProject } from "./helpers.ts";

const run = (source: string, row: Row) => {
  const parsed = parseExpression(source);
  if ("error" in parsed) throw new Error(parsed.error.reason);
  return evaluateExpression(parsed.expression, row);
};
const errorOf = (source: string) => {
  const parsed = parseExpression(source);
  return "error" in parsed ? parsed.error : undefined;
};

describe("the derive module", () => {
  it("exports the parser, its names and the evaluator", () => {
    expect(Object.keys(derive).sort()).toEqual(["evaluateExpression", "expressionNames", "parseExpression"]);
  });
});

describe("parsing expressions", () => {
  it("follows arithmetic's precedence and left associativity", () => {
    const row = { a: 10, b: 4, c: 2 };
    expect(run("a - b - c", row)).toBe(4);
    expect(run("a / b / c", row)).toBe(1.25);
    expect(run("a - b * c", row)).toBe(2);
    expect(run("(a - b) * c", row)).toBe(12);
    expect(run("-a * (b + 2)", row)).toBe(-60);
    expect(run("- -a", row)).toBe(10);
    expect(run(".5 * a + 1.25", row)).toBe(6.25);
  });

  it("reads column names with underscores and digits", () => {
    const parsed = parseExpression("weekly_cost_2023 * 52 + _x");
    expect("expression" in parsed && expressionNames(parsed.expression)).toEqual([
      { name: "weekly_cost_2023", index: 0 },
      { name: "_x", index: 24 },
    ]);
  });

  it.each([
    ["budget; rm", 6, "unexpected `;`"],
    ["Math.max(budget)", 4, "unexpected `.`"],
    ["budget ** 2", 8, "unexpected `*`"],
    ["sqrt(a)", 4, "unexpected `(`"],
    ["eval('1')", 5, "unexpected `'`"],
    ["a b", 2, "unexpected `b`"],
    ["", 0, "unexpected end of expression"],
    ["(a + b", 6, "missing `)`"],
    ["a +", 3, "unexpected end of expression"],
    ["a) ", 1, "unexpected `)`"],
    ["1.2.3", 3, "unexpected `.3`"],
  ])("refuses `%s` at character %d: %s", (source, index, reason) => {
    expect(errorOf(source)).toEqual({ index, reason });
  });
});

describe("evaluating expressions", () => {
  it("gives null for a missing input, never zero", () => {
    expect(run("a + b", { a: 1, b: null })).toBeNull();
    expect(run("a * 0", { a: null })).toBeNull();
    expect(run("a + 1", { a: "text" })).toBeNull();
  });

  it("gives null for a division by zero", () => {
    expect(run("a / b", { a: 1, b: 0 })).toBeNull();
    expect(run("a / (b - b)", { a: 1, b: 3 })).toBeNull();
  });

  it("rounds away float noise", () => {
    expect(run("a + b", { a: 0.1, b: 0.2 })).toBe(0.3);
    expect(run("a - a", { a: 0.1 })).toBe(0);
    expect(Object.is(run("-a", { a: 0 }), 0)).toBe(true);
  });
});

describe("derived fields in a dataset", () => {
  const csv = "area,posts,vacancies\nNorth,1752,429\nSouth,0,0\nWest,,5\n";
  const fields =
    "fields:\n  - { name: area, type: string }\n  - { name: posts, type: integer }\n  - { name: vacancies, type: integer }\n";

  it("computes in sidecar order, so a derived field may use an earlier one", () => {
    const sidecar = `title: W\n${fields}derive:\n  - { name: in_post, type: integer, expression: posts - vacancies }\n  - { name: rate, unit: percent, expression: vacancies / posts * 100 }\n`;
    const { dataset, messages } = loadDataset({ root: tempProject({ "w.csv": csv, "w.yml": sidecar }), id: "w" });
    expect(messages).toEqual([]);
    expect(dataset?.rows.map((r) => [r.in_post, r.rate])).toEqual([
      [1323, 24.486301369863],
      [0, null],
      [null, null],
    ]);
    expect(dataset?.fields.slice(-2).map((f) => [f.name, f.type])).toEqual([
      ["in_post", "integer"],
      ["rate", "number"],
    ]);
  });

  it("reports an integer derived field whose result is a fraction, at its expression", () => {
    const sidecar = `title: W\n${fields}derive:\n  - name: half\n    type: integer\n    expression: vacancies / 2\n`;
    expect(printed(loadDataset({ root: tempProject({ "w.csv": csv, "w.yml": sidecar }), id: "w" }).messages)).toEqual([
      "data/w.yml:9:17: error: Unexpected `214.5` for derived column `half` from CSV line 2, expected a whole number  [DeriveNotInteger]\n" +
        "  hint: change the field's `type` to `number`",
    ]);
  });

  it("reports one mistake once: no second error for a name that refers to a broken derive or a missing column", () => {
    const sidecar = `title: W\n${fields}  - { name: budget, type: number }\nderive:\n  - { name: a, expression: "posts ^ 2" }\n  - { name: b, expression: a + budget }\n`;
    const messages = loadDataset({ root: tempProject({ "w.csv": csv, "w.yml": sidecar }), id: "w" }).messages;
    expect(messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      "data/w.yml:6:5 CsvColumnMissing",
      "data/w.yml:8:35 DeriveSyntax",
    ]);
  });

  it("refuses a derived field named like a declared field or like a CSV column", () => {
    const twice = `title: W\n${fields}derive:\n  - { name: posts, expression: vacancies * 2 }\n`;
    const messages = loadDataset({ root: tempProject({ "w.csv": csv, "w.yml": twice }), id: "w" }).messages;
    expect(printed(messages)).toEqual([
      "data/w.yml:7:13: error: Unexpected `posts` for `name`, expected a name no other field has  [SidecarInvalidValue]\n" +
        "  hint: rename it: line 4 already declares `posts`",
    ]);
    const extra = {
      "w.csv": "area,posts,vacancies,double\nNorth,1,2,4\n",
      "w.yml": `title: W\n${fields}derive:\n  - { name: double, expression: vacancies * 2 }\n`,
    };
    expect(printed(loadDataset({ root: tempProject(extra), id: "w" }).messages)).toEqual([
      "data/w.yml:7:5: error: Unexpected `double` for `name`, expected a name no CSV column has  [SidecarInvalidValue]\n" +
        "  hint: rename the derived field, or the CSV column on line 1",
    ]);
  });
});

describe("expressions past the limits", () => {
  it("refuses brackets nested 3,000 deep at the 101st, without overflowing the stack", () => {
    const source = `${"(".repeat(3000)}a${")".repeat(3000)}`;
    expect(errorOf(source)).toEqual({
      index: 100,
      reason: "more than 100 brackets or minus signs inside each other",
      tooComplex: true,
    });
    expect(errorOf(`${"-".repeat(3000)}a`)).toMatchObject({ index: 100, tooComplex: true });
    expect(run(`${"(".repeat(100)}a${")".repeat(100)}`, { a: 2 })).toBe(2);
  });

  it("refuses 20,000 terms at the 1,000th operator, and evaluates 1,000", () => {
    const terms = (n: number) => Array<string>(n).fill("a").join(" + ");
    expect(errorOf(terms(20_000))).toEqual({ index: 3998, reason: "more than 1000 terms", tooComplex: true });
    expect(run(terms(1000), { a: 1 })).toBe(1000);
    expect(
      expressionNames((parseExpression(terms(1000)) as { expression: derive.Expression }).expression),
    ).toHaveLength(1000);
  });

  it("reports a too-deep expression in a sidecar at its character, shortened, with a hint to split it", () => {
    const expression = `${"(".repeat(150)}budget${")".repeat(150)}`;
    const sidecar = `title: T\nfields:\n  - { name: budget, type: number }\nderive:\n  - { name: total, expression: "${expression}" }\n`;
    const root = tempProject({ "t.csv": "budget\n1\n", "t.yml": sidecar });
    expect(printed(loadDataset({ root, id: "t" }).messages)).toEqual([
      `data/t.yml:5:133: error: Unexpected expression \`${"(".repeat(59)}…\` for derived column \`total\`: more than 100 brackets or minus signs inside each other, expected a shorter one  [DeriveTooComplex]\n` +
        "  hint: split it into several derived columns: each may use the ones before it, e.g. `subtotal: a + b` then `total: subtotal + c`",
    ]);
  });
});
