// Reads plotline.config.json: strict JSON, checked by the schema, with every problem positioned
// at `plotline.config.json:LINE:COLUMN` (the JSON is read a second time as YAML, of which JSON is
// a part, for its line counter), then the checks a schema cannot make: the site URL, the
// accent's contrast on both page backgrounds, and the logo's file.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SITE_URL_ENV } from "../build/env.ts";
import { closest } from "../errors/closest.ts";
import { Diagnostics, type VFileMessage } from "../errors/diagnostic.ts";
import { parseYamlSource, schemaProblems, type YamlPoint, type YamlSource } from "../errors/yaml.ts";
import { checkSiteUrl, webUrl } from "../urls.ts";
import { contrastRatio, PAGE_BACKGROUNDS, TEXT_CONTRAST } from "./contrast.ts";
import { configKeys, configSchema, withDefaults, type SiteConfig } from "./schema.ts";

export const CONFIG_FILE = "plotline.config.json";

export interface ConfigResult {
  /** The settings, when the file has no error (a missing site URL aside: see `site`). */
  config?: SiteConfig;
  /** The site's URL with a trailing slash, path included; absent on any problem with it. */
  site?: string;
  messages: VFileMessage[];
}

/** Reads and checks the settings; PLOTLINE_SITE_URL wins over `site`, so a deployment can override it. */
export function readConfig(options: { projectRoot: string; env: Record<string, string | undefined> }): ConfigResult {
  const diagnostics = new Diagnostics();
  const at = (point: YamlPoint) => ({ file: CONFIG_FILE, ...point });
  const fromEnv = options.env[SITE_URL_ENV]?.trim();
  const envSite = fromEnv
    ? checkSiteUrl(fromEnv, SITE_URL_ENV, { file: SITE_URL_ENV, line: 1, column: 1 }, diagnostics)
    : undefined;
  const path = join(options.projectRoot, CONFIG_FILE);
  if (!existsSync(path)) {
    diagnostics.add("ConfigFileMissing", {}, at({ line: 1, column: 1 }));
    if (!fromEnv) diagnostics.add("SiteUrlMissing", {}, at({ line: 1, column: 1 }));
    return { site: envSite, messages: diagnostics.messages };
  }
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    diagnostics.add("ConfigInvalid", { reason }, at(jsonErrorPlace(text, reason)));
    return { messages: diagnostics.messages };
  }
  const yaml = parseYamlSource(text, { file: CONFIG_FILE });
  // JSON that YAML reads differently (a repeated key) has no positions: the file's start stands in.
  const source: Pick<YamlSource, "placeOf"> = yaml.syntaxErrors.length
    ? { placeOf: () => ({ line: 1, column: 1 }) }
    : yaml;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    diagnostics.add("ConfigInvalid", { reason: "expected an object" }, at({ line: 1, column: 1 }));
    return { messages: diagnostics.messages };
  }
  const result = configSchema.safeParse(value);
  if (!result.success) {
    for (const problem of schemaProblems(result.error.issues, source as YamlSource, value)) {
      if (problem.kind === "unknown-key") {
        const name = problem.key.split(".").at(-1)!;
        const suggestion = problem.key.includes(".") ? undefined : closest(name, configKeys);
        diagnostics.add("ConfigUnknownKey", { key: problem.key, suggestion }, at(problem.place));
      } else if (problem.kind === "missing-key") {
        diagnostics.add("ConfigMissingKey", { key: problem.key }, at(problem.place));
      } else {
        const params = { key: problem.key, actual: problem.actual ?? "", expected: problem.expected };
        diagnostics.add("ConfigInvalidValue", params, at(problem.place));
      }
    }
  }
  const raw = value as Record<string, unknown>;
  // The site URL: from the environment, else the file.
  let site = envSite;
  if (!fromEnv) {
    if (typeof raw.site === "string" && raw.site.trim())
      site = checkSiteUrl(raw.site.trim(), "site", at(source.placeOf(["site"])), diagnostics);
    else if (raw.site === undefined) diagnostics.add("SiteUrlMissing", {}, at({ line: 1, column: 1 }));
  }
  if (!result.success) return { site, messages: diagnostics.messages };

  const config = withDefaults(result.data, site);
  // The accent: text in it must be readable on both backgrounds (which also makes it visible as a mark).
  for (const scheme of ["light", "dark"] as const) {
    const colour = config.accent[scheme];
    const ratio = contrastRatio(colour, PAGE_BACKGROUNDS[scheme]);
    if (ratio < TEXT_CONTRAST) {
      const where = typeof result.data.accent === "string" ? ["accent"] : ["accent", scheme];
      diagnostics.add(
        "ConfigAccentContrast",
        { actual: colour, scheme, background: PAGE_BACKGROUNDS[scheme], ratio: ratio.toFixed(2) },
        at(source.placeOf(where)),
      );
    }
  }
  if (config.logo && !existsSync(join(options.projectRoot, "public", config.logo))) {
    diagnostics.add("ConfigLogoMissing", { actual: result.data.logo! }, at(source.placeOf(["logo"])));
  }
  for (const [i, link] of config.footer.links.entries()) {
    if (!webUrl(link.url)) {
      diagnostics.add(
        "ConfigInvalidValue",
        { key: `footer.links[${i}].url`, actual: link.url, expected: "an http or https address" },
        at(source.placeOf(["footer", "links", i, "url"])),
      );
    }
  }
  const errors = diagnostics.messages.filter((m) => m.ruleId !== "SiteUrlMissing");
  return { config: errors.length ? undefined : config, site, messages: diagnostics.messages };
}

/** Where JSON.parse stopped: V8 names the offset (`at position 31`) and, lately, line and column. */
function jsonErrorPlace(text: string, reason: string): YamlPoint {
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(reason);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /at position (\d+)/.exec(reason);
  if (!position) return { line: 1, column: 1 };
  const before = text.slice(0, Number(position[1])).split(/\r\n|\r|\n/);
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
