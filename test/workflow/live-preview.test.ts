// Live preview, end to end: `astro dev` on a copy of a fixture site; edits to a story, a CSV and
// a sidecar must reach the page without a restart, and a content error must leave the server
// running and be reported with its position, not a stack trace.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot, tempRoot } from "./helpers.ts";

const STORY = "content/stories/trust-overspend.md";
const PAGE = "/stories/trust-overspend/";
const TITLE = "The trust&#39;s overspend grew for a third year";

let root = "";
let base = "";
let server: ChildProcess | undefined;
let output = "";

/** A port nothing listens on, from the operating system. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Polls `check` every 250 ms until it returns true or `seconds` pass; returns whether it did. */
async function until(check: () => Promise<boolean> | boolean, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (
      await Promise.resolve()
        .then(check)
        .catch(() => false)
    )
      return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/**
 * This process's environment without what vitest adds: with NODE_ENV=test Astro's dev server
 * answers every page with Vite's "Cannot GET".
 */
function devEnvironment(): NodeJS.ProcessEnv {
  const vitestKeys = /^(NODE_ENV|TEST|MODE|DEV|PROD|SSR|BASE_URL|VITEST.*)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitestKeys.test(key)));
}

const page = async (): Promise<{ status: number; html: string }> => {
  const response = await fetch(base + PAGE);
  return { status: response.status, html: await response.text() };
};
const pageShows = (text: string) => async () => (await page()).html.includes(text);

/** Edits a file of the site copy in place. */
function edit(path: string, from: string, to: string): void {
  const file = join(root, path);
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

beforeAll(async () => {
  root = tempRoot(join(projectRoot, "test", "fixtures", "site-basic"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const astro = join(projectRoot, "node_modules", "astro", "bin", "astro.mjs");
  // --ignore-lock: a reporter's own `npm run dev` on this project must not stop the test, nor the test it.
  server = spawn(process.execPath, [astro, "dev", "--port", String(port), "--host", "127.0.0.1", "--ignore-lock"], {
    cwd: projectRoot,
    env: { ...devEnvironment(), PLOTLINE_ROOT: root, ASTRO_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" },
    // Its own process group, so afterAll can stop Astro and anything it started.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // Astro first serves the content store a previous `astro dev` left in .astro/: wait for this copy's.
  const up = await until(async () => server!.exitCode !== null || (await pageShows(TITLE)()), 45);
  if (!up || server.exitCode !== null) throw new Error(`astro dev did not serve ${PAGE}:\n${output}`);
}, 60_000);

afterAll(() => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
});

describe("npm run dev", () => {
  it("serves the story with its chart", async () => {
    const { html } = await page();
    expect(html).toContain(TITLE);
    expect(html).toContain("£20.9m");
  });

  it("shows an edited story without a restart, and tells the open page to reload", async () => {
    // What the page's Vite client hears: a full reload once the content store changes.
    const socket = new WebSocket(base.replace("http", "ws"), "vite-hmr");
    const reloads: string[] = [];
    socket.addEventListener("message", (event) => {
      if (String(event.data).includes('"full-reload"')) reloads.push(String(event.data));
    });
    await until(() => socket.readyState === WebSocket.OPEN, 10);
    expect((await page()).html).toContain('src="/@vite/client"');
    edit(STORY, "title: The trust's overspend grew for a third year", "title: Edited headline for the preview test");
    expect(await until(pageShows("Edited headline for the preview test"), 15)).toBe(true);
    expect(await until(() => reloads.length > 0, 10)).toBe(true);
    socket.close();
  });

  it("shows an edited CSV cell in the chart and its table", async () => {
    edit("data/budget.csv", "2022/23,130.0,20.9", "2022/23,130.0,27.7");
    expect(await until(pageShows("£27.7m"), 15)).toBe(true);
    expect((await page()).html).not.toContain("£20.9m");
  });

  it("shows an edited sidecar's format", async () => {
    edit(
      "data/budget.yml",
      "title: Overspend, unit: GBP, scale: 1000000, format: £0.0m",
      "title: Overspend, unit: GBP, scale: 1000000, format: £0.00m",
    );
    expect(await until(pageShows("£27.70m"), 15)).toBe(true);
  });

  it("keeps running after a content error and reports it with its position, not a stack trace", async () => {
    const before = output.length;
    edit(STORY, "y: overspend", "y: overspendd");
    const reported = await until(() => output.slice(before).includes(`${STORY}:19:4`), 15);
    const printed = output.slice(before);
    expect(reported, printed).toBe(true);
    expect(printed).toContain("Unexpected column `overspendd` for `y`, not in dataset `budget`");
    expect(printed).toContain("did you mean `overspend`?");
    expect(printed).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(server!.exitCode).toBe(null);
    expect((await page()).status).toBeLessThan(600);
  });

  // In `astro dev` the loader puts the report at the top of every story, so the open page shows
  // what to fix instead of going stale.
  it("shows the content error, with its position, in the open page", async () => {
    expect(await until(pageShows(`${STORY}:19:4`), 5)).toBe(true);
  });

  it("recovers when the error is fixed", async () => {
    edit(STORY, "y: overspendd", "y: overspend");
    edit(STORY, "title: Edited headline for the preview test", "title: Fixed headline for the preview test");
    expect(await until(pageShows("Fixed headline for the preview test"), 15)).toBe(true);
    expect(server!.exitCode).toBe(null);
  });
});
