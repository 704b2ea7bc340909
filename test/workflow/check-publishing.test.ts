// `npm run check` on what a build would publish: the datasets it would leave out, and what the
// original files (served byte for byte as `/data/<id>.source.csv`) carry beyond the table.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot, scratchDir } from "../build-helper.ts";
import { runScript } from "./helpers.ts";

function fixture(): string {
  const root = join(scratchDir(), "content-root");
  cpSync(join(projectRoot, "test", "fixtures", "site-basic"), root, { recursive: true });
  const sidecar =
    "title: Payments\nheaderRow: 3\nfields:\n  - { name: supplier, type: string }\n  - { name: amount, type: number }\n";
  writeFileSync(join(root, "data", "payments.yml"), sidecar);
  writeFileSync(
    join(root, "data", "payments.csv"),
    'Payments over £500,\nCouncil of Test,\nsupplier,amount\n"=HYPERLINK(""http://x"")",-3\n@SUM(A1),+4\nAcme,"1,200"\n\nChecked by: finance,\n',
  );
  writeFileSync(join(root, "data", "drafted.yml"), readFileSync(join(root, "data", "lines.yml")));
  writeFileSync(join(root, "data", "drafted.csv"), readFileSync(join(root, "data", "lines.csv")));
  const draft = join(root, "content", "stories", "draft-story.md");
  writeFileSync(
    draft,
    `${readFileSync(draft, "utf8")}\n:value{data=drafted row="Independent placements" col=budget}\n`,
  );
  return root;
}

describe("npm run check on what a build publishes", () => {
  it("lists the datasets a build would not publish, and warns about formulas and text outside the table in the originals", () => {
    const result = runScript("check", ["--no-facts"], fixture());
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines).toContain(
      'data/payments.csv:4:1  warning: Unexpected cell `=HYPERLINK("http://x")` that a spreadsheet would run as a formula, in the file as received (2 such cells)  ' +
        "(`/data/payments.source.csv` publishes the file byte for byte: the cleaned `/data/payments.csv` makes such cells text, and the dataset page says to open that one; if a cell is not meant as a formula, fix it in the CSV)",
    );
    expect(lines.find((l) => l.startsWith("data/payments.csv:1:1  warning: "))).toContain(
      "Unexpected text outside the table in the file as received: 3 rows above the header or below the last row",
    );
    const list = lines.slice(lines.findIndex((l) => l.startsWith("Not published by a build")));
    expect(list.slice(1, 3)).toEqual(["  data/drafted.yml  `drafted`", "  data/payments.yml  `payments`"]);
  });
});
