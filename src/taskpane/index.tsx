import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createExcelHost } from "./excel-host";
import type { PaneHost } from "./host";
import { displayLang, officeTheme, themeFor } from "./locale";

/**
 * Renders once Office is ready. Inside Excel the pane works on the open workbook; outside
 * Office (office.js did not load, or onReady reports no host) it works on a chosen file.
 */
const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  const start = async (inExcel: boolean) => {
    // The file host (exceljs) is loaded only outside Office, keeping the pane light in Excel.
    const host: PaneHost = inExcel ? createExcelHost() : (await import("./file-host")).createFileHost();
    root.render(<App host={host} initialLang={displayLang()} theme={themeFor(officeTheme())} />);
  };
  if (typeof Office !== "undefined" && Office.onReady) {
    Office.onReady((info) => void start(info.host === Office.HostType.Excel));
  } else {
    void start(false);
  }
}
