#!/usr/bin/env node
"use strict";
// Thin launcher: the CLI is compiled by `npm run build:node` (run by `npm ci` through `prepare`).
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "build", "node", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("perfsheet: not built yet; run `npm ci` (or `npm run build:node`) in the project folder first.\n");
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
