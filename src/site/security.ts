// The security policy every page carries: a Content-Security-Policy that forbids script on every
// page but search, which may run exactly Pagefind's files from this site and its own start-up
// script (allowed by hash); and the `_headers` file for hosts that read one (Netlify, Cloudflare
// Pages), which adds what a <meta> cannot say: who may frame a page.
import { createHash } from "node:crypto";

/**
 * Search's start-up script, inline so the page loads no file of ours but Pagefind's. It reads
 * the site's base path from the search box, so its text (and hash) is the same for every site.
 */
export const SEARCH_START = `window.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("search");
  const ui = new PagefindUI({ element: "#search", baseUrl: box.dataset.base, showSubResults: true, showImages: false });
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});`;

const searchStartHash = `'sha256-${createHash("sha256").update(SEARCH_START).digest("base64")}'`;

// Plot draws with inline style attributes and a <style> per chart: a strict style-src breaks it.
const common = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** For every page without script. */
export const NO_SCRIPT_POLICY = [...common, "script-src 'none'"].join("; ");

/**
 * For a newsletter edition: no script, and images from the site's own address, as the email's
 * absolute links name it (the page may be opened from a preview host or a copy on disk).
 */
export function newsletterPolicy(site: string): string {
  const images = `img-src 'self' data: ${new URL(site).origin}`;
  return NO_SCRIPT_POLICY.replace("img-src 'self' data:", images);
}

/** For /search/: Pagefind's UI and index from this site, its WebAssembly, and the start-up script. */
export const SEARCH_POLICY = [...common, `script-src 'self' ${searchStartHash} 'wasm-unsafe-eval'`].join("; ");

// The folders whose pages carry no script (the home page and 404 are files of their own).
const NO_SCRIPT_PAGES = ["/", "/404.html", "/stories/*", "/topics/*", "/data/*", "/places/*"];

/**
 * The `_headers` file. Paths are the built folder's (a host that reads the file serves that
 * folder at its root). No two rules that match one page set the same header: hosts apply every
 * matching rule, and Netlify joins repeated headers where Cloudflare replaces them.
 */
export function headersFile(site: string): string {
  const rule = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join("\n");
  const framedByNoOne = { "X-Frame-Options": "DENY" };
  return (
    [
      "# Security headers for hosts that read this file (Netlify, Cloudflare Pages): see docs/deploying.md.",
      rule("/*", { "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" }),
      ...NO_SCRIPT_PAGES.map((path) =>
        rule(path, { "Content-Security-Policy": `${NO_SCRIPT_POLICY}; frame-ancestors 'none'`, ...framedByNoOne }),
      ),
      rule("/newsletter/*", {
        "Content-Security-Policy": `${newsletterPolicy(site)}; frame-ancestors 'none'`,
        ...framedByNoOne,
      }),
      rule("/search/*", { "Content-Security-Policy": `${SEARCH_POLICY}; frame-ancestors 'none'`, ...framedByNoOne }),
      // Embeds are made to sit in any other site's iframe.
      rule("/embed/*", { "Content-Security-Policy": `${NO_SCRIPT_POLICY}; frame-ancestors *` }),
    ].join("\n\n") + "\n"
  );
}
