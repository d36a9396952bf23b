/* eslint-disable */
// Serves the built add-in (dist/) on http://localhost so the task pane can be used in a plain
// browser, outside Office, on a chosen .xlsx file. Loopback only; no HTTPS needed there.
const http = require("http");
const fs = require("fs");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

function createStaticServer(root) {
  return http.createServer((req, res) => {
    const url = new URL(req.url || "/", "http://localhost");
    const rel = decodeURIComponent(url.pathname === "/" ? "/taskpane.html" : url.pathname);
    const file = path.join(root, path.normalize(rel).replace(/^(\.\.[/\\])+/, ""));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
}

module.exports = { createStaticServer };

if (require.main === module) {
  const root = path.resolve(__dirname, "..", "dist");
  if (!fs.existsSync(path.join(root, "taskpane.html"))) {
    console.error("dist/ is not built: run `npm run build` first.");
    process.exit(1);
  }
  const port = Number(process.env.PORT || 3000);
  createStaticServer(root).listen(port, "127.0.0.1", () => {
    console.log(`PerfSheet task pane: http://localhost:${port}/taskpane.html (Ctrl+C to stop)`);
  });
}
