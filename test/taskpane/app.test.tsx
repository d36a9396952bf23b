// @vitest-environment happy-dom
/**
 * The pane as a user drives it, with hosts that are either the real file host on the sample
 * workbook or fakes that record what the pane asks of Excel.
 */
import * as React from "react";
import { describe, it, expect, afterEach, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { App } from "../../src/taskpane/App";
import { createFileHost } from "../../src/taskpane/file-host";
import type { Download, GenerateOutcome, Job, PaneHost } from "../../src/taskpane/host";
import type { RawWorkbook } from "../../src/workbook/raw";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { sampleRaw, sampleXlsx, TODAY } from "./support";

afterEach(cleanup);

function chooseFile(bytes: Uint8Array, name: string) {
  const input = screen.getByLabelText(/Workbook \(\.xlsx\)|工作簿（\.xlsx）/) as HTMLInputElement;
  const file = new File([bytes], name);
  fireEvent.change(input, { target: { files: [file] } });
}

async function sheetNames(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb.worksheets.map((w) => w.name);
}

describe("outside Office, on a chosen file", () => {
  it("checks the chosen workbook, generates, and offers the review workbook for download", async () => {
    const downloads: Download[] = [];
    render(
      <App
        host={createFileHost()}
        initialLang="en-US"
        today={TODAY}
        offerDownload={(d) => downloads.push(d)}
      />,
    );
    const generate = screen.getByRole("button", { name: "Generate" });
    expect((generate as HTMLButtonElement).disabled).toBe(true);

    chooseFile(await sampleXlsx("en-US"), "cycle.xlsx");
    // The check fills the Goals step: the sample's 33 employees.
    await screen.findByText(/33 employees/, undefined, { timeout: 20_000 });
    expect(screen.getByText(/Checks passed/)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Generate" }));
    await screen.findByText(/cycle-review\.xlsx is ready/, undefined, { timeout: 30_000 });
    expect(downloads).toHaveLength(1);
    expect(downloads[0].fileName).toBe("cycle-review.xlsx");
    const names = await sheetNames(downloads[0].bytes);
    expect(names).toContain("Scorecard");
    expect(names).toContain("Settings");
  }, 60_000);

  it("lists the problems by sheet in the chosen language and offers no download", async () => {
    const downloads: Download[] = [];
    render(
      <App
        host={createFileHost()}
        initialLang="zh-CN"
        today={TODAY}
        offerDownload={(d) => downloads.push(d)}
      />,
    );
    // An actual that is not a number: one located error on the Actuals sheet.
    const bytes = await sampleXlsx("en-US", (d) => {
      d.rows.actuals![0].actual = "lots";
    });
    chooseFile(bytes, "bad.xlsx");
    await screen.findByText(/bad\.xlsx 有 1 个错误/, undefined, { timeout: 20_000 });
    const checks = screen.getByRole("region", { name: /校验结果/ });
    const actuals = within(checks).getByRole("region", { name: "Actuals" });
    // File mode: the location is shown as text, not a link to Excel.
    expect(within(actuals).getByText(/^Actuals!C\d+$/)).toBeTruthy();
    expect(within(actuals).queryByRole("button", { name: /Actuals!/ })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "生成" }));
    // The click cleared the message; it comes back once the refused run has ended.
    await waitFor(
      () => expect(screen.getByRole("alert").textContent).toMatch(/bad\.xlsx 有 1 个错误.*未写入任何内容/),
      {
        timeout: 20_000,
      },
    );
    expect(downloads).toHaveLength(0);

    // Switching the language re-says everything, the validation messages included.
    fireEvent.change(screen.getByLabelText("语言"), { target: { value: "en-US" } });
    expect(screen.getByRole("button", { name: "Generate" })).toBeTruthy();
    const checksEn = screen.getByRole("region", { name: /Checks/ });
    expect(within(checksEn).queryByText(/[\u4e00-\u9fff]{4}/)).toBeNull();
  }, 60_000);

  it("zips one personal review file per employee", async () => {
    const downloads: Download[] = [];
    render(
      <App
        host={createFileHost()}
        initialLang="en-US"
        today={TODAY}
        offerDownload={(d) => downloads.push(d)}
      />,
    );
    chooseFile(await sampleXlsx("en-US"), "cycle.xlsx");
    await screen.findByText(/33 employees/, undefined, { timeout: 20_000 });
    fireEvent.click(screen.getByRole("tab", { name: /Report/ }));
    fireEvent.click(screen.getByRole("button", { name: "Download personal review files (.zip)" }));
    await screen.findByText(/33 personal review files in cycle-personal\.zip/, undefined, {
      timeout: 60_000,
    });
    expect(downloads).toHaveLength(1);
    const zip = await JSZip.loadAsync(downloads[0].bytes);
    const names = Object.keys(zip.files);
    expect(names).toHaveLength(33);
    expect(names).toContain("E001.xlsx");
  }, 90_000);

  it("offers a portable copy of the chosen file: PERF formulas become classic ones", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mine");
    ws.getCell("A1").value = { formula: 'PERF.SCORE(85,100,"higher",80)', result: 70 };
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const downloads: Download[] = [];
    render(<App host={createFileHost()} initialLang="zh-CN" offerDownload={(d) => downloads.push(d)} />);
    chooseFile(bytes, "mine.xlsx");
    // Choosing a file checks it; a file without the input sheets has errors. Wait for that
    // check to end, so its outcome does not replace the portable one.
    await screen.findByText(/错误 [1-9]\d* 个/, undefined, { timeout: 20_000 });
    fireEvent.click(screen.getByRole("tab", { name: /报告/ }));
    const button = screen.getByRole("button", { name: "转为可移植工作簿" });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false), { timeout: 20_000 });
    fireEvent.click(button);
    await screen.findByText(/1 个单元格已改为标准公式/, undefined, { timeout: 20_000 });
    expect(downloads.map((d) => d.fileName)).toEqual(["mine-portable.xlsx"]);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(downloads[0].bytes.buffer as ArrayBuffer);
    const cell = out.getWorksheet("Mine")!.getCell("A1").value as ExcelJS.CellFormulaValue;
    expect(cell.formula).not.toMatch(/PERF/i);
    expect(cell.result).toBe(70);
  }, 60_000);

  it("starts no other action while a chosen file is being read and checked", async () => {
    render(<App host={createFileHost()} initialLang="en-US" />);
    fireEvent.click(screen.getByRole("tab", { name: /Report/ }));
    const button = screen.getByRole("button", { name: "Make the workbook portable" }) as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    chooseFile(await sampleXlsx("en-US"), "cycle.xlsx");
    // Disabled at once, while the file's bytes are still being read, until its check has ended.
    expect(button.disabled).toBe(true);
    await screen.findByText(/cycle\.xlsx: 33 employees/, undefined, { timeout: 20_000 });
    expect(button.disabled).toBe(false);
  }, 60_000);

  it("downloads the sample workbook for a new user without a file", async () => {
    const downloads: Download[] = [];
    render(<App host={createFileHost()} initialLang="zh-CN" offerDownload={(d) => downloads.push(d)} />);
    fireEvent.click(screen.getByRole("button", { name: "下载示例工作簿" }));
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 20_000 });
    expect(downloads[0].fileName).toBe("绩效考核示例.xlsx");
    const names = await sheetNames(downloads[0].bytes);
    expect(names).toContain("员工");
    expect(names).toContain("设置");
  }, 60_000);
});

