import { describe, it, expect } from "vitest";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { parseLang, systemLang } from "../../src/cli/commands/init";
import type { CliIo } from "../../src/cli/io";
import { INPUT_SHEETS } from "../../src/workbook/schema";
import { convertWithLibreOffice, libreOfficeOrSkip } from "../support/libreoffice";

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const tempDir = () => mkdtempSync(join(tmpdir(), "perfsheet-init-"));

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

type Validations = Record<string, ExcelJS.DataValidation>;
const validationsOf = (ws: ExcelJS.Worksheet): Validations =>
  (ws as unknown as { dataValidations: { model: Validations } }).dataValidations.model;

const noteOf = (cell: ExcelJS.Cell): string => {
  const note = cell.note;
  if (note === undefined) return "";
  return typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
};

describe("language choice", () => {
  it("reads --lang values", () => {
    expect(["zh-CN", "zh", "zh_cn", "ZH-TW"].map(parseLang)).toEqual(["zh-CN", "zh-CN", "zh-CN", "zh-CN"]);
    expect(["en-US", "en", "en_GB"].map(parseLang)).toEqual(["en-US", "en-US", "en-US"]);
    expect(parseLang("fr")).toBeUndefined();
  });

  it("follows the system locale: LC_ALL before LC_MESSAGES before LANG, then the runtime", () => {
    expect(systemLang({ LANG: "zh_CN.UTF-8" }, "en-US")).toBe("zh-CN");
    expect(systemLang({ LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" }, "zh-CN")).toBe("en-US");
    expect(systemLang({ LC_MESSAGES: "zh_TW.UTF-8", LANG: "C" }, "en-US")).toBe("zh-CN");
    expect(systemLang({ LANG: "" }, "zh-Hans-CN")).toBe("zh-CN");
    expect(systemLang({}, "de-DE")).toBe("en-US");
  });
});

describe("perfsheet init", () => {
  it("exits 2 on usage errors", async () => {
    for (const args of [
      [],
      ["a.xlsx", "b.xlsx"],
      ["a.xlsx", "--lang", "fr"],
      ["a.xlsx", "--lang"],
      ["a.xlsx", "--bogus"],
    ]) {
      const io = captureIo();
      expect(await main(["init", ...args], io)).toBe(2);
      expect(io.stderr.join("\n")).toMatch(/Usage: perfsheet init/);
    }
  });

  it("refuses to overwrite an existing file unless --force", async () => {
    const path = join(tempDir(), "existing.xlsx");
    writeFileSync(path, "keep me");
    const io = captureIo();
    expect(await main(["init", path, "--lang", "en-US"], io)).toBe(1);
    expect(io.stderr.join("\n")).toContain("already exists");
    expect(readFileSync(path, "utf8")).toBe("keep me");

    expect(await main(["init", path, "--lang", "en-US", "--force"], captureIo())).toBe(0);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe("PK"); // a zip: the .xlsx
  });

  it("exits 1 when the file cannot be written", async () => {
    const io = captureIo();
    expect(await main(["init", join(tempDir(), "no", "such", "dir.xlsx"), "--lang=en-US"], io)).toBe(1);
    expect(io.stderr.join("\n")).toContain("cannot write");
  });

  describe.each([
    ["en-US", "README", "KPIs", ["kpi_id", "name", "goal_id"], ["higher", "lower", "binary"]],
    ["zh-CN", "说明", "部门KPI", ["指标编号", "指标名称", "战略目标编号"], ["正向", "反向", "是否"]],
  ] as const)("template in %s", (lang, readme, kpiSheet, firstHeaders, directions) => {
    it("round-trips: sheets, headers, tables, lists, notes and frozen headers", async () => {
      const path = join(tempDir(), `template-${lang}.xlsx`);
      const io = captureIo();
      expect(await main(["init", path, "--lang", lang], io)).toBe(0);
      expect(io.stdout.join("\n")).toContain(path);

      const wb = await readBack(path);
      const names = INPUT_SHEETS.map((s) => (lang === "zh-CN" ? s.zh : s.en));
      expect(wb.worksheets.map((w) => w.name)).toEqual([readme, ...names]);

      const ws = wb.getWorksheet(kpiSheet)!;
      expect([1, 2, 3].map((c) => ws.getRow(1).getCell(c).value)).toEqual(firstHeaders);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      // Column E is the direction: a drop-down of the language's words.
      const direction = validationsOf(ws).E2;
      expect(direction.type).toBe("list");
      expect(direction.formulae[0]).toBe(`"${directions.join(",")}"`);
      expect(noteOf(ws.getCell("I1"))).toMatch(lang === "zh-CN" ? /^必填。/ : /^Required\./); // target

      // Every input sheet carries a table and a note on each header cell.
      for (const def of INPUT_SHEETS) {
        const sheet = wb.getWorksheet(lang === "zh-CN" ? def.zh : def.en)!;
        expect(Object.keys((sheet as unknown as { tables: object }).tables)).toHaveLength(1);
        def.columns.forEach((_, j) => expect(noteOf(sheet.getRow(1).getCell(j + 1))).not.toBe(""));
      }
      // No input sheet is marked as generated.
      expect(wb.definedNames.model.filter((d) => d.name.startsWith("PerfSheet."))).toEqual([]);
    });
  });

  it("writes the sample with --sample", async () => {
    const path = join(tempDir(), "sample.xlsx");
    expect(await main(["init", path, "--lang", "zh-CN", "--sample"], captureIo())).toBe(0);
    const wb = await readBack(path);
    const employees = wb.getWorksheet("员工")!;
    expect(employees.getCell("B2").value).toBe("周立明");
    expect(employees.actualRowCount).toBe(34); // header + 33 people
    const settings = wb.getWorksheet("设置")!;
    expect(settings.getCell("A2").value).toBe("考核周期");
    expect(settings.getCell("B2").value).toBe("2026年下半年");
  });

  it.skipIf(!libreOfficeOrSkip())("writes a sample LibreOffice can print", async () => {
    const dir = tempDir();
    const path = join(dir, "sample-zh.xlsx");
    expect(await main(["init", path, "--lang", "zh-CN", "--sample"], captureIo())).toBe(0);
    const pdf = await convertWithLibreOffice(path, "pdf", join(dir, "pdf"));
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
