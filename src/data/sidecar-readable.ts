// Which sidecar mistakes still let its CSV be read, so the CSV's own errors are reported in the
// same run (a failed build shows every error found), and which stop the reading.
import type { core } from "zod";
import { closest } from "../errors/closest.ts";

/** Top-level keys that describe the dataset; none changes how a cell is read (`source.published` does). */
const DESCRIPTIVE = new Set(["title", "description", "licence", "notes", "updated", "source"]);
/** A field's keys that label or print it; reading a cell uses only its type, scale and number rules. */
const DESCRIPTIVE_FIELD = new Set(["title", "description", "unit", "format"]);

export type Path = readonly PropertyKey[];

/**
 * The sidecar's value with every key that zod rejected for a reason that changes no cell's reading
 * taken out: unknown keys (unless a typo of a key that does), and wrong or missing descriptive
 * values. Undefined when any other key is wrong: a bad `fields` entry leaves a column without a
 * known type, and a bad `missingValues`, `primaryKey`, `headerRow`, `scale` or `source.published`
 * (or a misspelt one, such as `missingValue`) would change what every cell reads as, so checking
 * cells then would report mistakes that are not in the CSV. `keysAt` lists the keys allowed where
 * an unknown one was found, to tell a typo from a key of the author's own.
 */
export function readableSidecarValue(
  raw: unknown,
  issues: readonly core.$ZodIssue[],
  keysAt: (path: Path) => readonly string[],
): unknown {
  const removals: Path[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const meant = closest(key, keysAt(issue.path));
        if (meant !== undefined && !descriptiveKeyOf([...issue.path, meant])) return undefined;
        removals.push([...issue.path, key]);
      }
      continue;
    }
    const path = descriptiveKeyOf(issue.path);
    if (!path) return undefined;
    removals.push(path);
  }
  const value = structuredClone(raw);
  for (const path of removals) removeAt(value, path);
  return value;
}

/** The descriptive key a problem lies under (`["source", "url"]`, `["fields", 2, "unit"]`), if any. */
function descriptiveKeyOf(path: Path): Path | undefined {
  const [first, second, third] = path;
  if (typeof first === "string" && DESCRIPTIVE.has(first)) {
    if (first !== "source") return [first];
    if (second === "published") return undefined;
    return second === undefined ? [first] : [first, second];
  }
  const inField = (first === "fields" || first === "derive") && typeof second === "number";
  if (inField && typeof third === "string" && DESCRIPTIVE_FIELD.has(third)) return [first, second, third];
  return undefined;
}

function removeAt(data: unknown, path: Path): void {
  let node = data;
  for (const step of path.slice(0, -1)) {
    if (node === null || typeof node !== "object") return;
    node = (node as Record<PropertyKey, unknown>)[step];
  }
  if (node !== null && typeof node === "object") delete (node as Record<PropertyKey, unknown>)[path.at(-1)!];
}
