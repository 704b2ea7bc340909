// The shape of plotline.config.json: one zod `.strict()` schema, so an unknown key is an error,
// and the settings every page reads once it has passed (defaults filled in).
import * as z from "zod";
import { DEFAULT_ACCENT, HEX_COLOUR } from "./contrast.ts";

// A BCP 47 language tag as newsrooms write them: `en-GB`, `cy`, `ga-IE`.
const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
// A file in public/: path segments of letters, digits, `.`, `_` and `-`, no `..`, ending in an image type.
const PUBLIC_IMAGE = /^(?!.*\.\.)[\w.-]+(?:\/[\w.-]+)*\.(?:svg|png|jpg|jpeg|webp)$/i;
// Social handles: `@name` on X/Twitter, `@name@server.example` on Mastodon, `name.bsky.social` on Bluesky.
const TWITTER = /^@?\w{1,15}$/;
const MASTODON = /^@?[\w.-]+@[\w-]+(?:\.[\w-]+)+$/;
const BLUESKY = /^@?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

const colour = z.string().regex(HEX_COLOUR, "a colour written `#rrggbb`, e.g. `#b8441f`");
const text = z.string().trim().min(1);

export const configSchema = z
  .object({
    site: z.string().trim().min(1).optional(),
    name: text,
    tagline: text.optional(),
    description: text.optional(),
    lang: z.string().regex(LANG, "a language tag such as `en-GB` or `cy`").optional(),
    logo: z.string().regex(PUBLIC_IMAGE, "the name of an image file in `public/`, e.g. `logo.svg`").optional(),
    accent: z.union([colour, z.object({ light: colour, dark: colour }).strict()]).optional(),
    footer: z
      .object({
        text: text.optional(),
        links: z.array(z.object({ text, url: text }).strict()).optional(),
      })
      .strict()
      .optional(),
    social: z
      .object({
        twitter: z.string().regex(TWITTER, "an X/Twitter handle such as `@newsroom`").optional(),
        mastodon: z.string().regex(MASTODON, "a Mastodon handle such as `@newsroom@mastodon.social`").optional(),
        bluesky: z.string().regex(BLUESKY, "a Bluesky handle such as `newsroom.bsky.social`").optional(),
      })
      .strict()
      .optional(),
    byline: text.optional(),
  })
  .strict();

export const configKeys = Object.keys(configSchema.shape);

/** The settings every page reads, with defaults filled in. */
export interface SiteConfig {
  /** The public URL with a trailing slash, path included: `https://example.org/ledger/`. */
  site?: string;
  name: string;
  tagline: string;
  description: string;
  lang: string;
  /** Path of the logo under the site's root (`/logo.svg`), or none. */
  logo?: string;
  accent: { light: string; dark: string };
  footer: { text: string; links: Array<{ text: string; url: string }> };
  social: { twitter?: string; mastodon?: string; bluesky?: string };
  /** The byline `npm run new -- story` writes when none is given. */
  byline?: string;
}

export type RawConfig = z.infer<typeof configSchema>;

/** The settings with defaults, from a config that passed the schema. */
export function withDefaults(raw: RawConfig, site: string | undefined): SiteConfig {
  const accent = raw.accent ?? DEFAULT_ACCENT;
  return {
    site,
    name: raw.name,
    tagline: raw.tagline ?? "",
    description: raw.description ?? raw.tagline ?? raw.name,
    lang: raw.lang ?? "en-GB",
    logo: raw.logo ? `/${raw.logo}` : undefined,
    accent: typeof accent === "string" ? { light: accent, dark: accent } : { ...accent },
    footer: {
      text: raw.footer?.text ?? `${raw.name}: every chart is drawn from a published dataset, linked beside it.`,
      links: raw.footer?.links ?? [],
    },
    social: {
      twitter: raw.social?.twitter && `@${raw.social.twitter.replace(/^@/, "")}`,
      mastodon: raw.social?.mastodon && `@${raw.social.mastodon.replace(/^@/, "")}`,
      bluesky: raw.social?.bluesky?.replace(/^@/, ""),
    },
    byline: raw.byline,
  };
}
