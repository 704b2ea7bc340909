// Every error and warning Plotline can report: a permanent PascalCase code, a message and a hint.
// Wording follows remark-lint: "Unexpected `x` in column `y`, expected z". Values in backticks;
// the position is the printer's job, not the message's.

const list = (items: readonly string[], max = 12): string => {
  const shown = items.slice(0, max).map((i) => `\`${i}\``);
  return items.length > max ? `${shown.join(", ")} and ${items.length - max} more` : shown.join(", ");
};

/** `2024-04-08` as `8 April 2024`. */
const longDate = (iso: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(iso)
    ? new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      })
    : iso;

export const catalogue = {
  // ── Datasets: files and sidecars ──────────────────────────────────────────
  DatasetIdInvalid: {
    message: (p: { id: string }) => `Unexpected dataset name \`${p.id}\`, expected lowercase kebab-case`,
    hint: (p: { id: string; suggestion: string }) =>
      `rename the CSV and its sidecar to \`${p.suggestion}.csv\` and \`${p.suggestion}.yml\``,
  },
  SidecarMissing: {
    message: (p: { id: string }) => `Missing sidecar for dataset \`${p.id}\``,
    hint: (p: { id: string }) =>
      `create \`data/${p.id}.yml\` with a \`title\`, a \`source\` and a \`fields\` list (see docs/authoring.md)`,
  },
  CsvMissing: {
    message: (p: { id: string }) => `Missing CSV for sidecar \`${p.id}\``,
    hint: (p: { id: string }) => `add \`data/${p.id}.csv\` or delete the sidecar`,
  },
  SidecarYamlInvalid: {
    message: (p: { reason: string }) => `Invalid YAML in sidecar: ${p.reason}`,
    hint: (_p: { reason: string }) => "check the indentation and that values containing `:` or `#` are in quotes",
  },
  SidecarUnknownKey: {
    message: (p: { key: string; allowed: readonly string[] }) => `Unexpected key \`${p.key}\` in sidecar`,
    hint: (p: { key: string; allowed: readonly string[]; suggestion?: string }) =>
      p.suggestion ? `did you mean \`${p.suggestion}\`?` : `remove it or use one of ${list(p.allowed, 40)}`,
  },
  SidecarMissingKey: {
    message: (p: { key: string }) => `Missing required key \`${p.key}\` in sidecar`,
    hint: (p: { key: string; example: string }) => `add it, for example \`${p.example}\``,
  },
  SidecarInvalidValue: {
    message: (p: { key: string; actual: string; expected: string }) =>
      `Unexpected \`${p.actual}\` for \`${p.key}\`, expected ${p.expected}`,
    hint: (p: { key: string; actual: string; expected: string; fix?: string }) =>
      p.fix ?? `change \`${p.key}\` to ${p.expected}`,
  },
  SidecarKeyNotApplicable: {
    message: (p: { key: string; field: string; type: string }) =>
      p.type === "derived"
        ? `Unexpected \`${p.key}\` on derived field \`${p.field}\``
        : `Unexpected \`${p.key}\` on field \`${p.field}\` of type \`${p.type}\``,
    hint: (p: { key: string; field: string; type: string; types: readonly string[] }) =>
      p.type === "derived"
        ? `a derived column is computed, not read from the CSV: remove \`${p.key}\``
        : `\`${p.key}\` applies to ${list(p.types)} fields only: remove it, or change the field's \`type\``,
  },

  // Content folders (`data/`, `content/stories/`): entries that cannot or must not be read.
  ContentLinkOutside: {
    message: (p: { path: string; target: string }) =>
      `Unexpected symbolic link \`${p.path}\` to \`${p.target}\`, outside the project`,
    hint: (p: { path: string; target: string }) =>
      `a link out of the project would publish a file of the machine that builds the site: copy the file into the project instead of linking \`${p.path}\``,
  },
  ContentLinkBroken: {
    message: (p: { path: string; target: string }) =>
      `Unexpected symbolic link \`${p.path}\` to \`${p.target}\`, which does not exist`,
    hint: (p: { path: string; target: string }) => `delete the link, or put the file it names back`,
  },
  StoryNotFile: {
    message: (p: { path: string }) => `Unexpected folder \`${p.path}\`, expected a story file`,
    hint: (_p: { path: string }) =>
      "every name ending in `.md` in `content/stories/` is read as a story: rename the folder, or move it out",
  },

  // The file as received, served byte for byte at `/data/<id>.source.csv` (warnings, `npm run check` only).
  SourceFormulaCell: {
    message: (p: { actual: string; count: number; id: string }) =>
      `Unexpected cell \`${p.actual}\` that a spreadsheet would run as a formula, in the file as received` +
      (p.count > 1 ? ` (${p.count} such cells)` : ""),
    hint: (p: { actual: string; count: number; id: string }) =>
      `\`/data/${p.id}.source.csv\` publishes the file byte for byte: the cleaned \`/data/${p.id}.csv\` makes such cells text, and the dataset page says to open that one; if a cell is not meant as a formula, fix it in the CSV`,
  },
  SourceTextOutsideTable: {
    message: (p: { count: number; id: string }) =>
      `Unexpected text outside the table in the file as received: ${p.count} ${p.count === 1 ? "row" : "rows"} above the header or below the last row`,
    hint: (p: { count: number; id: string }) =>
      `\`/data/${p.id}.source.csv\` publishes the file byte for byte, title and notes rows too: check they hold nothing that should not be public, or move them into the sidecar's \`notes\``,
  },

  // ── Datasets: the CSV ─────────────────────────────────────────────────────
  CsvEncodingInvalid: {
    message: (p: { byte: string; encoding: string }) => `Unexpected byte \`${p.byte}\`, expected text in ${p.encoding}`,
    hint: (p: { byte: string; encoding: string }) =>
      p.encoding === "UTF-8"
        ? "the file looks like it was saved by Excel in Windows-1252: add `encoding: windows-1252` to the sidecar, or re-save the file as CSV UTF-8"
        : "re-save the file as CSV UTF-8 and remove `encoding` from the sidecar",
  },
  CsvEncodingMismatch: {
    message: (p: { actual: string; encoding: string }) =>
      `Unexpected UTF-8 text \`${p.actual}\` in a file the sidecar says is \`${p.encoding}\``,
    hint: (_p: { actual: string; encoding: string }) =>
      "the file is already UTF-8: remove `encoding` from the sidecar (reading it as Windows-1252 would garble it)",
  },
  CsvQuoteUnterminated: {
    message: (_p: Record<string, never>) => 'Unexpected end of file inside a quoted cell, expected a closing `"`',
    hint: (_p: Record<string, never>) =>
      'add the missing `"` at the end of this cell; a `"` inside a quoted cell is written twice (`""`)',
  },
  CsvQuoteStray: {
    message: (p: { actual: string }) =>
      `Unexpected \`${p.actual}\` after a closing quote, expected a comma or the end of the line`,
    hint: (_p: { actual: string }) => 'put the whole cell in quotes and double any `"` inside it (`""`)',
  },
  CsvHeaderMissing: {
    message: (p: { headerRow: number; lines: number }) =>
      `Missing header row: \`headerRow\` is ${p.headerRow} but the file has ${p.lines} line${p.lines === 1 ? "" : "s"}`,
    hint: (_p: { headerRow: number; lines: number }) =>
      "set `headerRow` in the sidecar to the line that holds the column names",
  },
  CsvHeaderDuplicate: {
    message: (p: { column: string; first: number }) =>
      `Unexpected second column named \`${p.column}\`, the same name as column ${p.first}`,
    hint: (_p: { column: string; first: number }) => "give each column a different name in the header row",
  },
  CsvHeaderEmpty: {
    message: (p: { index: number }) => `Missing name for column ${p.index} in the header row`,
    hint: (_p: { index: number }) => "type a name in the header cell, or delete the empty column",
  },
  CsvColumnUndeclared: {
    message: (p: { column: string }) => `Unexpected column \`${p.column}\`, not declared in the sidecar`,
    hint: (p: { column: string; sidecar: string }) =>
      `add \`- { name: ${p.column}, type: string }\` (with the right type) to \`fields\` in \`${p.sidecar}\`, or delete the column`,
  },
  CsvColumnMissing: {
    message: (p: { column: string; csv: string }) => `Missing column \`${p.column}\` in \`${p.csv}\``,
    hint: (p: { column: string; csv: string; columns: readonly string[] }) =>
      `the file has ${list(p.columns)}; fix the \`name\` here or add the column to the CSV`,
  },
  CsvRowRagged: {
    message: (p: { expected: number; actual: number }) =>
      `Unexpected ${p.actual} cell${p.actual === 1 ? "" : "s"} in this row, expected ${p.expected} like the header`,
    hint: (p: { expected: number; actual: number; noteLike?: boolean }) =>
      p.actual > p.expected
        ? "remove the extra cells, or put quotes around a cell that contains a comma"
        : p.noteLike
          ? "add the missing cells (leave them empty if there is no value); if this row is a note under the table, leave a blank row above it"
          : "add the missing cells (leave them empty if there is no value)",
  },
  CsvRowRepeats: {
    message: (p: { count: number }) =>
      `and ${p.count} more row${p.count === 1 ? "" : "s"} with the wrong number of cells`,
    hint: (_p: { count: number }) => "fix the first ones, then run the check again",
  },
  CsvRowsMissing: {
    message: (p: { headerRow: number }) => `Missing data rows under the header on line ${p.headerRow}`,
    hint: (_p: { headerRow: number }) =>
      "add the rows, or check `headerRow` in the sidecar and that no blank line follows the header",
  },
  CsvRowAfterBlank: {
    message: (p: { blankLine: number; count: number }) =>
      `Unexpected table row after the blank line ${p.blankLine}, expected notes only` +
      (p.count > 1 ? ` (${p.count} rows like it are not read)` : ""),
    hint: (_p: { blankLine: number; count: number }) =>
      "the table ends at its first blank row and later lines are read as notes: delete the blank row if this row is data",
  },
  CellInvalid: {
    message: (p: { column: string; actual: string; expected: string }) =>
      `Unexpected \`${p.actual}\` in column \`${p.column}\`, expected ${p.expected}`,
    hint: (p: { column: string; actual: string; expected: string; fix: string }) => p.fix,
  },
  CellControlCharacter: {
    message: (p: { column: string; actual: string }) =>
      `Unexpected control character \`${p.actual}\` in column \`${p.column}\``,
    hint: (_p: { column: string; actual: string }) =>
      "remove the character: it is invisible in most editors, often comes from a paste from Word or Excel, and pages, feeds and chart files cannot carry it",
  },
  CellMissing: {
    message: (p: { column: string; actual: string }) =>
      `Missing value in column \`${p.column}\`, which is part of the primary key`,
    hint: (_p: { column: string; actual: string }) => "every row needs a value in each primary-key column",
  },
  CellRepeats: {
    message: (p: { column: string; count: number }) =>
      `and ${p.count} more problem${p.count === 1 ? "" : "s"} like this in column \`${p.column}\``,
    hint: (_p: { column: string; count: number }) => "fix the first ones, then run the check again",
  },
  PrimaryKeyDuplicate: {
    message: (p: { key: string; actual: string; firstLine: number }) =>
      `Unexpected repeated key \`${p.actual}\` in \`${p.key}\`, first used on line ${p.firstLine}`,
    hint: (_p: { key: string; actual: string; firstLine: number }) =>
      "each row needs a different key: remove the duplicate row, or add a column to `primaryKey`",
  },
  DeriveSyntax: {
    message: (p: { column: string; expression: string; reason: string }) =>
      `Invalid expression \`${p.expression}\` for derived column \`${p.column}\`: ${p.reason}`,
    hint: (_p: { column: string; expression: string; reason: string }) =>
      "use column names, numbers, `+ - * /` and brackets only, e.g. `outturn - budget`",
  },
  DeriveTooComplex: {
    message: (p: { column: string; expression: string; reason: string }) =>
      `Unexpected expression \`${p.expression}\` for derived column \`${p.column}\`: ${p.reason}, expected a shorter one`,
    hint: (_p: { column: string; expression: string; reason: string }) =>
      "split it into several derived columns: each may use the ones before it, e.g. `subtotal: a + b` then `total: subtotal + c`",
  },
  DeriveUnknownColumn: {
    message: (p: { column: string; name: string }) =>
      `Unexpected name \`${p.name}\` in the expression for \`${p.column}\`, expected a numeric column`,
    hint: (p: { column: string; name: string; columns: readonly string[] }) =>
      `numeric columns available: ${list(p.columns)}`,
  },
  DeriveNotInteger: {
    message: (p: { column: string; actual: string; line: number }) =>
      `Unexpected \`${p.actual}\` for derived column \`${p.column}\` from CSV line ${p.line}, expected a whole number`,
    hint: (_p: { column: string; actual: string; line: number }) => "change the field's `type` to `number`",
  },
  // ── Stories: frontmatter ──────────────────────────────────────────────────
  FrontmatterMissing: {
    message: (_p: Record<string, never>) => "Missing frontmatter at the top of the story",
    hint: (_p: Record<string, never>) =>
      "start the file with a `---` line, then `title:`, `dek:`, `byline:` and `published:`, then another `---` line",
  },
  FrontmatterYamlInvalid: {
    message: (p: { reason: string }) => `Invalid YAML in frontmatter: ${p.reason}`,
    hint: (_p: { reason: string }) => "check the indentation and put values containing `:` or `#` in quotes",
  },
  FrontmatterUnknownKey: {
    message: (p: { key: string; allowed: readonly string[] }) => `Unexpected key \`${p.key}\` in frontmatter`,
    hint: (p: { key: string; allowed: readonly string[] }) => `remove it or use one of ${list(p.allowed)}`,
  },
  FrontmatterMissingKey: {
    message: (p: { key: string }) => `Missing required key \`${p.key}\` in frontmatter`,
    hint: (p: { key: string; example: string }) => `add it, for example \`${p.example}\``,
  },
  FrontmatterInvalidValue: {
    message: (p: { key: string; actual: string; expected: string }) =>
      `Unexpected \`${p.actual}\` for \`${p.key}\`, expected ${p.expected}`,
    hint: (p: { key: string; actual: string; expected: string; fix?: string }) =>
      p.fix ?? `change \`${p.key}\` to ${p.expected}`,
  },
  TextControlCharacter: {
    message: (p: { code: string }) => `Unexpected control character \`${p.code}\`, expected text`,
    hint: (_p: { code: string }) =>
      "it is invisible, and usually comes with a paste from Word, Excel or a PDF: delete it (retyping the words around it), or type a space where it stood for a line break",
  },
  StorySlugInvalid: {
    message: (p: { slug: string }) => `Unexpected story file name \`${p.slug}\`, expected lowercase kebab-case`,
    hint: (p: { slug: string; suggestion: string }) =>
      `rename the file to \`${p.suggestion}.md\`; the name is the story's permanent URL`,
  },

  StoryImageAlt: {
    message: (p: { actual: string }) => `Missing \`alt\` on image \`${p.actual}\``,
    hint: (_p: { actual: string }) =>
      'say what the image shows: `<img src="..." alt="What it shows">`, or `alt=""` if it is only decoration',
  },

  StoryAliasTaken: {
    message: (p: { alias: string; owner: string }) =>
      `Unexpected alias \`${p.alias}\`, already the address of \`${p.owner}\``,
    hint: (p: { alias: string; owner: string }) =>
      p.alias === p.owner
        ? `a story has that slug: an alias is an earlier slug of this story that no other story uses`
        : `another story keeps that earlier address: remove it from one of the two`,
  },
  // ── Charts ────────────────────────────────────────────────────────────────
  ChartYamlInvalid: {
    message: (p: { reason: string }) => `Invalid YAML in chart block: ${p.reason}`,
    hint: (_p: { reason: string }) => "each line is `key: value`; put a value containing `:` or `#` in quotes",
  },
  ChartNotMapping: {
    message: (_p: Record<string, never>) => "Unexpected chart block content, expected `key: value` lines",
    hint: (_p: Record<string, never>) => "write at least `data:`, `type:`, `x:`, `y:` and `title:`, one per line",
  },
  ChartUnknownKey: {
    message: (p: { key: string; allowed: readonly string[] }) => `Unexpected key \`${p.key}\` in chart`,
    hint: (p: { key: string; allowed: readonly string[]; suggestion?: string }) =>
      p.suggestion ? `did you mean \`${p.suggestion}\`?` : `remove it or use one of ${list(p.allowed, 40)}`,
  },
  ChartMissingKey: {
    message: (p: { key: string }) => `Missing required key \`${p.key}\` in chart`,
    hint: (p: { key: string; example: string }) => `add a line such as \`${p.example}\``,
  },
  ChartInvalidValue: {
    message: (p: { key: string; actual: string; expected: string }) =>
      `Unexpected \`${p.actual}\` for \`${p.key}\`, expected ${p.expected}`,
    hint: (p: { key: string; actual: string; expected: string; fix?: string }) =>
      p.fix ?? `change \`${p.key}\` to ${p.expected}`,
  },
  ChartUnknownType: {
    message: (p: { actual: string; allowed: readonly string[] }) => `Unexpected chart type \`${p.actual}\``,
    hint: (p: { actual: string; allowed: readonly string[]; suggestion?: string }) =>
      `${p.suggestion ? `did you mean \`${p.suggestion}\`? ` : ""}the types are ${list(p.allowed)}`,
  },
  ChartUnknownDataset: {
    message: (p: { actual: string }) => `Unexpected dataset \`${p.actual}\`, no such file in \`data/\``,
    hint: (p: { actual: string; datasets: readonly string[]; suggestion?: string }) =>
      p.suggestion
        ? `did you mean \`${p.suggestion}\`?`
        : p.datasets.length
          ? `the datasets are ${list(p.datasets)}`
          : `add \`data/${p.actual}.csv\` and its sidecar \`data/${p.actual}.yml\``,
  },
  ChartDatasetInvalid: {
    message: (p: { actual: string }) => `Cannot draw from dataset \`${p.actual}\`, which has errors`,
    hint: (_p: { actual: string }) => "fix the dataset's errors listed above first",
  },
  ChartUnknownColumn: {
    message: (p: { key: string; actual: string; dataset: string }) =>
      `Unexpected column \`${p.actual}\` for \`${p.key}\`, not in dataset \`${p.dataset}\``,
    hint: (p: { key: string; actual: string; dataset: string; columns: readonly string[]; suggestion?: string }) =>
      p.suggestion ? `did you mean \`${p.suggestion}\`?` : `the columns are ${list(p.columns, 40)}`,
  },
  ChartColumnType: {
    message: (p: { key: string; actual: string; type: string; expected: string }) =>
      `Unexpected ${p.type} column \`${p.actual}\` for \`${p.key}\`, expected ${p.expected}`,
    hint: (p: { key: string; actual: string; type: string; expected: string; fix: string }) => p.fix,
  },
  ChartEmpty: {
    message: (p: { dataset: string }) => `Unexpected empty chart: no rows of \`${p.dataset}\` are left to draw`,
    hint: (p: { dataset: string; fix: string }) => p.fix,
  },
  ChartAllMissing: {
    message: (p: { column: string }) => `Unexpected chart with no values: every cell of \`${p.column}\` is missing`,
    hint: (_p: { column: string }) => "chart a column that has figures, or fill in the dataset",
  },
  ChartIdDuplicate: {
    message: (p: { id: string; other: string }) =>
      `Unexpected second chart with id \`${p.id}\`, already used at ${p.other}`,
    hint: (_p: { id: string; other: string }) =>
      "chart ids are permanent URLs and must be unique across the site: give this chart another `id`",
  },
  ChartDuplicateCategory: {
    message: (p: { key: string; actual: string; count: number }) =>
      `Unexpected ${p.count} rows with \`${p.key}\` value \`${p.actual}\`, expected one row per ${p.key === "series" ? "series" : "category"}`,
    hint: (p: { key: string; actual: string; count: number; fix: string }) => p.fix,
  },
  ChartDateYearMissing: {
    message: (p: { column: string; format: string; years: readonly string[] }) =>
      `Unexpected dates from ${p.years.length} years in \`${p.column}\`, printed without the year by format \`${p.format}\``,
    hint: (p: { column: string; format: string; years: readonly string[]; sidecar: string }) =>
      `add the year to the \`format\` of \`${p.column}\` in \`${p.sidecar}\`, e.g. \`${p.format} YYYY\`: the chart has dates from ${p.years[0]} to ${p.years[p.years.length - 1]}, and without the year they print alike`,
  },
  ChartNotInData: {
    message: (p: { key: string; actual: string; column: string }) =>
      `Unexpected \`${p.actual}\` for \`${p.key}\`, not a value of \`${p.column}\` in the chart`,
    hint: (p: { key: string; actual: string; column: string; values: readonly string[]; suggestion?: string }) =>
      p.suggestion ? `did you mean \`${p.suggestion}\`?` : `the values drawn are ${list(p.values)}`,
  },
  ChartCustomFailed: {
    message: (p: { module: string; reason: string }) => `Cannot draw custom chart module \`${p.module}\`: ${p.reason}`,
    hint: (p: { module: string; reason: string }) =>
      `check that the chart's \`data\`, \`filter\` and columns are those \`src/charts/custom/${p.module}.ts\` was written for; if they are, the module needs fixing (ask an engineer)`,
  },
  ChartFilterNoRow: {
    message: (p: { actual: string; column: string; dataset: string }) =>
      `Unexpected \`${p.actual}\` in \`filter\`, no row of \`${p.dataset}\` has it in \`${p.column}\``,
    hint: (p: { actual: string; column: string; dataset: string; values: readonly string[]; suggestion?: string }) =>
      p.suggestion ? `did you mean \`${p.suggestion}\`?` : `the values of \`${p.column}\` are ${list(p.values)}`,
  },
  ChartCustomModule: {
    message: (p: { module: string; reason: string }) => `Cannot use custom chart module \`${p.module}\`: ${p.reason}`,
    hint: (p: { module: string; reason: string }) =>
      `create \`src/charts/custom/${p.module}.ts\` exporting a default function from the rows to Plot options (see docs/authoring.md)`,
  },
  ChartTooManySeries: {
    message: (p: { column: string; count: number; max: number }) =>
      `Unexpected ${p.count} series in \`${p.column}\`, expected at most ${p.max}`,
    hint: (_p: { column: string; count: number; max: number }) =>
      "readers cannot tell that many colours apart: add a `filter` to keep the series that matter, or chart each one separately",
  },
  ChartTooManyCategories: {
    message: (p: { key: string; column: string; count: number; max: number }) =>
      `Unexpected ${p.count} categories in \`${p.column}\` for \`${p.key}\`, expected at most ${p.max}`,
    hint: (_p: { key: string; column: string; count: number; max: number }) =>
      "no reader can find one bar among that many: group the rows with `aggregate` (e.g. `aggregate: sum` by month), keep the ones that matter with `filter`, or keep the largest with `sort` and `limit` (the rest summed into Other)",
  },
  // ── Charts: small multiples (facet) ────────────────────────────────────────
  ChartFacetType: {
    message: (p: { type: string; allowed: readonly string[] }) =>
      `Unexpected \`facet\` on a \`${p.type}\` chart, expected one of ${list(p.allowed)}`,
    hint: (p: { type: string; allowed: readonly string[] }) =>
      `small multiples are drawn for ${list(p.allowed)} charts: remove \`facet\`, or draw one \`${p.type}\` chart per value with a \`filter\` each`,
  },
  ChartTooManyPanels: {
    message: (p: { column: string; count: number; max: number }) =>
      `Unexpected ${p.count} values of \`${p.column}\` for \`facet\`, expected at most ${p.max} panels`,
    hint: (p: { column: string; count: number; max: number }) =>
      `no reader compares that many small charts: keep the ${p.max} or fewer that matter with a \`filter\` on \`${p.column}\` (a list, or \`{ not: [...] }\`); \`limit\` keeps categories within each panel, not panels`,
  },
  // ── Numbers in prose: :value{...} ─────────────────────────────────────────
  ValueAttributeUnknown: {
    message: (p: { actual: string }) => `Unexpected attribute \`${p.actual}\` in \`:value\``,
    hint: (p: { actual: string; suggestion?: string }) =>
      p.suggestion
        ? `did you mean \`${p.suggestion}\`?`
        : "use `data`, `row` or `where`, `col`, and optionally `agg` and `format`",
  },
  ValueAttributeMissing: {
    message: (p: { key: string }) => `Missing \`${p.key}\` in \`:value\``,
    hint: (p: { key: string; example: string }) => `write it like \`${p.example}\``,
  },
  ValueAttributesUnreadable: {
    message: (p: { actual: string }) => `Unexpected \`${p.actual}\` after \`:value\`, expected attributes it can read`,
    hint: (_p: { actual: string }) =>
      'write each attribute as `name=value` with a value after every `=`, put quotes around a value with spaces (`where="team=North; year=2024"`), and close the braces on the same line',
  },
  ValueInImage: {
    message: (_p: Record<string, never>) => "Unexpected `:value` in an image's alt text, which is read as plain text",
    hint: (_p: Record<string, never>) =>
      "write the figure in words in the alt text, or give it in the sentence or caption beside the image",
  },
  ValueNotInline: {
    message: (p: { actual: string }) => `Unexpected \`${p.actual}value\`, expected \`:value\` with one colon`,
    hint: (_p: { actual: string }) =>
      "write `:value{...}` with a single colon inside the sentence that uses the figure; with more it is a block of its own, and its text would be printed as typed",
  },
  ValueAttributeInvalid: {
    message: (p: { key: string; actual: string; expected: string }) =>
      `Unexpected \`${p.actual}\` for \`${p.key}\` in \`:value\`, expected ${p.expected}`,
    hint: (p: { key: string; actual: string; expected: string; fix: string }) => p.fix,
  },
  ValueUnknownDataset: {
    message: (p: { actual: string }) => `Unexpected dataset \`${p.actual}\` in \`:value\`, no such file in \`data/\``,
    hint: (p: { actual: string; suggestion?: string; datasets: readonly string[] }) =>
      p.suggestion ? `did you mean \`${p.suggestion}\`?` : `the datasets are ${list(p.datasets)}`,
  },
  ValueUnknownColumn: {
    message: (p: { actual: string; dataset: string }) =>
      `Unexpected column \`${p.actual}\` in \`:value\`, not in dataset \`${p.dataset}\``,
    hint: (p: { actual: string; dataset: string; columns: readonly string[]; suggestion?: string }) =>
      p.suggestion ? `did you mean \`${p.suggestion}\`?` : `the columns are ${list(p.columns, 40)}`,
  },
  ValueNoRow: {
    message: (p: { query: string; dataset: string }) =>
      `No row of \`${p.dataset}\` matches ${p.query} (0 rows matched)`,
    hint: (p: { query: string; dataset: string; sample: readonly string[] }) =>
      p.sample.length
        ? `values are matched exactly as written in the CSV, e.g. ${list(p.sample)}`
        : "check the value against the CSV: it must match the cell exactly, case included",
  },
  ValueManyRows: {
    message: (p: { query: string; dataset: string; matched: number }) =>
      `Unexpected ${p.matched} rows of \`${p.dataset}\` matching ${p.query}, expected exactly 1`,
    hint: (_p: { query: string; dataset: string; matched: number }) =>
      "add a `column=value` pair to `where` until one row matches, or add `agg=sum` (or count, mean...) to combine them",
  },
  ValueNotNumeric: {
    message: (p: { column: string; type: string; agg: string }) =>
      `Unexpected ${p.type} column \`${p.column}\` for \`agg=${p.agg}\`, expected a number column`,
    hint: (_p: { column: string; type: string; agg: string }) =>
      "aggregate a number column, or use `agg=count` to count rows",
  },
  ValueMissing: {
    message: (p: { column: string; dataset: string; line: number }) =>
      `Missing value: \`${p.column}\` is empty in \`${p.dataset}\` (CSV line ${p.line})`,
    hint: (_p: { column: string; dataset: string; line: number }) =>
      "fill in the cell, or write the sentence without this figure: printing a blank would mislead readers",
  },
  ValueSomeMissing: {
    message: (p: { column: string; dataset: string; line: number; missing: number; matched: number; agg: string }) =>
      `Missing values: ${p.missing} of the ${p.matched} matching rows of \`${p.dataset}\` have no \`${p.column}\` (first at CSV line ${p.line}), so their ${p.agg} is not known`,
    hint: (_p: { column: string; dataset: string; line: number; missing: number; matched: number; agg: string }) =>
      "fill in the cells, or narrow `where` to the rows that have a figure: leaving them out would print a wrong total",
  },
  ValueNoKey: {
    message: (p: { dataset: string }) => `Unexpected \`row\` for dataset \`${p.dataset}\`, which has no \`primaryKey\``,
    hint: (_p: { dataset: string }) => 'use `where="column=value"` to pick the row, or add `primaryKey` to the sidecar',
  },
  // ── Place templates: content/places/<template>.md ─────────────────────────
  PlaceTemplateNameInvalid: {
    message: (p: { slug: string }) => `Unexpected place template name \`${p.slug}\`, expected lowercase kebab-case`,
    hint: (p: { slug: string; suggestion: string }) =>
      `rename the file to \`${p.suggestion}.md\`; the name is the permanent URL of its pages`,
  },
  PlaceUnknownDataset: {
    message: (p: { actual: string }) =>
      `Unexpected dataset \`${p.actual}\` in \`each.data\`, no such file in \`data/\``,
    hint: (p: { actual: string; datasets: readonly string[]; suggestion?: string }) =>
      p.suggestion ? `did you mean \`${p.suggestion}\`?` : `the datasets are ${list(p.datasets)}`,
  },
  PlaceUnknownColumn: {
    message: (p: { actual: string; where: string; dataset: string }) =>
      `Unexpected column \`${p.actual}\` in ${p.where}, not in dataset \`${p.dataset}\``,
    hint: (p: { actual: string; where: string; dataset: string; columns: readonly string[]; suggestion?: string }) =>
      p.suggestion ? `did you mean \`${p.suggestion}\`?` : `the columns are ${list(p.columns, 40)}`,
  },
  PlaceholderUnknown: {
    message: (p: { actual: string }) =>
      `Unexpected placeholder \`${p.actual}\`, expected \`{place}\` or \`{place.<column>}\``,
    hint: (p: { actual: string; suggestion?: string }) =>
      p.suggestion
        ? `did you mean \`${p.suggestion}\`?`
        : "a place template fills `{place}` with the place's name, `{place.slug}` with its address and `{place.<column>}` with a cell of its row",
  },
  PlaceKeyMissing: {
    message: (p: { column: string; dataset: string }) =>
      `Unexpected row with no \`${p.column}\` in \`${p.dataset}\`, expected every place to have a name`,
    hint: (p: { column: string; dataset: string }) =>
      `fill in \`${p.column}\` on that row, or leave the row out with \`each.filter\``,
  },
  PlaceSlugDuplicate: {
    message: (p: { actual: string; slug: string; other: string; line: number }) =>
      `Unexpected second place \`${p.actual}\` with the address \`${p.slug}\`, already used by \`${p.other}\` (line ${p.line} of the dataset)`,
    hint: (_p: { actual: string; slug: string; other: string; line: number }) =>
      "each place's page is named after it: make `each.key` a column whose values differ in more than case and punctuation, or narrow the rows with `each.filter`",
  },
  RankAttributeInvalid: {
    message: (p: { actual: string; expected: string }) =>
      `Unexpected \`${p.actual}\` in \`:rank\`, expected ${p.expected}`,
    hint: (_p: { actual: string; expected: string }) =>
      'write it like `:rank{col=vacancy_rate}`, optionally with `label="vacancy rate"` and `of=councils`',
  },
  RankNotNumeric: {
    message: (p: { column: string; type: string }) =>
      `Unexpected \`:rank\` on \`${p.column}\`, a column of type \`${p.type}\`, expected a number column`,
    hint: (_p: { column: string; type: string }) => "rank a column of figures (`number` or `integer`)",
  },
  RankOutsidePlace: {
    message: (_p: Record<string, never>) => "Unexpected `:rank` outside a place template",
    hint: (_p: Record<string, never>) => "`:rank` ranks the current place: use it in `content/places/<template>.md`",
  },
  // ── Published figures: content/published.lock.json ────────────────────────
  PublishedFigureChanged: {
    message: (p: { was: string; now: string; recorded: string; dataset: string; slug: string }) =>
      `Unexpected change of a published figure: published as \`${p.was}\` on ${longDate(p.recorded)}, would now print \`${p.now}\` (\`data/${p.dataset}.csv\` changed)`,
    hint: (p: { was: string; now: string; recorded: string; dataset: string; slug: string }) =>
      `tell readers: add a \`corrections\` entry or an \`updated\` date to the story, and the build publishes the new figure; or keep the story on the data it was published with: \`npm run figures -- pin ${p.slug}\``,
  },
  PublishedChartChanged: {
    message: (p: { was: string; now: string; recorded: string; dataset: string; slug: string }) =>
      `Unexpected change of a published chart: \`${p.was}\`, published on ${longDate(p.recorded)}, would now draw other figures (\`data/${p.dataset}.csv\` changed)`,
    hint: (p: { was: string; now: string; recorded: string; dataset: string; slug: string }) =>
      `tell readers: add a \`corrections\` entry or an \`updated\` date to the story, and the build publishes the new chart; or keep the story on the data it was published with: \`npm run figures -- pin ${p.slug}\``,
  },
  PublishedChartRemoved: {
    message: (p: { id: string; recorded: string }) =>
      `Missing published chart \`${p.id}\`, published on ${longDate(p.recorded)}`,
    hint: (p: { id: string; recorded: string }) =>
      `other sites may embed it: keep a chart with \`id: ${p.id}\`, or list it in the renamed chart's \`aliases\``,
  },
  PublishedRecordUnreadable: {
    message: (p: { file: string }) => `Unreadable published record \`${p.file}\``,
    hint: (p: { file: string }) =>
      `restore it from version control (\`git checkout -- ${p.file}\`); without it no published figure is guarded`,
  },

  // ── Site settings: plotline.config.json and PLOTLINE_SITE_URL ─────────────
  SiteUrlMissing: {
    message: (_p: Record<string, never>) =>
      "Missing site URL: set `site` in `plotline.config.json` or the `PLOTLINE_SITE_URL` environment variable",
    hint: (_p: Record<string, never>) =>
      'feeds, newsletters, embed codes and canonical links need absolute addresses: add `{ "site": "https://news.example.org" }` to plotline.config.json, or run the build with PLOTLINE_SITE_URL=https://news.example.org',
  },
  SiteUrlInvalid: {
    message: (p: { actual: string; setting: string; expected: string }) =>
      `Unexpected site URL \`${p.actual}\` in \`${p.setting}\`, expected ${p.expected}`,
    hint: (p: { actual: string; setting: string; expected: string; fix: string }) => p.fix,
  },
  ConfigInvalid: {
    message: (p: { reason: string }) => `Invalid JSON in \`plotline.config.json\`: ${p.reason}`,
    hint: (_p: { reason: string }) => 'write it as a JSON object, e.g. `{ "site": "https://news.example.org" }`',
  },
  ConfigUnknownKey: {
    message: (p: { key: string }) => `Unexpected key \`${p.key}\` in \`plotline.config.json\``,
    hint: (p: { key: string; suggestion?: string }) =>
      p.suggestion
        ? `did you mean \`${p.suggestion}\`?`
        : "the settings are `site`, `name`, `tagline`, `description`, `lang`, `logo`, `accent`, `footer`, `social` and `byline` (see docs/configuration.md)",
  },
  ConfigFileMissing: {
    message: (_p: Record<string, never>) => "Missing `plotline.config.json`",
    hint: (_p: Record<string, never>) =>
      'create it beside package.json with at least the site\'s address and name: `{ "site": "https://news.example.org", "name": "The Ledger" }`',
  },
  ConfigMissingKey: {
    message: (p: { key: string }) => `Missing key \`${p.key}\` in \`plotline.config.json\``,
    hint: (p: { key: string }) =>
      p.key === "name"
        ? 'add the newsroom\'s name, shown in the masthead, titles and feeds: `"name": "The Ledger"`'
        : `add \`${p.key}\` (see docs/configuration.md)`,
  },
  ConfigInvalidValue: {
    message: (p: { key: string; actual: string; expected: string }) =>
      `Unexpected \`${p.actual}\` for \`${p.key}\` in \`plotline.config.json\`, expected ${p.expected}`,
    hint: (p: { key: string }) => `correct \`${p.key}\` (docs/configuration.md lists every setting with an example)`,
  },
  ConfigAccentContrast: {
    message: (p: { actual: string; scheme: string; background: string; ratio: string }) =>
      `Unexpected accent \`${p.actual}\` on the ${p.scheme} background \`${p.background}\`: contrast ${p.ratio}:1, expected at least 4.5:1`,
    hint: (p: { scheme: string }) =>
      p.scheme === "light"
        ? 'text in the accent must pass WCAG AA (4.5:1; that also passes 3:1 for marks): pick a darker shade, and give each background its own with `{ "light": "#b8441f", "dark": "#f08a65" }`'
        : 'text in the accent must pass WCAG AA (4.5:1; that also passes 3:1 for marks): pick a lighter shade for dark mode, with `{ "light": "#b8441f", "dark": "#f08a65" }`',
  },
  ConfigLogoMissing: {
    message: (p: { actual: string }) => `Missing logo file \`public/${p.actual}\``,
    hint: (_p: { actual: string }) =>
      'put the image in `public/` and name it relative to that folder, e.g. `"logo": "logo.svg"`',
  },
  // ── Topics: content/topics.yml ───────────────────────────────────────────────
  TopicsYamlInvalid: {
    message: (p: { reason: string }) => `Invalid YAML in \`content/topics.yml\`: ${p.reason}`,
    hint: (_p: { reason: string }) =>
      "each topic is its id, then `name:` and `description:` indented beneath it; quote a value containing `:` or `#`",
  },
  TopicsUnknownKey: {
    message: (p: { key: string }) => `Unexpected key \`${p.key}\` in \`content/topics.yml\``,
    hint: (_p: { key: string }) => "a topic has only a `name` and a `description`",
  },
  TopicsMissingKey: {
    message: (p: { key: string }) => `Missing key \`${p.key}\` in \`content/topics.yml\``,
    hint: (_p: { key: string }) => "every topic needs a `name` (what readers see) and a one-line `description`",
  },
  TopicsInvalidValue: {
    message: (p: { key: string; actual: string; expected: string }) =>
      `Unexpected \`${p.actual}\` for \`${p.key}\` in \`content/topics.yml\`, expected ${p.expected}`,
    hint: (_p: { key: string }) =>
      "write each topic as `council-finance:` with `name: Council finance` and `description: One line about it` beneath",
  },
  TopicUnknown: {
    message: (p: { actual: string }) => `Unexpected topic \`${p.actual}\`, not in \`content/topics.yml\``,
    hint: (p: { actual: string; suggestion?: string }) =>
      p.suggestion
        ? `did you mean \`${p.suggestion}\`? If not, add \`${p.actual}\` to content/topics.yml with its name and description`
        : `add \`${p.actual}\` to content/topics.yml with its display name and a one-line description`,
  },
  // ── Fact-lint: figures typed by hand in prose (warnings, `npm run check` only) ──
  FactUnmatched: {
    message: (p: { actual: string; kind: string; nearest?: string; where?: string }) =>
      p.nearest
        ? `Unexpected figure \`${p.actual}\`, not in the story's data: the nearest is ${p.nearest} (${p.where})`
        : `Unexpected figure \`${p.actual}\`, not in the story's data, which holds no ${p.kind}`,
    hint: (p: { actual: string; kind: string; suggestion?: string; directive?: string }) =>
      p.suggestion
        ? `did you mean \`${p.suggestion}\`?${p.directive ? ` Write \`${p.directive}\` to print it from the data` : ""}`
        : "if the figure is right, add it to a dataset and print it with `:value`; a typed figure is checked, never updated",
  },
  FactInOtherDataset: {
    message: (p: { actual: string; dataset: string; where: string }) =>
      `Unexpected figure \`${p.actual}\` from \`${p.dataset}\` (${p.where}), a dataset the story does not use`,
    hint: (p: { actual: string; dataset: string; directive?: string }) =>
      p.directive
        ? `write \`${p.directive}\` so the story cites \`${p.dataset}\` and stays in step with it`
        : `print it with \`:value{data=${p.dataset} ...}\` so the story cites the dataset`,
  },
  ChartHighlightNoRow: {
    message: (p: { actual: string; column: string }) =>
      `Unexpected \`${p.actual}\` in \`highlight\`, no row of the chart has it in \`${p.column}\``,
    hint: (p: { actual: string; column: string; values: readonly string[]; suggestion?: string }) =>
      p.suggestion
        ? `did you mean \`${p.suggestion}\`?`
        : `the values of \`${p.column}\` in the chart are ${list(p.values)}`,
  },
} as const;

export type Catalogue = typeof catalogue;
export type ErrorCode = keyof Catalogue;
export type ErrorParams<C extends ErrorCode> = Parameters<Catalogue[C]["message"]>[0] &
  Parameters<Catalogue[C]["hint"]>[0];