/** A fake Excel: the sample as its open workbook; records writes, selections and settings. */
function fakeExcel(raw: RawWorkbook, overrides: Partial<PaneHost> = {}) {
  const calls = {
    written: [] as WorkbookPlan[],
    selected: [] as string[],
    settings: [] as Record<string, string>[],
  };
  const host: PaneHost = {
    mode: "excel",
    workbookName: () => null,
    read: async (job: Job) => {
      job.step("read", 0, 1);
      return raw;
    },
    generate: async (): Promise<GenerateOutcome> => ({
      ok: true,
      written: { sheets: ["Scorecard"] },
      employees: 1,
      sheets: 1,
    }),
    writeSheets: async (plan: WorkbookPlan) => {
      calls.written.push(plan);
      return { sheets: plan.sheets.map((s) => s.name) };
    },
    createTemplate: async (plan: WorkbookPlan) => ({ sheets: plan.sheets.map((s) => s.name) }),
    writeSettings: async (values: Record<string, string>) => {
      calls.settings.push(values);
    },
    selectCell: async (sheet: string, cell: string) => {
      calls.selected.push(`${sheet}!${cell}`);
    },
    makePortable: async () => ({ written: { sheets: [] }, rewritten: 0, skipped: 0 }),
    ...overrides,
  };
  return { host, calls };
}

