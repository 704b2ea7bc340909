// The markdown files of a content folder (`content/stories/`, `content/places/`), sorted. A folder
// named like one, a link to nothing and a link out of the project (which would publish a file of
// the machine that builds) are reported, and not read.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { contentEntry, linkProblem } from "../content-files.ts";
import type { Diagnostics } from "../errors/diagnostic.ts";

export function markdownFiles(root: string, folder: string, diagnostics: Diagnostics): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith(".md"))
    .sort()
    .filter((name) => {
      const path = `${folder}/${name}`;
      const entry = contentEntry(root, path);
      const problem = linkProblem(root, path, entry);
      if (problem) diagnostics.push(problem);
      else if (entry.kind === "folder") diagnostics.add("StoryNotFile", { path }, { file: path, line: 1, column: 1 });
      return entry.kind === "file";
    });
}
