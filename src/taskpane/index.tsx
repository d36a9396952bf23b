import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";

/* Render once Office is ready; outside Office (a plain browser) onReady still resolves, with no host. */
const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  const start = (host: Office.HostType | null) => root.render(<App host={host} />);
  if (typeof Office !== "undefined" && Office.onReady) {
    Office.onReady((info) => start(info.host ?? null));
  } else {
    start(null);
  }
}
