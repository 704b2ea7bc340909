// Property tests over every parser that reads what a council or an author writes: for
// any input, a result or diagnostics at a real place (line and column from 1), never an exception.
// `npm test` runs a few hundred cases per property with a fixed seed; a longer run is
//   FUZZ_RUNS=100000 npm run test:unit -- test/fuzz
// and FUZZ_SEED=<n> replays another seed (fast-check prints the seed and path of a failure).
import fc from "fast-check";
import remarkDirective from "remark-directive";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFile } from "vfile";
import { beforeAll, describe, expect, it } from "vitest";
import { parseChartBlock } from "../../src/charts/spec.ts";
import { readCsvTable } from "../../src/data/csv.ts";
import { evaluateExpression, parseExpression } from "../../src/data/derive.ts";
import { formatPatternProblem, parseNumberFormat } from "../../src/data/format.ts";
import { loadDataset } from "../../src/data/index.ts";
import { parseNumberCell } from "../../src/data/numbers.ts";
import { parseSidecar } from "../../src/data/sidecar.ts";
import type { Dataset, Field } from "../../src/data/types.ts";
import { Diagnostics, type VFileMessage } from "../../src/errors/diagnostic.ts";
import { parseStoryFile } from "../../src/markdown/frontmatter.ts";
import { remarkValue } from "../../src/markdown/remark-value.ts";
import { tempProject } from "../data/helpers.ts";

const runs = Number(process.env.FUZZ_RUNS ?? 300);
const seed = Number(process.env.FUZZ_SEED ?? 17);
const params = { seed, numRuns: runs };
// A long run may take minutes; the default one stays within a few seconds per property.
const timeout = Math.max(20_000, runs * 20);

/** Text from `alphabet`, up to `maxLength` characters: the characters that steer the parser. */
const textOf = (alphabet: string[], maxLength = 200) => fc.string({ unit: fc.constantFrom(...alphabet), maxLength });
/** Mostly the steering characters, sometimes any Unicode at all. */
const hostile = (alphabet: string[], maxLength = 200) =>
  fc.oneof(
    { weight: 4, arbitrary: textOf(alphabet, maxLength) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength }) },
  );

const CONTROLS = ["\u0000", "\u0007", "\u000b", "\u000c", "\u001b", "\u007f", "\u009b", "\u202e"];
const CSV = [",", '"', "\n", "\r", "\r\n", " ", "a", "1", "2", ".", "-", "£", "%", "(", ")", "/", ...CONTROLS];
const YAML = [
  ..."abc:-[]{}&*!|>'\"#,? \n\t0123.".split(""),
  "title: ",
  "fields:\n",
  "  - ",
  "{ name: a, type: number }",
  "&a ",
  "*a",
  "<<: ",
  "\\x07",
  "\\u0000",
  ...CONTROLS,
];

/** Every message sits at a real place: line and column from 1. */
function expectPlaced(messages: readonly VFileMessage[]): void {
  for (const message of messages) {
    expect(message.line, message.reason).toBeGreaterThanOrEqual(1);
    expect(message.column, message.reason).toBeGreaterThanOrEqual(1);
  }
}

// Control characters other than tab, LF and CR: none may leave the data layer in a row value.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

