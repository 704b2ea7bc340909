// Writes a synthetic newsroom for the benchmark: seeded, so every run writes the same bytes.
// Plain markdown and CSV with sidecars, so other tools can be run on the same content.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** mulberry32: a small, fast, seeded generator (never Math.random, so corpora repeat exactly). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (
  "council budget report committee spending care children services trust overspend forecast year " +
  "placements staff vacancies agency housing roads schools libraries waste contract savings reserves " +
  "cabinet scrutiny officers residents ward councillor figures data pressure demand cost increase " +
  "decrease million pounds plan review audit provider homes support families funding grant tax"
).split(" ");

const chartTypes = ["column", "bar", "line", "area", "dot", "stacked-column", "grouped-column"] as const;

export interface CorpusOptions {
  dir: string;
  stories: number;
  /** How many datasets the stories share; `per-chart` gives every chart its own, as newsrooms do. */
  datasets?: number | "per-chart";
  seed?: number;
}

export function writeCorpus(options: CorpusOptions): { stories: number; charts: number; datasets: number } {
  const random = seeded(options.seed ?? 20261124);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const perChart = options.datasets === "per-chart";
  const datasetCount = perChart
    ? options.stories * 3
    : ((options.datasets as number | undefined) ?? Math.max(10, Math.round(options.stories / 10)));
  rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(join(options.dir, "data"), { recursive: true });
  mkdirSync(join(options.dir, "content", "stories"), { recursive: true });
  // The twelve topics the stories below name, declared as a newsroom declares them.
  const topics = Array.from(
    { length: 12 },
    (_, t) => `topic-${t}:\n  name: Topic ${t}\n  description: Stories on topic ${t}.\n`,
  );
  writeFileSync(join(options.dir, "content", "topics.yml"), topics.join(""));

  // Datasets: 20 financial years, three money columns and a group column, for every chart kind.
  for (let d = 0; d < datasetCount; d++) {
    const rows = ["year,group,spending,budget,staff"];
    for (let y = 0; y < 20; y++) {
      const year = `${2000 + y}/${String((y + 1) % 100).padStart(2, "0")}`;
      rows.push(
        `${year},${y % 2 ? "North" : "West"},${(50 + random() * 100).toFixed(1)},${(60 + random() * 80).toFixed(1)},${Math.round(200 + random() * 900)}`,
      );
    }
    writeFileSync(join(options.dir, "data", `dataset-${d}.csv`), `${rows.join("\n")}\n`);
    writeFileSync(
      join(options.dir, "data", `dataset-${d}.yml`),
      [
        `title: Synthetic council dataset ${d}`,
        "source: { name: Generated for the benchmark, published: '2024-01-01' }",
        "primaryKey: year",
        "fields:",
        "  - { name: year, type: period, title: Financial year }",
        "  - { name: group, type: string, title: Area }",
        "  - { name: spending, type: number, title: Spending, unit: GBP, scale: 1000000, format: £0.0m }",
        "  - { name: budget, type: number, title: Budget, unit: GBP, scale: 1000000, format: £0.0m }",
        "  - { name: staff, type: integer, title: Staff, unit: people }",
        "",
      ].join("\n"),
    );
  }

  let charts = 0;
  for (let s = 0; s < options.stories; s++) {
    const paragraphs: string[] = [];
    const blocks: string[] = [];
    for (let c = 0; c < 3; c++) {
      const type = pick(chartTypes);
      const data = `dataset-${perChart ? s * 3 + c : Math.floor(random() * datasetCount)}`;
      const spec =
        type === "bar"
          ? "y: year\nx: spending\nfilter: { group: North }"
          : type === "stacked-column"
            ? "x: year\ny: staff\nseries: group"
            : type === "grouped-column"
              ? "x: year\ny: [spending, budget]\nfilter: { group: West }"
              : type === "line" || type === "area" || type === "dot"
                ? "x: year\ny: spending\nfilter: { group: North }"
                : "x: year\ny: budget\nfilter: { group: West }";
      blocks.push(
        `\`\`\`chart\ndata: ${data}\ntype: ${type}\n${spec}\ntitle: Chart ${c + 1} of story ${s}, a ${type} of ${data}\n\`\`\``,
      );
      charts++;
    }
    for (let p = 0; p < 12; p++) {
      const sentences: string[] = [];
      for (let t = 0; t < 4; t++) {
        const n = 12 + Math.floor(random() * 8);
        const sentence = Array.from({ length: n }, () => pick(words)).join(" ");
        sentences.push(sentence[0]!.toUpperCase() + sentence.slice(1) + ".");
      }
      paragraphs.push(sentences.join(" "));
      if (p % 4 === 1) paragraphs.push(blocks[(p - 1) / 4]!);
    }
    const day = String(1 + (s % 28)).padStart(2, "0");
    const month = String(1 + (Math.floor(s / 28) % 12)).padStart(2, "0");
    writeFileSync(
      join(options.dir, "content", "stories", `story-${s}.md`),
      [
        "---",
        `title: Synthetic story number ${s} about council figures`,
        "dek: A generated story for measuring how the build grows with the archive.",
        "byline: [Benchmark]",
        `published: 2024-${month}-${day}`,
        `topics: [topic-${s % 12}]`,
        "---",
        "",
        paragraphs.join("\n\n"),
        "",
      ].join("\n"),
    );
  }
  return { stories: options.stories, charts, datasets: datasetCount };
}

