// The data layer's public API: datasets read from `data/`, and how their values print and sort.
export { digestDataset, loadDataset, loadDatasets } from "./dataset.ts";
export type { DatasetBytes, DatasetStore, LoadDatasetOptions, LoadDatasetResult } from "./dataset.ts";
export {
  DEFAULT_DATE_FORMAT,
  exactNumberFormatter,
  formatColumn,
  formatValue,
  MISSING,
  numberFormatter,
  parseNumberFormat,
} from "./format.ts";
export { comparePeriods, parsePeriod, PERIOD_EXAMPLES } from "./periods.ts";
export type { Period, PeriodKind } from "./periods.ts";
export { parseDatePattern } from "./dates.ts";
export type { CellValue, Dataset, Field, FieldType, Row, Source } from "./types.ts";
export { aggregateNames, lookupCell } from "./lookup.ts";
export type { AggregateName, CellQuery, LookupProblem, LookupResult } from "./lookup.ts";
