/**
 * The pane outside Office on a chosen file: settings edited in the pane and the review workbook
 * downloaded keep what the user's own sheets hold (here a chart on an input sheet).
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { addChartsToXlsx } from "../../src/hosts/file/charts";
import { readXlsxFast } from "../../src/hosts/file/stream/read-fast";
import { createFileHost } from "../../src/taskpane/file-host";
import type { Job } from "../../src/taskpane/host";
import { sampleXlsx } from "./support";

const job: Job = { signal: new AbortController().signal, step: () => undefined, progress: () => undefined };

async function chartParts(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
}

describe("the file host", () => {
  it("keeps a chart of the user's input sheet through a settings edit and Generate", async () => {
    const sample = await sampleXlsx("en-US");
    const withChart = await addChartsToXlsx(sample, [
      {
        sheetName: "Employees",
        charts: [
          {
            type: "column",
            title: "Headcount (the user's own chart)",
            anchor: "K2:Q16",
            series: [{ name: "Base", values: { ref: "'Employees'!$F$2:$F$6", cache: [1, 2, 3, 4, 5] } }],
          },
        ],
      },
    ]);
    expect(await chartParts(withChart)).toHaveLength(1);
    const host = createFileHost({ name: "cycle.xlsx", bytes: withChart });

    await host.writeSettings({ bonus_pool: "150000" }, job);
    const edited = host.file()!.bytes;
    expect(await chartParts(edited)).toHaveLength(1);
    const settings = readXlsxFast(edited).raw.sheets.find((s) => s.name === "Settings")!;
    expect(settings.rows.some((row) => row.includes(150000))).toBe(true);

    const outcome = await host.generate("en-US", job);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const download = outcome.written.download!.bytes;
    // The user's chart and the eight generated ones.
    expect(await chartParts(download)).toHaveLength(9);
    const zip = await JSZip.loadAsync(download);
    const texts = await Promise.all((await chartParts(download)).map((n) => zip.file(n)!.async("string")));
    expect(texts.some((t) => t.includes("Headcount (the user&apos;s own chart)"))).toBe(true);
  }, 60_000);
});
