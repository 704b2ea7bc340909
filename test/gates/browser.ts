// Debian's Chromium driven by playwright-core, as the browser gates use it, and the four ways a
// reader sees a page: 320 and 1280 px wide, light and dark.
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.PLOTLINE_CHROMIUM ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser gates need Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    // Debian's build under playwright-core, as root on CI, with nothing phoning home mid-test.
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface View {
  width: 320 | 1280;
  scheme: "light" | "dark";
}

export const VIEWS: View[] = [
  { width: 320, scheme: "light" },
  { width: 320, scheme: "dark" },
  { width: 1280, scheme: "light" },
  { width: 1280, scheme: "dark" },
];

export const viewName = (view: View) => `${view.width} px ${view.scheme}`;

/**
 * Every Content-Security-Policy violation Chromium reports in `page`'s console from now on (it
 * logs "Refused to ... because it violates the following Content Security Policy directive").
 * The list fills as the page runs: read it after the page has loaded and done its work.
 */
export function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}

/** @axe-core/playwright needs pages from a context (browser.newPage() pages throw). */
export function openView(browser: Browser, view: View): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: view.width, height: 800 },
    colorScheme: view.scheme,
    reducedMotion: "reduce",
  });
}
