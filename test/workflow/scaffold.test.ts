import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data/index.ts";
import { inferSidecar } from "../../src/scaffold/infer-sidecar.ts";
import { slugify } from "../../src/scaffold/story.ts";
import { projectRoot, runScript, tempRoot } from "./helpers.ts";

const today = () => {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
};
const guess = (text: string | Uint8Array) => {
  const result = inferSidecar({
    bytes: typeof text === "string" ? new TextEncoder().encode(text) : text,
    id: "x",
    today: "2024-03-01",
  });
  if ("problem" in result) throw new Error(result.problem);
  return result;
};

describe("npm run new -- story", () => {
  it("makes a slug from the title, without apostrophes and cut at a word", () => {
    expect(slugify("Children's trust: £26m overspend")).toBe("childrens-trust-26m-overspend");
    expect(slugify("Café closures hit Wellingborough’s high street")).toBe(
      "cafe-closures-hit-wellingboroughs-high-street",
    );
    const long = slugify("A very long headline that goes on and on about the council's budget for the coming year");
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toBe("a-very-long-headline-that-goes-on-and-on-about-the-councils");
  });

  it("writes a draft dated today with a commented chart from a real dataset, and it passes the check", () => {
    const root = tempRoot(join(projectRoot, "test", "fixtures", "site-basic"));
    const result = runScript("new", ["story", "Pothole repairs: £4m more", "--byline", "Jo Bloggs"], root);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Created content/stories/pothole-repairs-4m-more.md");
    const text = readFileSync(join(root, "content/stories/pothole-repairs-4m-more.md"), "utf8");
    expect(text).toContain('title: "Pothole repairs: £4m more"\n');
    expect(text).toContain(`published: ${today()}\n`);
    expect(text).toContain("byline:\n  - Jo Bloggs\n");
    expect(text).toContain("draft: true\n");
    expect(text).toMatch(/<!--[\s\S]*```chart\ndata: budget\ntype: column\nx: year\ny: budget\n[\s\S]*-->/);
    expect(text).toContain(":value{data=budget row=2020/21 col=budget}");

    const check = runScript("check", [], root);
    expect(check.stdout).toMatch(/^0 errors/m);
    expect(check.status).toBe(0);

    // The chart example works once uncommented.
    const uncommented = text.replace("<!--", "").replace("-->", "");
    writeFileSync(join(root, "content/stories/pothole-repairs-4m-more.md"), uncommented);
    expect(runScript("check", ["--no-facts"], root).stdout).toMatch(/^0 errors, 0 warnings/m);
  });

  it("refuses to overwrite a story that exists", () => {
    const root = tempRoot(join(projectRoot, "test", "fixtures", "site-basic"));
    const result = runScript("new", ["story", "Trust overspend"], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("content/stories/trust-overspend.md already exists");
  });
});

describe("npm run new -- dataset", () => {
  it("skips title rows, reads types and units, finds missing-value markers and a key", () => {
    const result = guess(
      [
        "Northshire County Council",
        "Temporary accommodation by ward, 2023 (£000)",
        "",
        "date,ward,households,spend,share,checked,year",
        '05/01/2023,Abbey,12,"£1,200.5",12.5%,yes,2023',
        "12/01/2023,Castle,..,£950,9%,no,2023",
        "19/01/2023,Abbey,7,n/a,..,yes,2024",
        "",
        "Source: housing team",
      ].join("\r\n"),
    );
    expect(result.headerRow).toBe(4);
    expect(result.title).toBe("Northshire County Council: Temporary accommodation by ward, 2023 (£000)");
    expect(result.missingValues).toEqual(["", "..", "n/a"]);
    expect(result.primaryKey).toBe("date");
    expect(result.rows).toBe(3);
    expect(result.notesLines).toBe(1);
    expect(result.fields.map((f) => [f.name, f.type, f.unit, f.scale, f.dateFormat])).toEqual([
      ["date", "date", undefined, undefined, "DD/MM/YYYY"],
      ["ward", "string", undefined, undefined, undefined],
      ["households", "integer", undefined, undefined, undefined],
      ["spend", "number", "GBP", 1000, undefined],
      ["share", "number", "percent", undefined, undefined],
      ["checked", "boolean", undefined, undefined, undefined],
      ["year", "period", undefined, undefined, undefined],
    ]);
  });

  it("reads a Windows-1252 file and ISO dates, periods and a header that says £m", () => {
    const bytes = Uint8Array.from(
      [..."month,period,Spend (\u00a3m),reference\n2024-01-31,2023/24,1.5,A1\n2024-02-29,2023/24,2.25,A2\n"].map((c) =>
        c.charCodeAt(0),
      ),
    );
    const result = guess(bytes);
    expect(result.encoding).toBe("windows-1252");
    expect(result.fields.map((f) => [f.name, f.type, f.unit, f.scale])).toEqual([
      ["month", "date", undefined, undefined],
      ["period", "period", undefined, undefined],
      ["Spend (£m)", "number", "GBP", 1_000_000],
      ["reference", "string", undefined, undefined],
    ]);
    expect(result.primaryKey).toBe("month");
  });

  it("copies the CSV, writes a commented sidecar that loads, and prints its guesses", () => {
    const root = tempRoot();
    mkdirSync(join(root, "data"));
    const source = join(tempRoot(), "Council Tax Bands 2024.csv");
    writeFileSync(
      source,
      [
        "Council tax by band, 2024/25",
        "band,annual,change,properties",
        'A,"£1,234.56",4.99%,"12,345"',
        "B,£1440.32,4.99%,[x]",
        "C,£1646.08,4.99%,9876",
        "",
      ].join("\n"),
    );
    const result = runScript("new", ["dataset", source], root);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Created data/council-tax-bands-2024.csv");
    expect(result.stdout).toMatch(/header row +line 2 \(above it, a title: "Council tax by band, 2024\/25"\)/);
    expect(result.stdout).toMatch(/primary key +band/);
    expect(result.stdout).toMatch(/annual +number +GBP: cells start with £/);
    expect(readFileSync(join(root, "data/council-tax-bands-2024.csv"), "utf8")).toBe(readFileSync(source, "utf8"));
    const sidecar = readFileSync(join(root, "data/council-tax-bands-2024.yml"), "utf8");
    expect(sidecar).toContain('missingValues: ["", "[x]"] # cells that mean "no value"');
    expect(sidecar).toContain("headerRow: 2 # the column names are on line 2, under a title");
    expect(sidecar).toContain("# source:\n#   name:");
    const loaded = loadDataset({ root, id: "council-tax-bands-2024" });
    expect(loaded.messages).toEqual([]);
    expect(loaded.dataset!.rows[1]).toEqual({ band: "B", annual: 1440.32, change: 4.99, properties: null });
  });

  it("reads notes rows straight under the table as the build will, and writes a sidecar that loads", () => {
    const root = tempRoot();
    mkdirSync(join(root, "data"));
    const source = join(tempRoot(), "children in care.csv");
    writeFileSync(
      source,
      [
        "Children in care at 31 March",
        "year,children,rate",
        '2021/22,"1,020",64.1',
        '2022/23,"1,065",66.0',
        '2023/24,"1,110",68.2',
        "Source: DfE children looked after return",
        '"Note: 2023/24 figures are provisional",,',
        "",
      ].join("\r\n"),
    );
    const result = runScript("new", ["dataset", source], root);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/header row +line 2 \(above it, a title: "Children in care at 31 March"\)/);
    expect(result.stdout).toMatch(/rows +3; 2 line\(s\) under the table are read as notes/);
    expect(result.stdout).toMatch(/year +period/);
    const loaded = loadDataset({ root, id: "children-in-care" });
    expect(loaded.messages).toEqual([]);
    expect(loaded.dataset!.rows).toEqual([
      { year: "2021/22", children: 1020, rate: 64.1 },
      { year: "2022/23", children: 1065, rate: 66 },
      { year: "2023/24", children: 1110, rate: 68.2 },
    ]);
  });

  it("does not guess a column's type from notes padded to the table's width", () => {
    const result = guess(
      [
        "year,households",
        "2022/23,486",
        "2023/24,512",
        '"Source: housing committee",',
        '"Note: figures are provisional",',
      ].join("\n"),
    );
    expect(result.fields.map((f) => [f.name, f.type])).toEqual([
      ["year", "period"],
      ["households", "integer"],
    ]);
    expect(result.rows).toBe(2);
    expect(result.primaryKey).toBe("year");
    expect(result.notesLines).toBe(2);
  });

  it("keeps rows under a text first column as rows, as the build reads them", () => {
    const result = guess(["ward,households", "Abbey,12", "Castle,7", '"Totals to follow",'].join("\n"));
    expect(result.fields.map((f) => [f.name, f.type])).toEqual([
      ["ward", "string"],
      ["households", "integer"],
    ]);
    expect(result.rows).toBe(3);
  });

  it("refuses to replace an existing dataset unless told to", () => {
    const root = tempRoot();
    mkdirSync(join(root, "data"));
    const source = join(root, "budget.csv");
    writeFileSync(source, "year,amount\n2023/24,5\n");
    expect(runScript("new", ["dataset", source, "--id", "budget"], root).status).toBe(0);
    const again = runScript("new", ["dataset", source, "--id", "budget"], root);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("data/budget.csv already exists");
    expect(runScript("new", ["dataset", source, "--id", "budget", "--force"], root).status).toBe(0);
    expect(existsSync(join(root, "data/budget.yml"))).toBe(true);
  });
});
