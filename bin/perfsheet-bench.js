#!/usr/bin/env node
"use strict";
// Thin launcher for the benchmark (bench/index.js); it needs the Node build of src.
const path = require("path");
const fs = require("fs");
if (!fs.existsSync(path.join(__dirname, "..", "build", "node", "cli", "main.js"))) {
  process.stderr.write("perfsheet-bench: not built yet; run `npm run build:node` first.\n");
  process.exit(2);
}
require(path.join(__dirname, "..", "bench", "index.js"));
