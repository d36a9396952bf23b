/**
 * The task pane end to end, as a new user outside Office meets it (issue 7): the built pane
 * (dist/) served on localhost and driven in Chromium — choose the sample workbook, press
 * Generate / 生成, take the download and check it: a Scorecard with one row per employee
 * whose bonuses add up to the pool. Screenshots of both languages go to test-output/.
 *
 * Needs `npm run build` first (the test script builds before vitest) and Debian's Chromium;
 * without Chromium it is skipped with a notice, except in CI where it fails.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { existsSync, mkdirSync, readFileSync, statSync } from "fs";
import http from "http";
import path from "path";
import type { AddressInfo } from "net";
import ExcelJS from "exceljs";
import { chromium, type Browser } from "playwright-core";
import { planToXlsx } from "../../src/taskpane/file-host";
import { sampleData } from "../../src/workbook/sample";
import { GENERATED_SHEETS, type Lang } from "../../src/workbook/schema";
import { labels } from "../../src/workbook/report/labels";
import { templatePlan } from "../../src/workbook/template";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(ROOT, "test-output");
const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const inCi = process.env.CI === "true";

if (!hasChromium && !inCi) {
  console.warn(`NOTICE: ${CHROMIUM} not found: the task pane end-to-end test is skipped.`);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

/** A tiny static server for dist/, on a random localhost port. */
function serveDist(): Promise<{ server: http.Server; base: string }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = path.join(DIST, decodeURIComponent(url.pathname));
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

/** A cell's value, or its cached result for a formula. */
function valueOf(cell: ExcelJS.Cell): unknown {
  return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
}

