// Plain types the data layer hands to the rest of Plotline, after validation (and `isNumeric`, the
// one question every layer asks of a field's type).

export type FieldType = "string" | "number" | "integer" | "date" | "boolean" | "period";

/** Whether a field holds figures (a `number` or an `integer`). */
export const isNumeric = (field: { type: FieldType }) => field.type === "number" || field.type === "integer";

/** One cell after parsing: dates are UTC midnight `Date`s, periods keep their label. Missing is `null`. */
export type CellValue = string | number | boolean | Date | null;

/** A row keyed by field name, derived columns included. */
export type Row = Record<string, CellValue>;

export interface Field {
  name: string;
  type: FieldType;
  /** Human label; defaults to `name`. */
  title: string;
  description?: string;
  /** e.g. `GBP`, `percent`, `count`, `people`, `GBP per week`. */
  unit?: string;
  /** Multiplier from the CSV's figure to the true value (1000000 for a column in millions). */
  scale: number;
  /** How to print the value, e.g. `£0.0m`, `#,##0`, `0.0%`. */
  format?: string;
  /** For dates: the pattern cells are written in, e.g. `DD/MM/YYYY`. */
  dateFormat?: string;
  groupChar?: string;
  bareNumber?: boolean;
  /** Present on derived columns: the arithmetic expression. */
  expression?: string;
  /** 1-based line and column of this field's entry in the sidecar. */
  line: number;
  column: number;
}

export interface Source {
  name: string;
  url?: string;
  published?: string;
}

export interface Dataset {
  /** Permanent kebab-case id: the file name without extension. */
  id: string;
  title: string;
  description?: string;
  source?: Source;
  licence?: string;
  notes: string[];
  updated?: string;
  primaryKey: string[];
  /** Declared fields first, in sidecar order, then derived fields. */
  fields: Field[];
  rows: Row[];
  /** The CSV line (as an editor shows it) where each row starts; same index as `rows`. */
  rowLines: number[];
  /**
   * Each row's declared cells as written in the CSV, trimmed (`£20.9`, `05/01/2024`); same index as
   * `rows`. For matching text such as a `where` against the file rather than the parsed value.
   */
  cells?: Record<string, string>[];
  /** Project-relative paths, e.g. `data/nct-budget.csv`. */
  csvPath: string;
  sidecarPath: string;
  /** sha256 (hex) of the CSV bytes and the sidecar bytes: the key for caches. */
  digest: string;
  /** How the CSV was read, after defaults (for a Frictionless export). Set by `loadDataset`. */
  encoding?: "utf-8" | "windows-1252";
  headerRow?: number;
  missingValues?: string[];
  trueValues?: string[];
  falseValues?: string[];
}