describe("inside Excel", () => {
  it("selects a problem's cell in Excel when its location is clicked", async () => {
    const raw = await sampleRaw("en-US", (d) => {
      d.rows.actuals![0].actual = "lots";
    });
    const { host, calls } = fakeExcel(raw);
    render(<App host={host} initialLang="en-US" today={TODAY} />);
    const link = await screen.findByRole(
      "button",
      { name: /Select Actuals!C\d+ in Excel/ },
      { timeout: 20_000 },
    );
    fireEvent.click(link);
    await waitFor(() => expect(calls.selected).toHaveLength(1));
    expect(calls.selected[0]).toMatch(/^Actuals!C\d+$/);
  }, 60_000);

  it("writes one step's sheets after reading and checking the workbook again", async () => {
    const raw = await sampleRaw("en-US");
    const read = vi.fn(async (job: Job) => {
      job.step("read", 0, 1);
      return raw;
    });
    const { host, calls } = fakeExcel(raw, { read });
    render(<App host={host} initialLang="en-US" today={TODAY} />);
    await waitFor(() => expect(read).toHaveBeenCalledTimes(1), { timeout: 20_000 });
    fireEvent.click(screen.getByRole("tab", { name: /Goals/ }));
    const write = await screen.findByRole("button", { name: "Write the Goals sheet" }, { timeout: 20_000 });
    await waitFor(() => expect((write as HTMLButtonElement).disabled).toBe(false), { timeout: 20_000 });
    fireEvent.click(write);
    await screen.findByText(/Wrote 1 sheets: Goals/, undefined, { timeout: 20_000 });
    expect(read).toHaveBeenCalledTimes(2);
    expect(calls.written[0].sheets.map((s) => s.name)).toEqual(["Goals"]);
  }, 60_000);

  it("cancels before anything is written", async () => {
    const raw = await sampleRaw("en-US");
    let release: () => void = () => undefined;
    const generate = vi.fn(async (_lang: string, job: Job): Promise<GenerateOutcome> => {
      job.step("read", 0, 2);
      await new Promise<void>((resolve) => (release = resolve));
      job.step("write", 1, 2); // the host's checkpoint before writing
      throw new Error("must not get here");
    });
    const { host, calls } = fakeExcel(raw, { generate });
    render(<App host={host} initialLang="en-US" today={TODAY} />);
    await screen.findByText(/33 employees/, undefined, { timeout: 20_000 });
    fireEvent.click(screen.getByRole("button", { name: "Generate" }));
    await screen.findByText("Reading the workbook");
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    release();
    await screen.findByText("Cancelled: nothing was written.");
    expect(calls.written).toHaveLength(0);
  }, 60_000);

  it("previews the incentives, then writes the settings and reads them back", async () => {
    const raw = await sampleRaw("en-US");
    const { host, calls } = fakeExcel(raw);
    render(<App host={host} initialLang="en-US" today={TODAY} />);
    await screen.findByText(/33 employees/, undefined, { timeout: 20_000 });
    fireEvent.click(screen.getByRole("tab", { name: /Incentives/ }));
    const save = screen.getByRole("button", { name: "Write to the Settings sheet" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Bonus pool (blank = no pool)"), { target: { value: "200000" } });
    // The Total row's preview is the new pool, shared out exactly.
    const table = screen.getByRole("table", { name: "Preview: totals by grade" });
    const total = within(table).getAllByRole("row").at(-1)!;
    expect(within(total).getByText("200,000")).toBeTruthy();
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await waitFor(() => expect(calls.settings).toHaveLength(1));
    expect(calls.settings[0].bonus_pool).toBe("200000");
    // The fake does not change the sheet, so the read-back differs and the pane says so.
    await screen.findByText(/did not give back what was written for bonus_pool/);
  }, 60_000);

  it("makes the open workbook portable and says how many cells changed", async () => {
    const { host } = fakeExcel(await sampleRaw("en-US"), {
      makePortable: async () => ({ written: { sheets: [] }, rewritten: 12, skipped: 1 }),
    });
    render(<App host={host} initialLang="en-US" today={TODAY} />);
    fireEvent.click(screen.getByRole("tab", { name: /Report/ }));
    const button = screen.getByRole("button", { name: "Make the workbook portable" });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false), { timeout: 20_000 });
    fireEvent.click(button);
    await screen.findByText(
      "12 cells now hold classic formulas; 1 could not be rewritten and still use PERF.",
    );
  }, 60_000);
});
