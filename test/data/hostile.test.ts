// Hostile input at the data layer: whatever a council or an author writes, reading it
// ends in a result or positioned messages, in time that grows linearly with the input.
import { describe, expect, it } from "vitest";
import { parseChartBlock } from "../../src/charts/spec.ts";
import { loadDataset } from "../../src/data/index.ts";
import { lookupCell } from "../../src/data/lookup.ts";
import { parseNumberCell } from "../../src/data/numbers.ts";
import { parseSidecar } from "../../src/data/sidecar.ts";
import type { Dataset, Field } from "../../src/data/types.ts";
import { formatLine, formatMessage } from "../../src/errors/print.ts";
import { parseStoryFile } from "../../src/markdown/frontmatter.ts";
import { printed, tempProject } from "./helpers.ts";

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

// "Billion laughs": nine aliases of nine aliases of ... expand to 9^6 values from six lines.
const BOMB = [
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ...["b", "c", "d", "e", "f"].map((name, i) => {
    const prev = "abcde"[i];
    return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`;
  }),
].join("\n");

describe("YAML alias bombs", () => {
  it("are a positioned syntax error in a sidecar, at the first alias", () => {
    const { diagnostics } = parseSidecar({ source: `${BOMB}\n`, file: "data/lol.yml" });
    expect(printed(diagnostics.messages)).toEqual([
      "data/lol.yml:2:8: error: Invalid YAML in sidecar: aliases (`*name`) here expand to too many copies of their anchor: write the values out instead  [SidecarYamlInvalid]\n" +
        "  hint: check the indentation and that values containing `:` or `#` are in quotes",
    ]);
  });

  it("are a positioned syntax error in a chart block and in frontmatter", () => {
    const chart = parseChartBlock(BOMB, { file: "content/stories/lol.md", fenceLine: 10, defaultId: "lol-1" });
    expect(chart.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(["12:8 ChartYamlInvalid"]);
    const story = parseStoryFile(`---\n${BOMB}\n---\nText\n`, "content/stories/lol.md");
    expect(story.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(["3:8 FrontmatterYamlInvalid"]);
  });
});

describe("control characters in YAML", () => {
  it("are an error at the character in a sidecar's title, and at the scalar when written as an escape", () => {
    const source = `title: "Budget\u000b2024"\nnotes: ["ok", "bell \\x07"]\nfields:\n  - { name: a, type: string, title: "A\u0001" }\n`;
    const { diagnostics, sidecar } = parseSidecar({ source, file: "data/ctl.yml" });
    expect(sidecar).toBeUndefined();
    expect(diagnostics.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual([
      "1:15 Invalid YAML in sidecar: Unexpected control character `U+000B`, which pages and feeds cannot show: remove it (it often comes from a paste from Word or Excel)",
      "2:15 Invalid YAML in sidecar: Unexpected control character `U+0007`, which pages and feeds cannot show: remove it (it often comes from a paste from Word or Excel)",
      "4:39 Invalid YAML in sidecar: Unexpected control character `U+0001`, which pages and feeds cannot show: remove it (it often comes from a paste from Word or Excel)",
    ]);
  });

  it("keeps tabs and line breaks, which block scalars and notes use", () => {
    const source = "title: Budget\nnotes: |\n  One\ttwo\n  three\nfields:\n  - { name: a, type: string }\n";
    expect(parseSidecar({ source, file: "data/ok.yml" }).diagnostics.messages).toEqual([]);
  });

  it("is an error in a story's dek at its line when spelt with an escape (the story scan reports raw ones)", () => {
    const story = parseStoryFile('---\ntitle: T\ndek: "Bad\\x1b[31m red"\n---\nText\n', "content/stories/x.md");
    const yaml = story.messages.filter((m) => m.ruleId === "FrontmatterYamlInvalid");
    expect(yaml.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(["3:6 FrontmatterYamlInvalid"]);
  });
});

describe("terminal escapes in quoted cells", () => {
  const sidecar = "title: T\nfields:\n  - { name: area, type: string }\n  - { name: amount, type: number }\n";
  const csv = "area,amount,\u001b[2Jnote\nNorth,\u009b31m\u202egnp.exe,x\n";

  it("print as escapes in the message, the one-line form and the code frame, with the caret in place", () => {
    const root = tempProject({ "t.csv": csv, "t.yml": sidecar });
    const { messages } = loadDataset({ root, id: "t" });
    const framed = messages.map((m) => formatMessage(m, { readSource: () => csv }));
    expect(framed[0]).toContain("Unexpected column `\\x1b[2Jnote`, not declared in the sidecar");
    expect(framed[0]).toContain("> 1 | area,amount,\\x1b[2Jnote\n    |             ^");
    expect(formatLine(messages[1]!)).toContain("Unexpected `\\x9b31m\\u202egnp.exe` in column `amount`");
    for (const text of [...framed, ...messages.map(formatLine)]) {
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
  });
});

describe("control characters in CSV cells", () => {
  const sidecar = "title: T\nfields:\n  - { name: area, type: string }\n  - { name: amount, type: number }\n";

  it("are an error at the character itself, inside a quoted cell over two lines too", () => {
    const csv = 'area,amount\nNor\u0007th,1\n"South\nEa\u0000st",2\nWest,3\u007f\n';
    const { dataset, messages } = loadDataset({ root: tempProject({ "t.csv": csv, "t.yml": sidecar }), id: "t" });
    expect(dataset).toBeUndefined();
    expect(printed(messages)).toEqual([
      "data/t.csv:2:4: error: Unexpected control character `U+0007` in column `area`  [CellControlCharacter]\n" +
        "  hint: remove the character: it is invisible in most editors, often comes from a paste from Word or Excel, and pages, feeds and chart files cannot carry it",
      expect.stringMatching(/^data\/t\.csv:4:3: error: Unexpected control character `U\+0000` in column `area`/),
      expect.stringMatching(/^data\/t\.csv:5:7: error: Unexpected control character `U\+007F` in column `amount`/),
    ]);
  });

  it("read a vertical tab, Word's line break, as a space", () => {
    const csv = "area,amount\nNorth\u000bEast,1\n";
    const { dataset, messages } = loadDataset({ root: tempProject({ "t.csv": csv, "t.yml": sidecar }), id: "t" });
    expect(messages).toEqual([]);
    expect(dataset!.rows).toEqual([{ area: "North East", amount: 1 }]);
  });
});

describe("strict number columns", () => {
  it('refuse `"2,837,397.00"` under `bareNumber: true` at its cell', () => {
    const sidecar =
      "title: T\nfields:\n  - { name: area, type: string }\n  - { name: amount, type: number, bareNumber: true }\n";
    const root = tempProject({ "t.csv": 'area,amount\nNorth,"2,837,397.00"\nSouth,12.5\n', "t.yml": sidecar });
    expect(loadDataset({ root, id: "t" }).messages.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual([
      "2:7 Unexpected `2,837,397.00` in column `amount`, expected a plain number (the field has `bareNumber: true`)",
    ]);
  });
});
