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

/** How one file writes a column's cells: what a reader of that file must be told. */
interface CellWriting {
  bareNumber: boolean;
  groupChar: string;
  /** Plotline's pattern (`DD/MM/YYYY`); none means ISO. */
  dateFormat?: string;
  trueValues?: string[];
  falseValues?: string[];
  /** What the file's figures must be multiplied by. */
  scale: number;
}

/** The cleaned CSV: plain numbers after `scale`, ISO dates, `true`/`false`. */
const CLEANED: CellWriting = {
  bareNumber: true,
  groupChar: "",
  trueValues: ["true"],
  falseValues: ["false"],
  scale: 1,
};

/** One column as a Table Schema field, for a file that writes its cells as `cells` says. */
function fieldDescriptor(field: Field, cells: CellWriting): Descriptor {
  return {
    name: field.name,
    // A period (2023/24, Q3 2023) is a label with an order; Frictionless has no such type.
    type: field.type === "period" ? "string" : field.type,
    title: field.title,
    description: field.description,
    ...(field.type === "number" || field.type === "integer"
      ? {
          bareNumber: cells.bareNumber,
          groupChar: cells.groupChar,
          // Table Schema gives integers no decimal separator.
          decimalChar: field.type === "number" ? "." : undefined,
        }
      : {}),
    ...(field.type === "date" ? { format: cells.dateFormat ? strptimePattern(cells.dateFormat) : "default" } : {}),
    ...(field.type === "boolean" ? { trueValues: cells.trueValues, falseValues: cells.falseValues } : {}),
    plotline: plotlineExtras({ ...field, scale: cells.scale }),
  };
}

/** A CSV dialect with its header on line `headerRow`. */
const csvDialect = (headerRow: number) => ({ headerRows: [headerRow], delimiter: ",", quoteChar: '"' });

/** The Data Package for `dataset`, with undefined properties left out and keys in a fixed order. */
export function frictionlessPackage(dataset: Dataset): Descriptor {
  const declared = dataset.fields.filter((f) => f.expression === undefined);
  // Plotline compares booleans in any case; Frictionless exactly, so list the usual spellings.
  const [trueValues, falseValues] = [spellings(dataset.trueValues), spellings(dataset.falseValues)];
  const asPublished = (field: Field): CellWriting => ({
    // Plotline reads numbers leniently unless told otherwise; Frictionless's defaults are the
    // opposite, so both are always stated.
    bareNumber: field.bareNumber === true,
    groupChar: field.groupChar ?? (field.bareNumber ? "" : ","),
    dateFormat: field.dateFormat,
    trueValues,
    falseValues,
    scale: field.scale,
  });
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
        dialect: csvDialect(dataset.headerRow ?? 1),
        schema: {
          fields: declared.map((f) => fieldDescriptor(f, asPublished(f))),
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
        dialect: csvDialect(1),
        schema: { fields: dataset.fields.map((f) => fieldDescriptor(f, CLEANED)), primaryKey, missingValues: [""] },
      },
    ],
  };
  return JSON.parse(JSON.stringify(pkg)) as Descriptor;
}
