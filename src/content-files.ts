// What an entry of the content folders (`data/`, `content/stories/`) is, read without following
// a symbolic link blindly: a link that points outside the project would publish a file of the
// machine that builds (`data/payments.csv` linked to a host file is served as
// `/data/payments.source.csv`), and a broken link cannot be read. Such entries are reported
// where they are listed and never read.
import { lstatSync, readFileSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { diagnostic, type VFileMessage } from "./errors/diagnostic.ts";

export type ContentEntry =
  | { kind: "file" }
  | { kind: "folder" }
  /** A symbolic link whose target, resolved, lies outside the project folder. */
  | { kind: "outside"; target: string }
  /** A symbolic link to nothing. */
  | { kind: "broken"; target: string };

/** What `path` (relative to `root`, the folder holding `content/` and `data/`) is. */
export function contentEntry(root: string, path: string): ContentEntry {
  const full = join(root, path);
  if (lstatSync(full).isSymbolicLink()) {
    let real: string;
    try {
      real = realpathSync(full);
    } catch {
      return { kind: "broken", target: readlinkSync(full) };
    }
    if (!isInside(real, realpathSync(root))) return { kind: "outside", target: real };
  }
  return statSync(full).isDirectory() ? { kind: "folder" } : { kind: "file" };
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}

/**
 * The error for an entry that must not be read (a link outside the project, or to nothing), at
 * the entry itself; undefined for a file or folder.
 */
export function linkProblem(root: string, path: string, entry = contentEntry(root, path)): VFileMessage | undefined {
  if (entry.kind === "file" || entry.kind === "folder") return undefined;
  const code = entry.kind === "outside" ? "ContentLinkOutside" : "ContentLinkBroken";
  return diagnostic(code, { path, target: entry.target }, { file: path, line: 1, column: 1 });
}

/**
 * Reads a file under `root` for a message's code frame, but never through a link out of the
 * project or to nothing: the frame of such a link's error would print the host file's first lines
 * into a build log. Throws instead, which prints the message without a frame.
 */
export function frameReader(root: string): (path: string) => string {
  return (path) => {
    if (linkProblem(root, relative(root, path))) throw new Error(`${path} is not read`);
    return readFileSync(path, "utf8");
  };
}