describe.skipIf(!hasChromium && !inCi)("the task pane outside Office (Chromium)", () => {
  let browser: Browser;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, "taskpane.html")))
      throw new Error("dist/taskpane.html is missing: build the add-in first (npm run build).");
    if (!hasChromium) throw new Error(`${CHROMIUM} is missing (CI installs Debian's chromium).`);
    mkdirSync(OUT, { recursive: true });
    ({ server, base } = await serveDist());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it.each(["en-US", "zh-CN"] as const)(
    "generates the review workbook from the sample (%s)",
    async (lang: Lang) => {
      const generateLabel = lang === "zh-CN" ? "生成" : "Generate";
      const data = sampleData(lang);
      const pool = Number(data.settings.bonus_pool);
      const employeeIds = (data.rows.employees ?? []).map((e) => String(e.employee_id));
      const input = Buffer.from(await planToXlsx(templatePlan(lang, data)));

      // A task pane's width; the browser's language picks the pane's.
      const context = await browser.newContext({
        locale: lang,
        acceptDownloads: true,
        viewport: { width: 420, height: 1000 },
      });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (e) => pageErrors.push(e.message));
      // Never the network: office.js (Microsoft's CDN) and anything else off this server fail to load.
      await page.route("**/*", (route) =>
        route.request().url().startsWith(base) ? route.continue() : route.abort(),
      );
      await page.goto(`${base}/taskpane.html`);

      const fileInput = page.locator('input[type="file"]');
      await fileInput.waitFor({ timeout: 30_000 });
      const generate = page.getByRole("button", { name: generateLabel, exact: true });
      await generate.waitFor();
      await page.screenshot({
        path: path.join(OUT, `taskpane-${lang}-start.png`),
        fullPage: true,
        animations: "disabled",
      });

      await fileInput.setInputFiles({
        name: lang === "zh-CN" ? "绩效考核示例.xlsx" : "perfsheet-sample.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: input,
      });
      // The check of the chosen file ends with a message; Generate waits for it.
      await page
        .getByRole("status")
        .filter({ hasText: String(employeeIds.length) })
        .first()
        .waitFor({ timeout: 60_000 });

      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 120_000 }),
        generate.click(),
      ]);
      const saved = path.join(OUT, `taskpane-${lang}-${download.suggestedFilename()}`);
      await download.saveAs(saved);
      await page.getByRole("status").filter({ hasText: download.suggestedFilename() }).first().waitFor();
      expect(await generate.isEnabled()).toBe(true);
      await page.mouse.move(0, 0);
      await page.screenshot({
        path: path.join(OUT, `taskpane-${lang}-generated.png`),
        fullPage: true,
        animations: "disabled",
      });

      // The Incentives step: the preview of the totals by grade.
      await page.getByRole("tab", { name: lang === "zh-CN" ? /激励/ : /Incentives/ }).click();
      // Edit the pool: the preview's total is the new pool before anything is written.
      await page
        .getByLabel(lang === "zh-CN" ? "奖金池（留空 = 不设奖金池）" : "Bonus pool (blank = no pool)")
        .fill("1000000");
      const previewTable = page.getByRole("table", {
        name: lang === "zh-CN" ? "预览：各等级奖金合计" : "Preview: totals by grade",
      });
      await previewTable.getByRole("row").last().getByText("1,000,000").waitFor();
      await page.screenshot({
        path: path.join(OUT, `taskpane-${lang}-incentives.png`),
        fullPage: true,
        animations: "disabled",
      });
      await context.close();

      expect(download.suggestedFilename()).toMatch(/-review\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(saved);
      const scorecard = wb.getWorksheet(GENERATED_SHEETS.scorecard[lang === "zh-CN" ? "zh" : "en"]);
      expect(scorecard, "the Scorecard sheet").toBeDefined();

      // Find the table by its header: the employee id column and the bonus column.
      const t = labels(lang);
      let headerRow = 0;
      let bonusCol = 0;
      scorecard!.eachRow((row, r) => {
        if (headerRow || valueOf(row.getCell(1)) !== t("employeeId")) return;
        headerRow = r;
        row.eachCell((cell, c) => {
          if (String(valueOf(cell)).startsWith(t("bonus") + " (")) bonusCol = c;
        });
      });
      expect(headerRow).toBeGreaterThan(0);
      expect(bonusCol).toBeGreaterThan(0);
      const ids: string[] = [];
      let cents = 0;
      for (let r = headerRow + 1; r <= scorecard!.rowCount; r++) {
        const id = valueOf(scorecard!.getCell(r, 1));
        if (!employeeIds.includes(String(id))) continue;
        ids.push(String(id));
        cents += Math.round(Number(valueOf(scorecard!.getCell(r, bonusCol))) * 100);
      }
      // One row per employee, and the pool shared out to the cent (SPEC §6).
      expect([...ids].sort()).toEqual([...employeeIds].sort());
      expect(cents).toBe(Math.round(pool * 100));
      expect(pageErrors.filter((e) => !/Office is not defined/.test(e))).toEqual([]);
    },
    180_000,
  );

  it("lists a workbook's errors by sheet and offers nothing to download (zh-CN)", async () => {
    const data = sampleData("zh-CN");
    // Two actuals that are not numbers: located errors on the 实际数据 sheet.
    data.rows.actuals![0].actual = "很多";
    data.rows.actuals![5].actual = "n/a";
    const input = Buffer.from(await planToXlsx(templatePlan("zh-CN", data)));
    const context = await browser.newContext({
      locale: "zh-CN",
      acceptDownloads: true,
      viewport: { width: 420, height: 1000 },
    });
    const page = await context.newPage();
    await page.route("**/*", (route) =>
      route.request().url().startsWith(base) ? route.continue() : route.abort(),
    );
    let downloads = 0;
    page.on("download", () => downloads++);
    await page.goto(`${base}/taskpane.html`);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "有误.xlsx", mimeType: "application/octet-stream", buffer: input });
    await page.getByRole("alert").filter({ hasText: "有 2 个错误" }).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "生成", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "有 2 个错误" }).waitFor({ timeout: 60_000 });
    const checks = page.getByRole("region", { name: /校验结果/ });
    await expect(checks.getByRole("region", { name: "实际数据" }).locator("li").count()).resolves.toBe(2);
    await page.mouse.move(0, 0);
    await page.screenshot({
      path: path.join(OUT, "taskpane-zh-CN-errors.png"),
      fullPage: true,
      animations: "disabled",
    });
    await context.close();
    expect(downloads).toBe(0);
  }, 180_000);
});
