// Runs `astro build` as a child process and reads what it prints. Astro lists every page it
// writes (23,000 lines at a thousand stories): those lines are counted for the progress line and
// shown only with --verbose; its warnings and errors always pass through.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { forgetChild, noteChild } from "./astro-child.ts";

export interface AstroRun {
  /** Astro's exit status. */
  exit: Promise<number>;
  /** Stops Astro at once. */
  kill(): void;
}

export interface AstroRunOptions {
  project: string;
  outDir: string;
  env: NodeJS.ProcessEnv;
  /** Where Astro's pid is noted, so a later build can stop it if this one dies (astro-child.ts). */
  pidFile: string;
  /** Extra flags for Node. */
  nodeFlags?: string[];
  /** Print every line Astro prints. */
  verbose: boolean;
  /** Called with each page Astro writes. */
  onPage: (path: string) => void;
  /** Prints a line of Astro's that the reader must see (or every line, when verbose). */
  print: (line: string, stream: "out" | "err") => void;
}

// A page line: `20:01:20   ├─ /charts/a.png (+142ms)` (└─ for the last of a route).
const PAGE_LINE = /[├└]─ (\/\S*)/;
// Astro's own tags for what must be seen: `[WARN]`, `[ERROR]`, and its error headings.
const NOTICE = /\[(?:WARN|ERROR)\]|\berror\b|\bwarning\b|✗|▲/i;

export function startAstro(options: AstroRunOptions): AstroRun {
  const bin = join(options.project, "node_modules", "astro", "bin", "astro.mjs");
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), bin, "build", "--outDir", options.outDir],
    { cwd: options.project, env: options.env, stdio: ["ignore", "pipe", "pipe"] },
  );
  noteChild(options.pidFile, child.pid);
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const page = PAGE_LINE.exec(line)?.[1];
    if (page) options.onPage(page);
    if (options.verbose || (!page && NOTICE.test(line))) options.print(line, "out");
  });
  createInterface({ input: child.stderr! }).on("line", (line) => options.print(line, "err"));
  const exit = new Promise<number>((done) =>
    child.on("close", (code) => {
      forgetChild(options.pidFile);
      done(code ?? 1);
    }),
  );
  return { exit, kill: () => child.kill("SIGKILL") };
}
