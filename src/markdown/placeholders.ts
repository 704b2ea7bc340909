// Placeholders in a place template: `{place}` is the place's name, `{place.slug}` its address,
// and `{place.<column>}` another cell of its row. Found once in the template's text (a typo is an
// error at its line and column), then filled for each place, in YAML (frontmatter values and chart
// blocks) so that any name, commas and quotes included, stays one value.

// `{` a name, optionally `.` and a column (no braces, colons, `=` or quotes: those are YAML flow
// mappings and directive attributes, not placeholders), then `}`. `{ la_name: x }` is not matched.
const PLACEHOLDER = /\{([A-Za-z_][\w-]*)(?:\.([^{}\n:="]+))?\}/g;

export const PLACE = "place";

export interface PlaceholderUse {
  line: number;
  column: number;
  /** The name before the dot: `place` unless mistyped. */
  name: string;
  /** The column after the dot, if any. */
  column_?: string;
  written: string;
}

/** Every placeholder in `text`, with its 1-based line and column. */
export function findPlaceholders(text: string, firstLine = 1): PlaceholderUse[] {
  const uses: PlaceholderUse[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    for (const match of line.matchAll(PLACEHOLDER)) {
      uses.push({
        line: firstLine + i,
        column: match.index + 1,
        name: match[1]!,
        column_: match[2]?.trim(),
        written: match[0],
      });
    }
  });
  return uses;
}

/** The text each placeholder of one place stands for, by what is written inside the braces. */
export type PlaceValues = (name: string, column: string | undefined) => string;

/** `text` with every placeholder filled, for prose and frontmatter values (already parsed). */
export const fillText = (text: string, values: PlaceValues): string =>
  text.replace(PLACEHOLDER, (written, name: string, column?: string) =>
    name === PLACE ? values(name, column?.trim()) : written,
  );

/**
 * A chart block's YAML with every placeholder filled, quoted for where it stands: escaped inside
 * double or single quotes, written as a quoted string when it is a whole value (`la_name: {place}`),
 * and as plain text inside longer plain text. Line breaks in a cell become spaces, so the block's
 * lines stay the template's lines (errors point at them).
 */
export function fillYaml(text: string, values: PlaceValues): string {
  return text
    .split("\n")
    .map((line) => fillPlainValue(line, values) ?? line)
    .map((line) =>
      line.replace(PLACEHOLDER, (written, name: string, column: string | undefined, offset: number) => {
        if (name !== PLACE) return written;
        const value = values(name, column?.trim()).replace(/[\r\n\t]+/g, " ");
        const quote = openQuote(line.slice(0, offset));
        if (quote === '"') return JSON.stringify(value).slice(1, -1);
        if (quote === "'") return value.replace(/'/g, "''");
        const before = line.slice(0, offset).trimEnd();
        const after = line.slice(offset + written.length).trimStart();
        const startsValue = before === "" || /[:[{,-]$/.test(before);
        const endsValue = after === "" || /^[,\]}#]/.test(after);
        return startsValue && endsValue ? JSON.stringify(value) : value;
      }),
    )
    .join("\n");
}

// `key: value` (or `- key: value`) whose value is plain text, not quoted, a flow collection or a
// block scalar (a value may start with a placeholder); the value stops before a ` #` comment.
const PLAIN_VALUE = /^(\s*(?:-\s+)?[^\s:#{}[\]"'][^:#{}[\]]*:\s+)((?:\{place\b|[^\s"'{}[\]|>&*!%@`])[^#]*?)(\s+#.*)?$/;

/**
 * A line whose plain value holds a placeholder among other words (`title: {place} among all`),
 * with the whole value written as one quoted string: a name with `: ` or ` #` in it would
 * otherwise end the value or start a comment. Undefined for any other line.
 */
function fillPlainValue(line: string, values: PlaceValues): string | undefined {
  const match = PLAIN_VALUE.exec(line);
  if (!match || !findPlaceholders(match[2]!).some((use) => use.name === PLACE)) return undefined;
  const filled = fillText(match[2]!, (name, column) => values(name, column).replace(/[\r\n\t]+/g, " "));
  return `${match[1]}${JSON.stringify(filled.trimEnd())}${match[3] ?? ""}`;
}

/** The quote a YAML line is inside at its end (`"`, `'`), or undefined outside quotes. */
function openQuote(text: string): string | undefined {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote === '"' && char === "\\") i++;
    else if (quote && char === quote) {
      // `''` inside single quotes is one quote, not the end.
      if (quote === "'" && text[i + 1] === "'") i++;
      else quote = undefined;
    } else if (!quote && (char === '"' || char === "'")) {
      // A quote opens a scalar only where one starts (`key: "`, `[ '`), not in `it's`.
      const previous = text.slice(0, i).trimEnd();
      if (previous === "" || /[:[{,-]$/.test(previous)) quote = char;
    } else if (!quote && char === "#" && /\s/.test(text[i - 1] ?? " ")) break;
  }
  return quote;
}
