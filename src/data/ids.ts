// The names authors give things: stories, datasets, charts, topics and custom modules are named
// in kebab-case, and a dataset pinned for a story keeps its name with the day it was published.

// kebab-case: lowercase letters and digits in groups joined by single hyphens. Exported for zod
// schemas, whose `.regex` reports a mismatch with the author's value and the expected form.
export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// A pinned dataset: `<kebab-case name>@YYYY-MM-DD`.
const PINNED = /^([a-z0-9]+(?:-[a-z0-9]+)*)@(\d{4}-\d{2}-\d{2})$/;

/** Whether `text` is a kebab-case name, e.g. `overspend-by-year`. */
export const isKebab = (text: string): boolean => KEBAB.test(text);

/** `text` made kebab-case, for a suggestion: `Overspend by Year` → `overspend-by-year`. */
export function kebab(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Whether `id` names a dataset: a kebab-case name, or one pinned to a day (`nct-budget@2024-04-08`). */
export const isDatasetId = (id: string): boolean => KEBAB.test(id) || PINNED.test(id);

/** The dataset a pinned id is a version of, and its day; undefined for a current dataset. */
export function pinnedVersion(id: string): { of: string; day: string } | undefined {
  const match = PINNED.exec(id);
  return match ? { of: match[1]!, day: match[2]! } : undefined;
}

/** The id of dataset `id` pinned to `day`. */
export const pinnedId = (id: string, day: string) => `${id}@${day}`;
