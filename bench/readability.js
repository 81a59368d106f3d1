// readability.js — Mozilla Readability (with jsdom) on one saved page, the
// way bench/extract.sh runs it: one process per page, article text to stdout.
// Usage: node bench/readability.js PAGE.html   (needs bench/out/npm, see extract.sh)
"use strict";
const path = require("path");
const fs = require("fs");
const modules = path.join(__dirname, "out", "npm", "node_modules");
const { JSDOM } = require(path.join(modules, "jsdom"));
const { Readability } = require(path.join(modules, "@mozilla", "readability"));

const html = fs.readFileSync(process.argv[2], "utf8");
const dom = new JSDOM(html, { url: "https://example.invalid/" });
const article = new Readability(dom.window.document).parse();
process.stdout.write(article && article.textContent ? article.textContent + "\n" : "");
