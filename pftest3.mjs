import * as pagefind from "pagefind";
const opts = { excludeSelectors: [".chart-drawings", ".chart-share"] };
const { index } = await pagefind.createIndex(opts);
await index.addDirectory({ path: "/tmp/strip", glob: "stories/**/*.html" });
if (process.argv[2]) await index.writeFiles({ outputPath: "/dev/shm/pfS3" });
await pagefind.close();
