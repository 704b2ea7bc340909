// Helpers for the workflow tests: run a project script against a content root, and make
// throwaway copies of fixture sites that tests may edit.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

export const projectRoot = join(import.meta.dirname, "..", "..");
export const workflowFixture = (name: string): string => join(import.meta.dirname, "fixtures", name);

export interface ScriptResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/<name>.ts` on the project's Node with PLOTLINE_ROOT pointing at `root`. */
export function runScript(name: string, args: string[], root: string): ScriptResult {
  const result = spawnSync(process.execPath, [join(projectRoot, "scripts", `${name}.ts`), ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, TZ: "UTC", PLOTLINE_ROOT: root },
  });
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder, copied from `from` when given; removed after the test file. */
export function tempRoot(from?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "plotline-workflow-"));
  temporary.push(dir);
  if (from) cpSync(from, dir, { recursive: true });
  return dir;
}
