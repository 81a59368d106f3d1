// readability.js — Mozilla Readability (with jsdom) on saved pages, the way
// bench/extract.sh runs it: every page named on the command line in this one
// node process (one page per process in its per-process runs), each page's
// article text to stdout.
// Usage: node bench/readability.js PAGE.html...   (needs bench/out/npm, see extract.sh)
"use strict";
const path = require("path");
const fs = require("fs");
const modules = path.join(__dirname, "out", "npm", "node_modules");
const { JSDOM } = require(path.join(modules, "jsdom"));
const { Readability } = require(path.join(modules, "@mozilla", "readability"));

for (const page of process.argv.slice(2)) {
    const html = fs.readFileSync(page, "utf8");
    const dom = new JSDOM(html, { url: "https://example.invalid/" });
    const article = new Readability(dom.window.document).parse();
    process.stdout.write(article && article.textContent ? article.textContent + "\n" : "");
    dom.window.close();
}
