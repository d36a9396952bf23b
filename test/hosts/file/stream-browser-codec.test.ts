/**
 * The streaming run as the task pane's bundle has it: the ZIP package deflated and inflated by
 * pako (codec-browser.ts) instead of Node's zlib. The review workbook must be the same.
 */
import { describe, expect, it, vi } from "vitest";
import ExcelJS from "exceljs";
import { runWorkbookFileStreamed } from "../../../src/hosts/file/stream/run-stream";
import { sampleXlsx, TODAY } from "../../taskpane/support";

vi.mock("../../../src/hosts/file/stream/codec", () => import("../../../src/hosts/file/stream/codec-browser"));

describe("the streaming run on the browser's codec", () => {
  it("writes the sample's review workbook that exceljs reads, with every sheet and chart", async () => {
    const used = await import("../../../src/hosts/file/stream/codec");
    const browser = await vi.importActual<typeof used>("../../../src/hosts/file/stream/codec-browser");
    expect(used.deflatePiece).toBe(browser.deflatePiece); // the run below deflates with pako
    const outcome = await runWorkbookFileStreamed(await sampleXlsx("en-US"), { today: TODAY });
    if (!outcome.ok) throw new Error("the sample is invalid");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(outcome.xlsx.buffer.slice(0) as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    for (const sheet of outcome.run.deferredPlan.sheets) expect(names).toContain(sheet.name);
    const scorecard = wb.getWorksheet("Scorecard")!;
    expect(scorecard.rowCount).toBeGreaterThan(30);
    const zipNames = Object.keys((await (await import("jszip")).default.loadAsync(outcome.xlsx)).files);
    expect(zipNames.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length).toBeGreaterThanOrEqual(8);
  });
});
