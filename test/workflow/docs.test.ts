// The guides cannot fall behind the code: every key the schemas accept, every `:value` attribute
// and every error code must be documented, each key with an example.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aggregates, chartKeys, chartTypes } from "../../src/charts/spec.ts";
import { FIELD_TYPES, parseSidecar } from "../../src/data/sidecar.ts";
import { catalogue } from "../../src/errors/catalogue.ts";
import { Diagnostics } from "../../src/errors/diagnostic.ts";
import { frontmatterKeys } from "../../src/markdown/frontmatter.ts";
import { valueText } from "../../src/markdown/remark-value.ts";
import { projectRoot } from "./helpers.ts";

const authoring = readFileSync(join(projectRoot, "docs", "authoring.md"), "utf8");
const errors = readFileSync(join(projectRoot, "docs", "errors.md"), "utf8");

/** The text under a heading, up to the next heading of the same or a higher level. */
function section(text: string, heading: string): string {
  const lines = text.split("\n");
  const start = lines.indexOf(heading);
  if (start === -1) throw new Error(`no heading "${heading}"`);
  const level = /^#+/.exec(heading)![0].length;
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && /^#+/.exec(line)![0].length <= level);
  return lines.slice(start, end === -1 ? undefined : end).join("\n");
}

/** Backticked names in a hint such as "remove it or use one of `title`, `description`, ...". */
const backticked = (text: string | undefined): string[] => [...(text ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/**
 * The keys the sidecar schema accepts at each level, read from the checker itself: an unknown key
 * is answered with the list of allowed ones, so the list here is the one journalists are shown.
 */
function sidecarKeys(): Record<"root" | "source" | "fields" | "derive", string[]> {
  const unknown = "qqqqqqqqqqqq";
  const probe = (yaml: string) => {
    const { diagnostics } = parseSidecar({ source: yaml, file: "probe.yml" });
    const message = diagnostics.messages.find((m) => m.ruleId === "SidecarUnknownKey");
    return backticked(message?.note);
  };
  return {
    root: probe(`title: T\nfields: [{ name: a, type: string }]\n${unknown}: 1\n`),
    source: probe(`title: T\nsource: { name: S, ${unknown}: 1 }\nfields: [{ name: a, type: string }]\n`),
    fields: probe(`title: T\nfields: [{ name: a, type: string, ${unknown}: 1 }]\n`),
    derive: probe(
      `title: T\nfields: [{ name: a, type: number }]\nderive: [{ name: b, expression: a, ${unknown}: 1 }]\n`,
    ),
  };
}

/** The `:value` attributes, as the directive's own hint lists them. */
function valueAttributes(): string[] {
  const diagnostics = new Diagnostics();
  valueText({ qqqqqqqqqqqq: "1" }, { datasets: new Map() }, diagnostics, { file: "f", line: 1, column: 1 });
  return backticked(diagnostics.messages[0]?.note);
}

/** Checks that `key` has its own `#### \`key\`` entry in `part`, with an example written `key:` or `key=`. */
function expectDocumented(part: string, key: string, example: RegExp) {
  const entry = section(part, `#### \`${key}\``);
  expect(entry, `an example of \`${key}\``).toMatch(example);
}
const yamlExample = (key: string) => new RegExp(`(^|[\\s{,])${key}:(\\s|$)`, "m");

describe("the authoring guide", () => {
  it("reads the sidecar's keys from the sidecar checker", () => {
    const keys = sidecarKeys();
    expect(keys.root).toContain("primaryKey");
    expect(keys.source).toEqual(["name", "url", "published"]);
    expect(keys.fields).toContain("bareNumber");
    expect(keys.derive).toContain("expression");
  });

  it("documents every sidecar key with an example", () => {
    const keys = sidecarKeys();
    const part = section(authoring, "### Sidecar keys");
    for (const key of keys.root) expectDocumented(part, key, yamlExample(key));
    const source = section(part, "#### `source`");
    for (const key of keys.source) expect(source, `source.${key}`).toMatch(yamlExample(key));
  });

  it("documents every field key and derived-field key with an example", () => {
    const keys = sidecarKeys();
    const part = section(authoring, "### Field keys");
    for (const key of new Set([...keys.fields, ...keys.derive])) expectDocumented(part, key, yamlExample(key));
    const types = section(part, "#### `type`");
    for (const type of FIELD_TYPES) expect(types).toContain(`| \`${type}\``);
  });

  it("documents every frontmatter key with an example", () => {
    const part = section(authoring, "### Frontmatter keys");
    expect(frontmatterKeys.length).toBeGreaterThan(0);
    for (const key of frontmatterKeys) expectDocumented(part, key, yamlExample(key));
  });

  it("documents every chart key with an example, and every chart type and aggregate", () => {
    const part = section(authoring, "## Chart keys");
    for (const key of chartKeys) expectDocumented(part, key, yamlExample(key));
    for (const type of chartTypes) expect(part).toContain(`| \`${type}\``);
    const aggregate = section(part, "#### `aggregate`");
    for (const name of aggregates) expect(aggregate).toContain(`\`${name}\``);
  });

  it("documents every :value attribute with an example", () => {
    const attributes = valueAttributes();
    expect(attributes).toEqual(["data", "row", "where", "col", "agg", "format"]);
    const part = section(authoring, "## The `:value` directive");
    for (const key of attributes) expectDocumented(part, key, new RegExp(`:value\\{[^}]*\\b${key}=`));
  });

  it("walks from a council table to a published chart", () => {
    const walk = section(authoring, "## Walkthrough: from a council table to a published chart");
    for (const step of ["npm run new -- dataset", "npm run check", "npm run new -- story", "```chart", ":value{"]) {
      expect(walk).toContain(step);
    }
  });
});

describe("the error reference", () => {
  const documented = [...errors.matchAll(/^### (\w+)$/gm)].map((m) => m[1]!);

  it("gives every code in the catalogue its message, cause and fix", () => {
    for (const code of Object.keys(catalogue)) {
      expect(documented, `docs/errors.md has no section for ${code}`).toContain(code);
      const entry = section(errors, `### ${code}`);
      for (const label of ["**Message:**", "**Reported at:**", "**Cause:**", "**Fix:**"]) {
        expect(entry, `${code}: ${label}`).toContain(label);
      }
    }
  });

  it("documents no code the catalogue no longer has", () => {
    expect(documented.filter((code) => !(code in catalogue))).toEqual([]);
  });
});

describe("what the authoring guide says about drawing", () => {
  it("says that a column chart whose labels do not fit is drawn as bars", () => {
    expect(authoring).toMatch(/`column`, `grouped-column` or `stacked-column` chart whose category labels do not fit/);
    expect(authoring).toMatch(/drawn as horizontal bars instead/);
  });

  it("documents `by` with its periods and an example", () => {
    const by = section(authoring, "#### `by`");
    for (const period of ["month", "quarter", "year"]) expect(by).toContain(`\`${period}\``);
    expect(by).toContain("by: month");
  });
});
