// A dataset as a Frictionless Data Package (v2), for tools that read typed tables
// (frictionless-py, R's frictionless, Data Curator): `/data/<id>.datapackage.json`. It describes
// two files: the CSV as the newsroom received it (`<id>.source.csv`), with every reading rule the
// sidecar states or Plotline assumes, and the cleaned CSV readers download (`<id>.csv`).
// Frictionless and Plotline differ in two defaults, so the descriptor always states them:
// numbers are lenient here (`bareNumber: false`, `groupChar: ","` unless the sidecar says
// otherwise), and a sidecar's `dateFormat` is Frictionless's `format` (our `format` is how to print).
import type { Dataset, Field } from "./types.ts";

const PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json";

/** Plotline's date patterns as the strptime patterns Frictionless reads (`DD/MM/YYYY` → `%d/%m/%Y`). */
export function strptimePattern(dateFormat: string): string {
  const tokens: Array<[string, string]> = [
    ["YYYY", "%Y"],
    ["YY", "%y"],
    ["MMMM", "%B"],
    ["MMM", "%b"],
    ["MM", "%m"],
    ["M", "%m"],
    ["DD", "%d"],
    ["D", "%d"],
  ];
  let out = "";
  let rest = dateFormat;
  while (rest) {
    const token = tokens.find(([t]) => rest.startsWith(t));
    if (token) {
      out += token[1];
      rest = rest.slice(token[0].length);
    } else {
      out += rest[0] === "%" ? "%%" : rest[0];
      rest = rest.slice(1);
    }
  }
  return out;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
type Descriptor = { [key: string]: Json | undefined };

/** What Frictionless cannot say itself: kept under one `plotline` key so other tools ignore it. */
function plotlineExtras(field: Field): Descriptor | undefined {
  const extras: Descriptor = {
    type: field.type === "period" ? "period" : undefined,
    unit: field.unit,
    scale: field.scale !== 1 ? field.scale : undefined,
    format: field.format,
    expression: field.expression,
  };
  return Object.values(extras).some((v) => v !== undefined) ? extras : undefined;
}

/** `yes` as `yes`, `Yes` and `YES`. */
const spellings = (values: string[] | undefined) =>
  values && [...new Set(values.flatMap((v) => [v, v.charAt(0).toUpperCase() + v.slice(1), v.toUpperCase()]))];

/** One field of the table as published: its cells as the CSV writes them. */
function sourceField(field: Field, dataset: Dataset): Descriptor {
  const common = {
    name: field.name,
    // A period (2023/24, Q3 2023) is a label with an order; Frictionless has no such type.
    type: field.type === "period" ? "string" : field.type,
    title: field.title,
    description: field.description,
  };
  if (field.type === "number" || field.type === "integer") {
    const strict = field.bareNumber === true;
    return {
      ...common,
      bareNumber: strict,
      groupChar: field.groupChar ?? ",",
      // Table Schema gives integers no decimal separator.
      decimalChar: field.type === "number" ? "." : undefined,
      plotline: plotlineExtras(field),
    };
  }
  if (field.type === "date") {
    return {
      ...common,
      format: field.dateFormat ? strptimePattern(field.dateFormat) : "default",
      plotline: plotlineExtras(field),
    };
  }
  if (field.type === "boolean") {
    // Plotline compares booleans in any case; Frictionless exactly, so list the usual spellings.
    return {
      ...common,
      trueValues: spellings(dataset.trueValues),
      falseValues: spellings(dataset.falseValues),
      plotline: plotlineExtras(field),
    };
  }
  return { ...common, plotline: plotlineExtras(field) };
}

/** One field of the cleaned CSV: plain numbers after `scale`, ISO dates, `true`/`false`. */
function cleanedField(field: Field): Descriptor {
  const common = {
    name: field.name,
    type: field.type === "period" ? "string" : field.type,
    title: field.title,
    description: field.description,
  };
  const extras = plotlineExtras({ ...field, scale: 1 });
  if (field.type === "number" || field.type === "integer")
    return {
      ...common,
      bareNumber: true,
      groupChar: "",
      decimalChar: field.type === "number" ? "." : undefined,
      plotline: extras,
    };
  if (field.type === "date") return { ...common, format: "default", plotline: extras };
  if (field.type === "boolean") return { ...common, trueValues: ["true"], falseValues: ["false"], plotline: extras };
  return { ...common, plotline: extras };
}

/** The Data Package for `dataset`, with undefined properties left out and keys in a fixed order. */
export function frictionlessPackage(dataset: Dataset): Descriptor {
  const declared = dataset.fields.filter((f) => f.expression === undefined);
  const primaryKey = dataset.primaryKey.length ? dataset.primaryKey : undefined;
  const source = dataset.source ? [{ title: dataset.source.name, path: dataset.source.url }] : undefined;
  const pkg: Descriptor = {
    $schema: PROFILE,
    name: dataset.id,
    title: dataset.title,
    description: [dataset.description, ...dataset.notes].filter(Boolean).join("\n\n") || undefined,
    licenses: dataset.licence ? [{ name: dataset.licence }] : undefined,
    sources: source,
    resources: [
      {
        name: `${dataset.id}-source`,
        type: "table",
        title: `${dataset.title}, as published`,
        description:
          "The file as the newsroom received it. Rows after the table (notes, blank lines) are not part of it.",
        path: `${dataset.id}.source.csv`,
        format: "csv",
        mediatype: "text/csv",
        encoding: dataset.encoding ?? "utf-8",
        dialect: { headerRows: [dataset.headerRow ?? 1], delimiter: ",", quoteChar: '"' },
        schema: {
          fields: declared.map((f) => sourceField(f, dataset)),
          primaryKey,
          missingValues: dataset.missingValues ?? [""],
        },
      },
      {
        name: dataset.id,
        type: "table",
        title: `${dataset.title}, cleaned`,
        description: "Typed values written plainly, derived columns included; formula-like text starts with '.",
        path: `${dataset.id}.csv`,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: { headerRows: [1], delimiter: ",", quoteChar: '"' },
        schema: { fields: dataset.fields.map(cleanedField), primaryKey, missingValues: [""] },
      },
    ],
  };
  return JSON.parse(JSON.stringify(pkg)) as Descriptor;
}
