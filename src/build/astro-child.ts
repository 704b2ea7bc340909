// `npm run build` runs Astro as a child process (build.ts). If the build dies without
// stopping it (killed by a timeout or the out-of-memory killer), Astro would go on writing a site
// that no one will ever swap in, into the folder the next build starts from. So Astro watches its
// parent, and stops as soon as it is no longer the build that started it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { BUILD_PID_ENV } from "./env.ts";

let watching = false;

/** In a process started by the build, exits once the build is gone; elsewhere does nothing. */
export function exitWithBuild(): void {
  const build = Number(process.env[BUILD_PID_ENV]);
  if (!build || watching) return;
  watching = true;
  // An orphan is adopted by another process, so its parent's pid changes. Checked often enough
  // that an orphan writes nothing more of note; unref'd, so it never keeps Astro running.
  const check = () => {
    if (process.ppid !== build) process.exit(1);
  };
  check();
  setInterval(check, 50).unref();
}

/**
 * The build's side: stops an Astro left running by a build that was killed, which `exitWithBuild`
 * may not have stopped yet (its check waits while Astro's own work holds the event loop, seconds
 * at a thousand stories). `pidFile` is where `noteChild` noted it; `marker` is text its command
 * line holds (its output folder), so a process that has since taken the same pid is never touched.
 */
export async function stopOrphanedChild(pidFile: string, marker: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, "utf8"));
  } catch {
    return; // none noted: the last build ended as it should
  }
  const running = () => runningWith(pid, marker);
  if (pid > 0 && running()) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // It ended by itself meanwhile (or is not ours to stop): nothing to wait for but below.
    }
    for (let waited = 0; running() && waited < 5000; waited += 20) await sleep(20);
  }
  rmSync(pidFile, { force: true });
}

/**
 * Whether process `pid` is running (not ended, nor a zombie) with `marker` in its command line.
 * False where there is no /proc to ask: there the child's own watch is all there is.
 */
export function runningWith(pid: number | string, marker: string): boolean {
  try {
    const state = /^State:\s+(\w)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return state !== "Z" && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(marker);
  } catch {
    return false;
  }
}

/** Notes the child's pid for `stopOrphanedChild`. */
export function noteChild(pidFile: string, pid: number | undefined): void {
  mkdirSync(dirname(pidFile), { recursive: true });
  writeFileSync(pidFile, String(pid));
}

/** Forgets the child noted in `pidFile`, once it has ended. */
export const forgetChild = (pidFile: string) => rmSync(pidFile, { force: true });
