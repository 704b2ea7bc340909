// Keeps a published story on the data it was published with. For each dataset whose revision
// would change the story's figures, finds the version of its CSV and sidecar that reproduces the
// published record (the file as it is, then each earlier version the caller can supply, newest
// first, from version control), saves it beside the current one as `data/<id>@<day>.csv` and
// `.yml`, and points the story's chart blocks and `:value`s at it. Newer stories go on using the
// revised `data/<id>.csv`; the pinned copy is a dataset like any other, with its own page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDatasetId, pinnedId, pinnedVersion } from "../data/ids.ts";
import { loadDataset } from "../data/index.ts";
import type { Dataset } from "../data/types.ts";
import { renderStory } from "../markdown/story.ts";
import { changedDatasets, type StoryRecord } from "./published.ts";

/** One version of a dataset's two files, and where it came from (`working tree`, a commit). */
export interface DatasetVersion {
  label: string;
  csv: Uint8Array;
  sidecar: string;
}

export interface PinPlan {
  /** New files to write, project-relative. */
  files: Array<{ path: string; content: Uint8Array | string }>;
  /** The story's new text, pointing at the pinned datasets. */
  storyText: string;
  /** What was pinned, for the report: dataset, pinned id, and the version used. */
  pinned: Array<{ dataset: string; id: string; version: string }>;
  /** Datasets whose versions were all tried and none gave the published figures. */
  notFound: string[];
}

export function planPin(options: {
  slug: string;
  file: string;
  text: string;
  record: StoryRecord;
  datasets: ReadonlyMap<string, Dataset>;
  /** Earlier versions of a dataset, newest first (the current files are tried first, always). */
  versions: (id: string) => DatasetVersion[];
}): PinPlan {
  const { record } = options;
  const used = [...new Set([...record.values.map((v) => v.dataset), ...record.charts.map((c) => c.dataset)])]
    .filter((id) => isDatasetId(id) && !pinnedVersion(id))
    .sort();
  const plan: PinPlan = { files: [], storyText: options.text, pinned: [], notFound: [] };
  for (const id of used) {
    if (reproduces(options, id, options.datasets)) continue;
    const found = options.versions(id).find((version) => {
      const dataset = datasetFrom(id, version);
      return dataset !== undefined && reproduces(options, id, new Map([...options.datasets, [id, dataset]]));
    });
    if (!found) {
      plan.notFound.push(id);
      continue;
    }
    const pinned = pinnedId(id, dayOf(record, id));
    plan.files.push(
      { path: `data/${pinned}.csv`, content: found.csv },
      { path: `data/${pinned}.yml`, content: found.sidecar },
    );
    plan.storyText = pointAt(plan.storyText, id, pinned);
    plan.pinned.push({ dataset: id, id: pinned, version: found.label });
  }
  return plan;
}

/** Whether the story, drawn from `datasets`, prints and draws what the record says for dataset `id`. */
function reproduces(
  options: { slug: string; file: string; text: string; record: StoryRecord },
  id: string,
  datasets: ReadonlyMap<string, Dataset>,
): boolean {
  const story = renderStory(options.text, { file: options.file, slug: options.slug }, { datasets });
  // Only this dataset's figures count: another revised dataset is pinned on its own turn.
  return !changedDatasets(options.record, story).has(id);
}

/** A dataset read from one version of its files, in a scratch folder. */
function datasetFrom(id: string, version: DatasetVersion): Dataset | undefined {
  const root = mkdtempSync(join(tmpdir(), "plotline-pin-"));
  try {
    const dir = join(root, "data");
    mkdirSync(dir);
    writeFileSync(join(dir, `${id}.csv`), version.csv);
    writeFileSync(join(dir, `${id}.yml`), version.sidecar);
    return loadDataset({ root, id }).dataset;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The day a pinned copy is named by: the last revision of that dataset the record took, else the first record. */
function dayOf(record: StoryRecord, id: string): string {
  return record.revisions.filter((r) => r.dataset === id).pop()?.date ?? record.recorded;
}

/** The story's text with its chart blocks' `data:` and its `:value`s' `data=` for `id` pointing at `pinned`. */
export function pointAt(text: string, id: string, pinned: string): string {
  const name = id.replace(/[-]/g, "\\-");
  // A chart block line `data: <id>`, with an optional comment after it.
  const dataKey = new RegExp(`^(\\s*data:\\s*)${name}(\\s*(?:#.*)?)$`, "gm");
  // `data=<id>` inside `:value{...}`, ending at a space or the closing brace.
  const valueAttr = new RegExp(`(:value\\{[^}]*?\\bdata=)${name}(?=[\\s}])`, "g");
  return text.replace(dataKey, `$1${pinned}$2`).replace(valueAttr, `$1${pinned}`);
}
