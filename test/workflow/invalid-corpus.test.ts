// The error corpus, end to end: every folder in test/fixtures/invalid/ is a tiny project with one
// mistake a journalist can make, loaded by loadSite as the build and `npm run check` load it.
// Its `expected-messages.txt` lists every message as `file:line:column: reason`, warnings marked.
// `UPDATE=1 npx vitest run test/workflow/invalid-corpus.test.ts` rewrites them; CI never does.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { VFileMessage } from "../../src/errors/diagnostic.ts";
import { loadSite } from "../../src/site/site.ts";
import { projectRoot } from "./helpers.ts";

const corpus = join(projectRoot, "test", "fixtures", "invalid");
const cases = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

// Cases whose expectation holds the right position but the code reports another today, each with
// the reason. Remove a case from here once its fix lands.
const knownWrong: Record<string, string> = {};

const line = (m: VFileMessage): string =>
  `${m.file}:${m.line}:${m.column}: ${m.fatal === false ? "warning: " : ""}${m.reason}`;

describe("the error corpus", () => {
  it("holds at least 25 broken inputs across datasets, sidecars, frontmatter, charts and directives", () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    for (const prefix of ["csv-", "sidecar-", "frontmatter-", "chart-", "value-"]) {
      expect(cases.filter((name) => name.startsWith(prefix)).length).toBeGreaterThanOrEqual(3);
    }
  });

  for (const name of cases) {
    const test = knownWrong[name] ? it.fails : it;
    const title = knownWrong[name] ? `${name}: known wrong (${knownWrong[name]})` : name;
    test(`${title}: reports every expected message at its line and column, with a hint`, () => check(name));
  }
});

/** Loads one case and compares its messages with its expectation (or rewrites it with UPDATE=1). */
function check(name: string): void {
  const root = join(corpus, name);
  const site = loadSite({ root, drafts: true });
  const actual = site.messages.map(line);
  const expectedFile = join(root, "expected-messages.txt");
  if (process.env.UPDATE === "1" && !knownWrong[name]) writeFileSync(expectedFile, `${actual.join("\n")}\n`);
  expect(existsSync(expectedFile), `${name} has no expected-messages.txt: run with UPDATE=1`).toBe(true);
  const expected = readFileSync(expectedFile, "utf8").split("\n").filter(Boolean);
  expect(actual).toEqual(expected);
  expect(actual.length).toBeGreaterThan(0);
  for (const message of site.messages) {
    expect(message.ruleId, line(message)).toMatch(/^[A-Z][A-Za-z]+$/);
    expect(message.note, line(message)).toBeTruthy();
    expect(message.line, line(message)).toBeGreaterThan(0);
    expect(message.column, line(message)).toBeGreaterThan(0);
  }
}
