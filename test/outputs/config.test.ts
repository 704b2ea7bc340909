import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contrastRatio, DEFAULT_ACCENT, PAGE_BACKGROUNDS } from "../../src/settings/contrast.ts";
import { readConfig } from "../../src/settings/read.ts";
import { projectRoot } from "../build-helper.ts";

/** A project folder holding plotline.config.json with `text`, and `public/` with `files`. */
function project(text: string, files: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), "plotline-config-"));
  writeFileSync(join(dir, "plotline.config.json"), text);
  mkdirSync(join(dir, "public"));
  for (const file of files) writeFileSync(join(dir, "public", file), "<svg/>");
  return dir;
}

const read = (text: string, files?: string[]) => readConfig({ projectRoot: project(text, files), env: {} });
const lines = (result: ReturnType<typeof readConfig>) =>
  result.messages.map((m) => `${m.file}:${m.line}:${m.column}: ${m.reason}`);

describe("plotline.config.json", () => {
  it("reads every setting, with the defaults a newsroom need not write", () => {
    const full = read(
      JSON.stringify({
        site: "https://example.org/ledger/",
        name: "The Ledger",
        tagline: "Where the money goes",
        description: "Council money, in figures.",
        lang: "cy",
        logo: "logo.svg",
        accent: { light: "#1a5e2a", dark: "#7fd18f" },
        footer: {
          text: "The Ledger, a co-operative.",
          links: [{ text: "About us", url: "https://example.org/about" }],
        },
        social: { twitter: "ledger", mastodon: "@ledger@mastodon.example", bluesky: "ledger.bsky.social" },
        byline: "Ledger staff",
      }),
      ["logo.svg"],
    );
    expect(full.messages).toEqual([]);
    expect(full.config).toMatchObject({
      site: "https://example.org/ledger/",
      lang: "cy",
      logo: "/logo.svg",
      accent: { light: "#1a5e2a", dark: "#7fd18f" },
      social: { twitter: "@ledger", mastodon: "@ledger@mastodon.example", bluesky: "ledger.bsky.social" },
      byline: "Ledger staff",
    });
  });

  it("fills in the language, description, accent and footer", () => {
    const result = read('{ "site": "https://news.example.org", "name": "The Ledger" }');
    expect(result.messages).toEqual([]);
    expect(result.config).toEqual({
      site: "https://news.example.org/",
      name: "The Ledger",
      tagline: "",
      description: "The Ledger",
      lang: "en-GB",
      logo: undefined,
      accent: DEFAULT_ACCENT,
      footer: { text: "The Ledger: every chart is drawn from a published dataset, linked beside it.", links: [] },
      social: { twitter: undefined, mastodon: undefined, bluesky: undefined },
      byline: undefined,
    });
  });

  it("positions an unknown key at the key, with the closest setting", () => {
    const result = read('{\n  "site": "https://news.example.org",\n  "name": "A",\n  "tagilne": "B"\n}');
    expect(lines(result)).toEqual(["plotline.config.json:4:3: Unexpected key `tagilne` in `plotline.config.json`"]);
    expect(result.messages[0]!.note).toBe("did you mean `tagline`?");
  });

  it("positions bad values and a missing name, all at once", () => {
    const text = [
      "{",
      '  "site": "https://news.example.org",',
      '  "lang": "English",',
      '  "accent": "orange",',
      '  "social": { "twitter": "not a handle" },',
      '  "footer": { "links": [{ "text": "About", "url": "javascript:alert(1)" }] }',
      "}",
    ].join("\n");
    expect(lines(read(text))).toEqual([
      "plotline.config.json:1:1: Missing key `name` in `plotline.config.json`",
      "plotline.config.json:3:11: Unexpected `English` for `lang` in `plotline.config.json`, expected a language tag such as `en-GB` or `cy`",
      "plotline.config.json:4:13: Unexpected `orange` for `accent` in `plotline.config.json`, expected a colour written `#rrggbb`, e.g. `#b8441f`",
      "plotline.config.json:5:26: Unexpected `not a handle` for `social.twitter` in `plotline.config.json`, expected an X/Twitter handle such as `@newsroom`",
    ]);
  });

  it("refuses an accent that is not readable on the light or the dark page, at its line", () => {
    const text =
      '{\n  "site": "https://news.example.org",\n  "name": "A",\n  "accent": { "light": "#f08a65", "dark": "#b8441f" }\n}';
    const result = read(text);
    expect(lines(result)).toEqual([
      "plotline.config.json:4:24: Unexpected accent `#f08a65` on the light background `#ffffff`: contrast 2.46:1, expected at least 4.5:1",
      "plotline.config.json:4:43: Unexpected accent `#b8441f` on the dark background `#15171c`: contrast 3.32:1, expected at least 4.5:1",
    ]);
    // One colour for both cannot pass: 4.5:1 on white is too dark for 4.5:1 on the dark page.
    expect(lines(read('{ "site": "https://a.example", "name": "A", "accent": "#1a5e2a" }'))).toEqual([
      expect.stringMatching(/^plotline\.config\.json:1:55: Unexpected accent `#1a5e2a` on the dark background/),
    ]);
  });

  it("checks the default accent against the backgrounds in site.css", () => {
    const css = readFileSync(join(projectRoot, "src", "styles", "site.css"), "utf8");
    for (const scheme of ["light", "dark"] as const) {
      expect(css).toContain(`--bg: ${PAGE_BACKGROUNDS[scheme]};`);
      expect(css).toContain(`--accent: ${DEFAULT_ACCENT[scheme]};`);
      expect(contrastRatio(DEFAULT_ACCENT[scheme], PAGE_BACKGROUNDS[scheme])).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("reports a logo that is not in public/", () => {
    expect(lines(read('{ "site": "https://a.example", "name": "A", "logo": "logo.svg" }'))).toEqual([
      "plotline.config.json:1:53: Missing logo file `public/logo.svg`",
    ]);
  });

  it("names no newsroom in src/: the seed site's name is in its config", () => {
    const seed = readConfig({ projectRoot, env: {} });
    expect(seed.messages).toEqual([]);
    expect(seed.config?.name).toBe("Plotline");
    expect(readFileSync(join(projectRoot, "src", "config.ts"), "utf8")).not.toContain('"Plotline"');
  });
});
