// Walks a page with the Tab key as a keyboard reader would, opening each closed <details> it
// meets with Enter, and reports every stop: whether it showed a focus indicator and sat on screen,
// and which links and summaries Tab never reached.
import type { Page } from "playwright-core";

export interface FocusStop {
  element: string;
  /** Chromium matched :focus-visible, and the computed style draws a focus ring, outline or box shadow. */
  indicated: boolean;
  onScreen: boolean;
}

export interface TabWalk {
  stops: FocusStop[];
  unreached: string[];
}

const MARK = "data-gate-tabbed";

export async function walkByTab(page: Page, limit = 500): Promise<TabWalk> {
  const stops: FocusStop[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate((mark) => {
      const el = document.activeElement;
      if (!el || el === document.body || el.hasAttribute(mark)) return undefined; // wrapped round
      el.setAttribute(mark, "");
      const style = getComputedStyle(el);
      // `auto` is the browser's own focus ring; a drawn outline must be at least 2 px to be seen.
      const outline =
        style.outlineStyle === "auto" || (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2);
      const shadow = style.boxShadow !== "none";
      const rect = el.getBoundingClientRect();
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
      const href = el.getAttribute("href");
      return {
        element: `<${el.tagName.toLowerCase()}${href ? ` href="${href}"` : ""}> ${text}`,
        indicated: el.matches(":focus-visible") && (outline || shadow),
        onScreen: rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.left < window.innerWidth,
        closedSummary: el.tagName === "SUMMARY" && !(el.parentElement as HTMLDetailsElement).open,
      };
    }, MARK);
    if (!stop) break;
    // Opening the panel puts its contents (table, embed code, links) into the tab order.
    if (stop.closedSummary) await page.keyboard.press("Enter");
    stops.push({ element: stop.element, indicated: stop.indicated, onScreen: stop.onScreen });
  }
  const unreached = await page.evaluate(
    (mark) =>
      [...document.querySelectorAll("a[href], summary")]
        .filter((el) => !el.hasAttribute(mark) && el.checkVisibility({ visibilityProperty: true }))
        .map((el) => `<${el.tagName.toLowerCase()} href="${el.getAttribute("href") ?? ""}"> ${el.textContent?.trim()}`),
    MARK,
  );
  return { stops, unreached };
}
