import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatMessage } from "../../src/errors/print.ts";
import { readConfig } from "../../src/settings/read.ts";
import { absolute, paths, requireSite, webUrl } from "../../src/urls.ts";
import { projectRoot } from "../build-helper.ts";
import { fixtureRoot } from "./helpers.ts";

/** A project folder holding only `plotline.config.json` with `text`, or nothing. */
function project(text?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "plotline-config-"));
  if (text !== undefined) writeFileSync(join(dir, "plotline.config.json"), text);
  return dir;
}

const readSiteUrl = (options: Parameters<typeof readConfig>[0]) => {
  const { site, messages } = readConfig(options);
  return { site, messages };
};

const lines = (result: { messages: ReturnType<typeof readConfig>["messages"] }) =>
  result.messages.map((m) => `${m.file}:${m.line}:${m.column}: ${m.reason}`);

describe("the site URL in plotline.config.json", () => {
  it("reads `site` from plotline.config.json as the origin with a trailing slash", () => {
    const result = readSiteUrl({
      projectRoot: project('{ "site": "https://news.example.org", "name": "The Ledger" }'),
      env: {},
    });
    expect(result).toEqual({ site: "https://news.example.org/", messages: [] });
  });

  it("lets PLOTLINE_SITE_URL override the file, for one deployment", () => {
    const root = project('{ "site": "https://news.example.org", "name": "The Ledger" }');
    const result = readSiteUrl({ projectRoot: root, env: { PLOTLINE_SITE_URL: "https://staging.example.org/" } });
    expect(result.site).toBe("https://staging.example.org/");
  });

  it("reports a missing URL naming both settings, at the config file", () => {
    const result = readSiteUrl({ projectRoot: project('{ "name": "The Ledger" }'), env: {} });
    expect(result.site).toBeUndefined();
    expect(lines(result)).toEqual([
      "plotline.config.json:1:1: Missing site URL: set `site` in `plotline.config.json` or the `PLOTLINE_SITE_URL` environment variable",
    ]);
    expect(result.messages[0]!.note).toContain('{ "site": "https://news.example.org" }');
  });

  it("rejects an address without a scheme and suggests the fix", () => {
    const result = readSiteUrl({
      projectRoot: project('{ "name": "The Ledger" }'),
      env: { PLOTLINE_SITE_URL: "news.example.org" },
    });
    expect(lines(result)).toEqual([
      "PLOTLINE_SITE_URL:1:1: Unexpected site URL `news.example.org` in `PLOTLINE_SITE_URL`, expected an absolute http or https address such as `https://news.example.org`",
    ]);
    expect(result.messages[0]!.note).toBe("add the scheme: `https://news.example.org`");
  });

  it("keeps a path, under which the whole site is then built", () => {
    const root = project('{\n  "site": "https://example.org/ledger",\n  "name": "The Ledger"\n}\n');
    expect(readSiteUrl({ projectRoot: root, env: {} })).toEqual({ site: "https://example.org/ledger/", messages: [] });
    expect(absolute(paths.story("a"), "https://example.org/ledger/")).toBe("https://example.org/ledger/stories/a/");
  });

  it("rejects a query or fragment in the address, at the `site` key", () => {
    const root = project('{\n  "site": "https://example.org/news/?a=1",\n  "name": "The Ledger"\n}\n');
    expect(lines(readSiteUrl({ projectRoot: root, env: {} }))).toEqual([
      "plotline.config.json:2:11: Unexpected site URL `https://example.org/news/?a=1` in `site`, expected the address of the site's home page, without `?` or `#`",
    ]);
  });

  it("reports invalid JSON and unknown keys in the config file", () => {
    expect(lines(readSiteUrl({ projectRoot: project('{ site: "x" }'), env: {} }))[0]).toMatch(
      /^plotline\.config\.json:1:3: Invalid JSON in `plotline\.config\.json`: /,
    );
    const unknown = readSiteUrl({
      projectRoot: project('{ "site": "https://a.example", "name": "A", "base": "/x" }'),
      env: {},
    });
    expect(lines(unknown)).toEqual(["plotline.config.json:1:45: Unexpected key `base` in `plotline.config.json`"]);
  });

  it("gives pages an error naming the settings, never a link with `undefined` in it", () => {
    expect(() => requireSite(undefined)).toThrow(
      "Missing site URL: set `site` in `plotline.config.json` or the `PLOTLINE_SITE_URL` environment variable.",
    );
    expect(absolute(paths.chartPng("a-chart"), requireSite("https://news.example.org/"))).toBe(
      "https://news.example.org/charts/a-chart.png",
    );
  });
});

describe("webUrl", () => {
  it("keeps http and https addresses and drops any other scheme a sidecar might carry", () => {
    expect(webUrl(" https://council.example.org/accounts ")).toBe("https://council.example.org/accounts");
    expect(webUrl("http://council.example.org")).toBe("http://council.example.org/");
    for (const bad of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "/relative", "", undefined]) {
      expect(webUrl(bad), String(bad)).toBeUndefined();
    }
  });
});

describe("a build without a site URL", () => {
  it("stops before Astro with the message and hint, and writes nothing", () => {
    // A copy of the project without plotline.config.json: its code and packages, linked.
    const cwd = project();
    for (const name of ["src", "node_modules"]) symlinkSync(join(projectRoot, name), join(cwd, name));
    const outDir = join(cwd, "dist");
    const env: NodeJS.ProcessEnv = { ...process.env, TZ: "UTC", PLOTLINE_ROOT: fixtureRoot, PLOTLINE_OUT_DIR: outDir };
    delete env.PLOTLINE_SITE_URL;
    const result = spawnSync(process.execPath, [join(projectRoot, "scripts", "build.ts")], {
      cwd,
      env,
      encoding: "utf8",
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status).toBe(1);
    expect(output).toContain(
      "plotline.config.json:1:1: error: Missing site URL: set `site` in `plotline.config.json` or the `PLOTLINE_SITE_URL` environment variable  [SiteUrlMissing]",
    );
    expect(output).toContain(
      'hint: feeds, newsletters, embed codes and canonical links need absolute addresses: add `{ "site"',
    );
    expect(output).toContain("Build stopped");
    expect(output).not.toContain("undefined");
    expect(existsSync(outDir)).toBe(false);
  });

  it("prints a bad URL from the environment with its hint", () => {
    const [message] = readSiteUrl({
      projectRoot: project('{ "name": "The Ledger" }'),
      env: { PLOTLINE_SITE_URL: "ftp://files.example.org" },
    }).messages;
    expect(formatMessage(message!)).toBe(
      "PLOTLINE_SITE_URL:1:1: error: Unexpected site URL `ftp://files.example.org` in `PLOTLINE_SITE_URL`, expected an absolute http or https address such as `https://news.example.org`  [SiteUrlInvalid]\n" +
        "  hint: use the address starting with `https://`",
    );
  });
});
