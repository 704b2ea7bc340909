import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data/dataset.ts";
import { frictionlessPackage, strptimePattern } from "../../src/data/frictionless.ts";
import { tempProject } from "./helpers.ts";

// A messy council table: a title row, Windows-1252 pound signs, a strict column, dates in the
// file's own pattern, a yes/no column, a period and a derived column.
const SIDECAR = `title: Placements
licence: OGL-UK-3.0
source: { name: Council, url: "https://council.example.org/placements", published: "2024-03-01" }
encoding: windows-1252
headerRow: 2
primaryKey: year
missingValues: ["", "n/a"]
fields:
  - { name: year, type: period, title: Financial year }
  - { name: weekly, type: number, title: Weekly cost, unit: GBP per week, format: "£#,##0" }
  - { name: beds, type: integer, title: Beds, bareNumber: true }
  - { name: opened, type: date, title: Opened, dateFormat: DD-MMM-YY }
  - { name: private, type: boolean, title: Private provider }
derive:
  - { name: annual, type: number, title: Annual cost, unit: GBP, expression: weekly * 52 }
`;
const CSV = Buffer.from(
  'Placements by year\r\nyear,weekly,beds,opened,private\r\n2023/24,"\xA36,012",4,05-Jan-24,Yes\r\n2024/25,n/a,5,01-Apr-24,no\r\n',
  "latin1",
);

function loaded() {
  const root = tempProject({ "placements.csv": CSV, "placements.yml": SIDECAR });
  const { dataset, messages } = loadDataset({ root, id: "placements" });
  expect(messages).toEqual([]);
  return frictionlessPackage(dataset!) as any;
}

describe("the Frictionless Data Package of a dataset", () => {
  it("describes the file as published with every reading rule stated", () => {
    const pkg = loaded();
    expect(pkg).toMatchObject({ $schema: "https://datapackage.org/profiles/2.0/datapackage.json", name: "placements" });
    expect(pkg.licenses).toEqual([{ name: "OGL-UK-3.0" }]);
    expect(pkg.sources).toEqual([{ title: "Council", path: "https://council.example.org/placements" }]);
    const source = pkg.resources[0];
    expect(source).toMatchObject({
      name: "placements-source",
      path: "placements.source.csv",
      encoding: "windows-1252",
      dialect: { headerRows: [2] },
    });
    expect(source.schema.primaryKey).toEqual(["year"]);
    expect(source.schema.missingValues).toEqual(["", "n/a"]);
    const [year, weekly, beds, opened, isPrivate, ...rest] = source.schema.fields;
    expect(rest).toEqual([]); // the derived column is not in the file
    expect(year).toMatchObject({ name: "year", type: "string", plotline: { type: "period" } });
    // Plotline's lenient default, stated, since Frictionless's own default is the opposite.
    expect(weekly).toMatchObject({ type: "number", bareNumber: false, groupChar: ",", decimalChar: "." });
    expect(weekly.plotline).toEqual({ unit: "GBP per week", format: "£#,##0" });
    // A strict column without a groupChar has no separator: `1,234` is not a plain number.
    expect(beds).toMatchObject({ type: "integer", bareNumber: true, groupChar: "" });
    expect(beds.decimalChar).toBeUndefined();
    // dateFormat becomes Frictionless's format; Plotline's own format is how to print.
    expect(opened).toMatchObject({ type: "date", format: "%d-%b-%y" });
    expect(isPrivate.trueValues).toEqual(expect.arrayContaining(["yes", "Yes", "YES", "true", "True", "1"]));
    expect(isPrivate.falseValues).toEqual(expect.arrayContaining(["no", "No", "NO", "false", "0"]));
  });

  it("describes the cleaned CSV too: plain values, ISO dates, derived columns included", () => {
    const cleaned = loaded().resources[1];
    expect(cleaned).toMatchObject({
      name: "placements",
      path: "placements.csv",
      encoding: "utf-8",
      dialect: { headerRows: [1] },
    });
    const byName = Object.fromEntries(cleaned.schema.fields.map((f: { name: string }) => [f.name, f]));
    expect(Object.keys(byName)).toEqual(["year", "weekly", "beds", "opened", "private", "annual"]);
    expect(byName.weekly).toMatchObject({ bareNumber: true, groupChar: "" });
    expect(byName.opened).toMatchObject({ format: "default" });
    expect(byName.private).toMatchObject({ trueValues: ["true"], falseValues: ["false"] });
    expect(byName.annual.plotline).toEqual({ unit: "GBP", expression: "weekly * 52" });
  });

  it("writes the same JSON for the same dataset, with nothing undefined", () => {
    expect(JSON.stringify(loaded())).toBe(JSON.stringify(loaded()));
    expect(JSON.stringify(loaded())).not.toContain("undefined");
  });
});

describe("date patterns as strptime", () => {
  it.each([
    ["YYYY-MM-DD", "%Y-%m-%d"],
    ["DD/MM/YYYY", "%d/%m/%Y"],
    ["DD-MMM-YY", "%d-%b-%y"],
    ["D MMMM YYYY", "%d %B %Y"],
    ["YYYY", "%Y"],
    ["100% MM", "100%% %m"],
  ])("%s is %s", (pattern, expected) => {
    expect(strptimePattern(pattern)).toBe(expected);
  });
});
