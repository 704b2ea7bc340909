// File moves for putting a site together: moving Astro's output into the new site's folder, and
// linking files kept from the last site or from the cache into it. Files are never changed in
// place (the cache and the old site are only ever replaced whole), so sharing them by hard link
// is safe, and far faster than copying a thousand stories' pages or three thousand PNGs.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

/** Moves everything under the folder `from` into the folder `to`, merging folders both have. */
export function moveInto(from: string, to: string): void {
  if (!existsSync(to)) {
    renameSync(from, to);
    return;
  }
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory() && existsSync(target)) moveInto(source, target);
    else renameSync(source, target);
  }
  rmSync(from, { recursive: true });
}

/**
 * A linker that puts `from` (a file or a folder) at `to` as hard links, copying across devices.
 * It remembers the folders it made: a partial build links 3,000 PNGs into charts/ alone.
 */
export function treeLinker(): (from: string, to: string) => void {
  const madeFolders = new Set<string>();
  const makeFolder = (dir: string) => {
    if (!madeFolders.has(dir)) mkdirSync(dir, { recursive: true });
    madeFolders.add(dir);
  };
  const linkTree = (from: string, to: string): void => {
    if (statSync(from).isDirectory()) {
      makeFolder(to);
      for (const name of readdirSync(from)) linkTree(join(from, name), join(to, name));
      return;
    }
    makeFolder(dirname(to));
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  };
  return linkTree;
}

/** The names in `dir` if it is a folder, null if it is something else, undefined if nothing. */
export function folderEntries(dir: string): string[] | null | undefined {
  if (!existsSync(dir)) return undefined;
  return statSync(dir).isDirectory() ? readdirSync(dir) : null;
}
