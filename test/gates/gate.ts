// `it` for a gate's check on one page, or `it.fails` while that check is a known issue for the
// page's URL or for its whole page type.
import { it } from "vitest";
import { KNOWN_ISSUES } from "./known-issues.ts";
import type { Page } from "./pages.ts";

export function gateIt(gate: string, page: Page): typeof it | typeof it.fails {
  return KNOWN_ISSUES[`${gate}:${page.url}`] || KNOWN_ISSUES[`${gate}:${page.type}`] ? it.fails : it;
}