describe("the CSV reader", () => {
  it(
    "reads any text into a table or placed messages",
    () => {
      fc.assert(
        fc.property(hostile(CSV), fc.integer({ min: 1, max: 4 }), (text, headerRow) => {
          const diagnostics = new Diagnostics();
          readCsvTable({
            text,
            headerRow,
            file: "data/x.csv",
            diagnostics,
            isValue: (_c, t) => /^\d+$/.test(t.trim()),
          });
          expectPlaced(diagnostics.messages);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    "loads any CSV into rows free of control characters, or placed messages",
    () => {
      const sidecar = [
        "title: T",
        "fields:",
        "  - { name: a, type: string }",
        "  - { name: b, type: number }",
        "derive:",
        "  - { name: c, expression: b * 2 }",
        "",
      ].join("\n");
      fc.assert(
        fc.property(hostile(CSV, 120), (body) => {
          const root = tempProject({ "x.csv": `a,b\n${body}`, "x.yml": sidecar });
          const { dataset, messages } = loadDataset({ root, id: "x" });
          expectPlaced(messages);
          for (const row of dataset?.rows ?? []) {
            for (const value of Object.values(row)) if (typeof value === "string") expect(value).not.toMatch(CONTROL);
          }
        }),
        { ...params, numRuns: Math.ceil(runs / 5) },
      );
    },
    timeout,
  );

  it(
    "reads any number cell to a number or a problem with a fix",
    () => {
      const field: Field = { name: "n", type: "number", title: "N", scale: 1, line: 1, column: 1 };
      fc.assert(
        fc.property(hostile([..."0123456789.,-+£$€%() eEkmb"], 60), fc.boolean(), (text, bareNumber) => {
          const read = parseNumberCell(text, { ...field, bareNumber });
          if ("value" in read) expect(Number.isNaN(read.value)).toBe(false);
          else expect(read.problem.fix).not.toBe("");
        }),
        params,
      );
    },
    timeout,
  );
});

describe("the YAML readers", () => {
  it(
    "read any sidecar into a sidecar or placed messages",
    () => {
      fc.assert(
        fc.property(hostile(YAML, 300), (source) => {
          const { diagnostics } = parseSidecar({ source, file: "data/x.yml" });
          expectPlaced(diagnostics.messages);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    "read any chart block into a spec or placed messages",
    () => {
      const chartYaml = [...YAML, "data: x\n", "type: column\n", "x: a\n", "y: b\n", "format: ", "title: T\n"];
      fc.assert(
        fc.property(hostile(chartYaml, 300), (text) => {
          const { messages } = parseChartBlock(text, { file: "content/stories/x.md", fenceLine: 5, defaultId: "x-1" });
          expectPlaced(messages);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    "read any frontmatter into a story or placed messages",
    () => {
      fc.assert(
        fc.property(hostile(YAML, 300), (yaml) => {
          expectPlaced(parseStoryFile(`---\n${yaml}\n---\nText\n`, "content/stories/x.md").messages);
        }),
        params,
      );
    },
    timeout,
  );
});

describe("derive", () => {
  it(
    "parses any text into an expression that evaluates, or an error inside the text",
    () => {
      fc.assert(
        fc.property(hostile([..."ab_1.2 ()+-*/", "(", "(((", ")", "- -"], 300), (source) => {
          const parsed = parseExpression(source);
          if ("error" in parsed) {
            expect(parsed.error.index).toBeGreaterThanOrEqual(0);
            expect(parsed.error.index).toBeLessThanOrEqual(source.length);
          } else {
            const value = evaluateExpression(parsed.expression, { a: 3, b: 0, _1: 2 });
            expect(value === null || Number.isFinite(value)).toBe(true);
          }
        }),
        params,
      );
    },
    timeout,
  );
});

describe("format patterns", () => {
  it(
    "accept a pattern only when it prints a number in bounded space",
    () => {
      fc.assert(
        fc.property(hostile([..."£$€#0,.%kmbn~+-( 123456789efgdrsx", "999999", ".99"], 40), (pattern) => {
          const problem = formatPatternProblem(pattern, "number");
          if (problem) return;
          const print = parseNumberFormat(pattern)!;
          expect(print(-1234567.891).length).toBeLessThan(100);
          formatPatternProblem(pattern, "date");
        }),
        params,
      );
    },
    timeout,
  );
});

describe(":value", () => {
  let datasets: Map<string, Dataset>;
  beforeAll(() => {
    const sidecar = "title: T\nprimaryKey: a\nfields:\n  - { name: a, type: string }\n  - { name: b, type: number }\n";
    const root = tempProject({ "x.csv": "a,b\nNorth,1\nSouth,2\n", "x.yml": sidecar });
    datasets = new Map([["x", loadDataset({ root, id: "x" }).dataset!]]);
  });

  it(
    "reads any attributes into a figure or placed messages",
    () => {
      const processor = unified().use(remarkParse).use(remarkDirective).use(remarkValue, { datasets });
      const parts = [
        "data=x",
        "row=North",
        'where="a=North"',
        "col=b",
        "agg=sum",
        "format=",
        '"',
        "=",
        ";",
        " ",
        "{",
        "}",
      ];
      fc.assert(
        fc.property(hostile([...parts, "500000000f", ".1f", "a", "\n", ":value"], 120), (attributes) => {
          const file = new VFile({ path: "content/stories/x.md", value: `Spent :value{${attributes}} here.\n` });
          processor.runSync(processor.parse(file), file);
          expectPlaced(file.messages);
        }),
        params,
      );
    },
    timeout,
  );
});

describe("linear time on pathological input", () => {
  /** Milliseconds to run `read`; the bound is generous, since quadratic work on 200,000 characters takes minutes. */
  const timed = (read: () => unknown): number => {
    const start = performance.now();
    read();
    return performance.now() - start;
  };
  const N = 200_000;
  const cases: Array<[string, () => unknown]> = [
    [
      "a quote-heavy CSV",
      () =>
        readCsvTable({
          text: `a,b\n${'"",'.repeat(N / 3)}\n`,
          headerRow: 1,
          file: "x",
          diagnostics: new Diagnostics(),
        }),
    ],
    [
      "an unterminated quote",
      () =>
        readCsvTable({ text: `a,b\n"${"x\n".repeat(N / 2)}`, headerRow: 1, file: "x", diagnostics: new Diagnostics() }),
    ],
    [
      "digits ending in a letter",
      () =>
        parseNumberCell(`${"9".repeat(N)}x`, { name: "n", type: "number", title: "N", scale: 1, line: 1, column: 1 }),
    ],
    [
      "spaces between digits",
      () =>
        parseNumberCell(`1${" 1".repeat(N / 2)}x`, {
          name: "n",
          type: "number",
          title: "N",
          scale: 1,
          line: 1,
          column: 1,
        }),
    ],
    ["a long derive sum", () => parseExpression(`${"a+".repeat(N / 2)}a`)],
    ["deep brackets in a derive", () => parseExpression("(".repeat(N))],
    ["deep YAML flow brackets", () => parseSidecar({ source: `title: ${"[".repeat(N / 20)}`, file: "x.yml" })],
    [
      "a long YAML plain scalar",
      () => parseSidecar({ source: `title: ${"a ".repeat(N / 2)}\nfields: []\n`, file: "x.yml" }),
    ],
  ];
  for (const [name, read] of cases) {
    it(`reads ${name} of 200,000 characters in under 2 s`, () => {
      expect(timed(read)).toBeLessThan(2000);
    });
  }
});
