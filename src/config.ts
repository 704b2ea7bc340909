// Newsroom settings every page shares.
export const siteConfig = {
  name: "Plotline",
  tagline: "Local public money, in figures",
  description:
    "Data journalism about local councils and public services: stories, charts and the datasets behind them.",
  lang: "en-GB",
};

/** The folder holding `data/` and `content/`: the project, or a fixture site in tests (PLOTLINE_ROOT). */
export function contentRoot(): string {
  return process.env.PLOTLINE_ROOT
    ? new URL(process.env.PLOTLINE_ROOT, `file://${process.cwd()}/`).pathname
    : process.cwd();
}
