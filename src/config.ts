// Newsroom settings every page shares.
import { resolve } from "node:path";
import { ROOT_ENV } from "./build/env.ts";

export const siteConfig = {
  name: "Plotline",
  tagline: "Local public money, in figures",
  description:
    "Data journalism about local councils and public services: stories, charts and the datasets behind them.",
  lang: "en-GB",
};

/** The folder holding `data/` and `content/`: the project, or a fixture site in tests (PLOTLINE_ROOT). */
export function contentRoot(): string {
  return resolve(process.cwd(), process.env[ROOT_ENV] || ".");
}
