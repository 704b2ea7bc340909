import { loadSite } from "../src/site/site.ts";
import { formatReport } from "../src/errors/print.ts";
const t = performance.now();
const site = loadSite({ root: process.argv[2]! });
console.log(((performance.now() - t) / 1000).toFixed(1), "s");
console.log(formatReport(site.messages, {}).slice(0, 3000));
for (const set of site.places) console.log(set.template.name, set.pages.length, set.pages[0]?.html.replace(/<figure[\s\S]*?<\/figure>/g, "[chart]").slice(0, 800));