const services = [
  "Adult Social Care",
  "Children's Services",
  "Highways",
  "Waste",
  "Libraries",
  "Housing",
  "Schools",
  "Parks",
];
const expenseTypes = ["Agency staff", "Placements", "Repairs", "Consultancy", "Grants", "Equipment", "Fuel", "Rent"];
const suppliers = [
  "Smith, Jones & Co Ltd",
  'The "Best" Care Homes Ltd',
  "Anglia Roads Ltd",
  "Northants Waste Services",
  "Acme Supplies, Kettering",
  "Bright Futures Fostering",
  "County Print & Post",
  "Nene Valley Transport",
];

/**
 * A council's payments file, as councils publish them: one row per payment, 15 columns, dates as
 * DD/MM/YYYY, amounts with £ and thousands separators, supplier names with quotes and commas.
 * Seeded, so every run writes the same bytes.
 */
export function writeTransactions(options: { dir: string; rows: number; seed?: number }): void {
  const random = seeded(options.seed ?? 20261207);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [
    "Body Name,Service Area,Expense Type,Payment Date,Transaction Number,Amount,Supplier Name,Supplier ID,Cost Centre,Purpose,Invoice Number,Payment Method,Department,Ward,VAT Registered",
  ];
  for (let r = 0; r < options.rows; r++) {
    const day = String(1 + Math.floor(random() * 28)).padStart(2, "0");
    const month = String(1 + Math.floor(random() * 12)).padStart(2, "0");
    const amount = (500 + random() * 50000).toLocaleString("en-GB", {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    const supplier = pick(suppliers);
    lines.push(
      [
        "North Northamptonshire Council",
        quote(pick(services)),
        pick(expenseTypes),
        `${day}/${month}/2024`,
        String(100000 + r),
        quote(`£${amount}`),
        quote(supplier),
        `S${String(suppliers.indexOf(supplier)).padStart(4, "0")}`,
        `CC${Math.floor(random() * 900) + 100}`,
        quote(`Payment for ${pick(expenseTypes).toLowerCase()}, ${pick(services)}`),
        `INV-${Math.floor(random() * 1e6)}`,
        pick(["BACS", "Cheque", "Card"]),
        pick(["People", "Place", "Corporate"]),
        pick(["Corby West", "Kettering Central", "Wellingborough North", "Rushden South"]),
        pick(["yes", "no"]),
      ].join(","),
    );
  }
  mkdirSync(join(options.dir, "data"), { recursive: true });
  writeFileSync(join(options.dir, "data", "transactions.csv"), `${lines.join("\r\n")}\r\n`);
  const text = (name: string) => `  - { name: ${name}, type: string }`;
  writeFileSync(
    join(options.dir, "data", "transactions.yml"),
    [
      "title: Payments over £500",
      "source: { name: North Northamptonshire Council, published: '2025-01-31' }",
      "fields:",
      text("Body Name"),
      text("Service Area"),
      text("Expense Type"),
      "  - { name: Payment Date, type: date, dateFormat: DD/MM/YYYY }",
      "  - { name: Transaction Number, type: integer }",
      "  - { name: Amount, type: number, unit: GBP }",
      text("Supplier Name"),
      text("Supplier ID"),
      text("Cost Centre"),
      text("Purpose"),
      text("Invoice Number"),
      text("Payment Method"),
      text("Department"),
      text("Ward"),
      "  - { name: VAT Registered, type: boolean }",
      "",
    ].join("\n"),
  );
  mkdirSync(join(options.dir, "content", "stories"), { recursive: true });
  writeFileSync(
    join(options.dir, "content", "stories", "council-payments.md"),
    [
      "---",
      "title: Where the council's money went",
      "dek: Every payment over £500 in a year, by service.",
      "byline: [Benchmark]",
      "published: 2025-02-01",
      "---",
      "",
      "The council paid :value{data=transactions col=Amount agg=sum} to suppliers over the year.",
      "",
      "```chart",
      "data: transactions",
      "type: bar",
      "y: Service Area",
      "x: Amount",
      "aggregate: sum",
      "sort: -x",
      "title: Social care took the most",
      "```",
      "",
    ].join("\n"),
  );
}

const regions = [
  "East Midlands",
  "East of England",
  "London",
  "North East",
  "North West",
  "South East",
  "South West",
  "West Midlands",
  "Yorkshire and The Humber",
];

/**
 * A place template over `places` synthetic councils (`Council 001`, ...), with three years of a
 * rate each, some suppressed (`c`) and some tied: one page per council with a dot strip of every
 * council, a bar chart of its region and a line of its own years. Seeded, so every run is the same.
 */
export function writePlaces(options: { dir: string; places: number; seed?: number }): void {
  const random = seeded(options.seed ?? 20261208);
  const lines = ["la_name,region,year,rate"];
  for (let p = 0; p < options.places; p++) {
    const name = `Council ${String(p + 1).padStart(3, "0")}`;
    const region = regions[p % regions.length]!;
    for (const year of [2022, 2023, 2024]) {
      // About one in 40 suppressed; rates to one decimal place, so several councils tie.
      const rate = random() < 0.025 ? "c" : `${(10 + random() * 25).toFixed(1)}%`;
      lines.push(`${name},${region},${year},${rate}`);
    }
  }
  mkdirSync(join(options.dir, "data"), { recursive: true });
  mkdirSync(join(options.dir, "content", "places"), { recursive: true });
  writeFileSync(join(options.dir, "data", "council-rates.csv"), `${lines.join("\n")}\n`);
  writeFileSync(
    join(options.dir, "data", "council-rates.yml"),
    [
      "title: Synthetic council rates",
      "source: { name: Generated for the benchmark, published: '2024-06-01' }",
      "primaryKey: [la_name, year]",
      'missingValues: ["", c]',
      "fields:",
      "  - { name: la_name, type: string, title: Council }",
      "  - { name: region, type: string, title: Region }",
      "  - { name: year, type: integer, title: Year }",
      "  - { name: rate, type: number, title: Vacancy rate, unit: percent }",
      "",
    ].join("\n"),
  );
  writeFileSync(
    join(options.dir, "content", "places", "councils.md"),
    [
      "---",
      'title: "{place}: how its vacancy rate compares"',
      'dek: "Where {place} stands among every council, and among the councils of {place.region}."',
      "byline: [Benchmark]",
      "published: 2024-06-02",
      "each: { data: council-rates, key: la_name, filter: { year: 2024 } }",
      "group: region",
      "places: councils",
      "---",
      "",
      ":rank{col=rate}",
      "",
      "```chart",
      "data: council-rates",
      "type: dot",
      "x: region",
      "y: rate",
      "filter: { year: 2024 }",
      'highlight: { la_name: "{place}" }',
      'title: "{place} among every council"',
      "```",
      "",
      "```chart",
      "data: council-rates",
      "type: bar",
      "y: la_name",
      "x: rate",
      'filter: { year: 2024, region: "{place.region}" }',
      "sort: -x",
      'highlight: { la_name: "{place}" }',
      'title: "{place} among the councils of {place.region}"',
      "```",
      "",
      "```chart",
      "data: council-rates",
      "type: line",
      "x: year",
      "y: rate",
      'filter: { la_name: "{place}" }',
      'title: "The vacancy rate in {place}, year by year"',
      "```",
      "",
    ].join("\n"),
  );
}
