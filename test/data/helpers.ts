// Test helpers for the data layer: fixture roots, throwaway projects, and messages as printed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";
import type { VFileMessage } from "../../src/errors/diagnostic.ts";
import { formatMessage } from "../../src/errors/print.ts";

/** The project root of a committed fixture: `test/fixtures/data/<name>/` (it holds `data/`). */
export function fixtureRoot(name: string): string {
  return fileURLToPath(new URL(`../fixtures/data/${name}/`, import.meta.url));
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/**
 * A throwaway project with `files` under `data/`: for bytes a committed file could lose (CR line
 * ends, Windows-1252) the test then shows them literally.
 */
export function tempProject(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), "plotline-data-"));
  roots.push(root);
  mkdirSync(join(root, "data"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, "data", name), content);
  return root;
}

/** Messages as the terminal shows them (without a code frame): `file:line:column: error: ...`. */
export function printed(messages: readonly VFileMessage[]): string[] {
  return messages.map((m) => formatMessage(m));
}
