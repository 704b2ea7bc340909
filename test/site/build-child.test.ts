// The build's Astro child and a build that was killed (src/build/astro-child.ts).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { noteChild, stopOrphanedChild } from "../../src/build/astro-child.ts";

/** A process that runs until killed, with `marker` in its command line. */
function sleeper(marker: string) {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)", marker], { stdio: "ignore" });
  const ended = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return { child, ended };
}

describe("a child left running by a killed build", () => {
  it("is stopped by the next build when its command line still names the build's folder", async () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), "plotline-child-")), "astro-pid");
    const orphan = sleeper("/site/dist.astro-out");
    noteChild(pidFile, orphan.child.pid);
    await stopOrphanedChild(pidFile, "/site/dist.astro-out");
    await orphan.ended;
    expect(orphan.child.signalCode).toBe("SIGKILL");
    expect(existsSync(pidFile)).toBe(false);
  });

  it("leaves alone a process that has since taken the same pid, and forgets the note", async () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), "plotline-child-")), "astro-pid");
    const other = sleeper("something-else");
    noteChild(pidFile, other.child.pid);
    await stopOrphanedChild(pidFile, "/site/dist.astro-out");
    expect(other.child.exitCode).toBeNull();
    expect(other.child.signalCode).toBeNull();
    expect(existsSync(pidFile)).toBe(false);
    other.child.kill();
    await other.ended;
    // Nothing noted: nothing to do.
    await expect(stopOrphanedChild(pidFile, "x")).resolves.toBeUndefined();
  });
});
