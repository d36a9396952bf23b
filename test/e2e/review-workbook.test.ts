/**
 * End to end on the bundled sample (issue 4): the review workbook is generated, LibreOffice
 * recalculates its formulas to the numbers of SUMMARY.json with no error values, the charts
 * survive, per-employee exports hold nobody else's data, formula-like text stays text, and
 * regeneration keeps users' edits and never touches unmarked sheets.
 */
import { describe, it, expect, beforeAll } from "vitest";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { templatePlan } from "../../src/workbook/template";
import { sampleData, type SampleData } from "../../src/workbook/sample";
import { writePlanToXlsx } from "../../src/hosts/file/render-xlsx";
import { runWorkbookFile, type FileRunOutcome } from "../../src/hosts/file/run";
import { personalPlans } from "../../src/workbook/export";
import { GENERATED_SHEETS, type Lang } from "../../src/workbook/schema";
import { excelRound } from "../../src/core/rounding";
import { libreOfficeOrSkip, recalcXlsx, convertWithLibreOffice } from "../support/libreoffice";

const TODAY = "2026-11-23";
const dir = mkdtempSync(path.join(tmpdir(), "perfsheet-e2e-"));

async function sampleBytes(lang: Lang, edit?: (d: SampleData) => void): Promise<Uint8Array> {
  const data = sampleData(lang);
  edit?.(data);
  return writePlanToXlsx(templatePlan(lang, data));
}

function ok(outcome: FileRunOutcome) {
  if (!outcome.ok)
    throw new Error(
      "run failed: " + outcome.problems.map((p) => `${p.sheet}!${p.cell} ${p.message}`).join("; "),
    );
  return outcome;
}

const units = (x: number) => Math.round(x * 100);

describe.each(["en-US", "zh-CN"] as const)("the sample review workbook (%s)", (lang) => {
  let out: Extract<FileRunOutcome, { ok: true }>;
  let file: string;
  const name = (key: keyof typeof GENERATED_SHEETS) => GENERATED_SHEETS[key][lang === "zh-CN" ? "zh" : "en"];

  beforeAll(async () => {
    out = ok(await runWorkbookFile(await sampleBytes(lang), { today: TODAY }));
    file = path.join(dir, `review-${lang}.xlsx`);
    writeFileSync(file, out.xlsx);
  });

  it("decides every number as SPEC says", () => {
    const s = out.run.summary;
    const settings = out.run.model.settings;
    expect(s.employees.length).toBeGreaterThanOrEqual(30);
    // Final = round2 of the normalised weighting; grades by threshold; pool shared exactly.
    for (const e of s.employees) {
      const expected =
        e.feedback_score === null
          ? excelRound(e.kpi_score!, 2)
          : excelRound(
              (settings.kpiWeight * e.kpi_score! + settings.feedbackWeight * e.feedback_score) /
                (settings.kpiWeight + settings.feedbackWeight),
              2,
            );
      expect(e.final_score).toBe(expected);
      const band = settings.grades.find((g) => e.final_score! >= g.min)!;
      expect(e.grade).toBe(band.grade);
    }
    expect(settings.bonusPool).toBeDefined();
    expect(s.employees.reduce((t, e) => t + units(e.bonus), 0)).toBe(units(settings.bonusPool!));
    expect(s.incentives.allocated).toBe(settings.bonusPool);
    // Every S is a star.
    for (const e of s.employees) expect(e.honours.includes("star")).toBe(e.grade === "S");
    // Department completion rates are shares of KPIs met.
    for (const d of s.departments) {
      expect(d.completion_rate === null || (d.completion_rate >= 0 && d.completion_rate <= 1)).toBe(true);
    }
  });

  it("writes every generated sheet with a marker, after the untouched input sheets", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.xlsx as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    for (const key of [
      "dashboard",
      "goals",
      "scorecard",
      "kpiDetail",
      "improvements",
      "incentives",
    ] as const) {
      expect(names).toContain(name(key));
    }
    const reviews = names.filter((n) => n.startsWith(name("review") + "-"));
    expect(reviews.length).toBe(out.run.summary.employees.length);
    const markers = (wb.definedNames.model as { name: string }[]).filter((n) =>
      n.name.startsWith("PerfSheet."),
    );
    expect(markers.length).toBe(out.run.plan.sheets.length);
  });

  it("recalculates in LibreOffice to the summary's numbers, with no error values", async () => {
    if (!libreOfficeOrSkip()) return;
    const wb = await recalcXlsx(file);
    const errors: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
          if (v && typeof v === "object" && "error" in v)
            errors.push(`${ws.name}!${cell.address} ${String(v.error)}`);
        }),
      );
    }
    expect(errors).toEqual([]);

    const scorecard = wb.getWorksheet(name("scorecard"))!;
    const byId = new Map(out.run.summary.employees.map((e) => [e.id, e]));
    let checked = 0;
    scorecard.eachRow((row, r) => {
      const e = byId.get(String(row.getCell(1).value));
      if (!e || r < 5) return;
      const num = (c: number) => {
        const cell = row.getCell(c);
        return (cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value) as number | string | null;
      };
      expect(num(5) as number).toBeCloseTo(e.kpi_score!, 9);
      expect(num(7)).toBe(e.final_score);
      expect(num(9)).toBe(e.grade);
      expect(num(10)).toBe(e.bonus);
      checked++;
    });
    expect(checked).toBe(out.run.summary.employees.length);

    const detail = wb.getWorksheet(name("kpiDetail"))!;
    const scoreOf = new Map(out.run.summary.kpis.map((k) => [`${k.employee_id}|${k.kpi_id}`, k.score]));
    let scores = 0;
    detail.eachRow((row, r) => {
      if (r < 5) return;
      const key = `${row.getCell(1).value}|${row.getCell(4).value}`;
      if (!scoreOf.has(key)) return;
      const cell = row.getCell(12);
      const v = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
      if (cell.type === ExcelJS.ValueType.Formula) scores++;
      expect(v as number).toBeCloseTo(scoreOf.get(key)!, 9);
    });
    expect(scores).toBeGreaterThan(out.run.summary.kpis.length / 2);
  });

  it("keeps its charts when LibreOffice opens and saves it", async () => {
    if (!libreOfficeOrSkip()) return;
    const saved = await convertWithLibreOffice(file, "xlsx", mkdtempSync(path.join(dir, "lo-")));
    const zip = await JSZip.loadAsync(await import("fs").then((fs) => fs.readFileSync(saved)));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts.length).toBe(out.run.plan.sheets.reduce((n, s) => n + (s.charts?.length ?? 0), 0));
    const pdf = await convertWithLibreOffice(file, "pdf", mkdtempSync(path.join(dir, "pdf-")));
    expect(pdf.endsWith(".pdf")).toBe(true);
  });

  it("exports per-employee files that hold nobody else's data", async () => {
    const plans = personalPlans(out.run);
    const people = out.run.summary.employees;
    // Distinctive values of each person: name, id, and bonus as written (two decimals).
    for (const { employeeId, plan } of plans) {
      const zip = await JSZip.loadAsync(await writePlanToXlsx(plan));
      let text = "";
      for (const f of Object.values(zip.files)) if (!f.dir) text += await f.async("string");
      for (const other of people) {
        if (other.id === employeeId) continue;
        expect(text.includes(other.name), `${employeeId}'s file names ${other.name}`).toBe(false);
        expect(new RegExp(`\\b${other.id}\\b`).test(text), `${employeeId}'s file has ${other.id}`).toBe(
          false,
        );
        if (other.bonus >= 1000 && other.bonus !== people.find((p) => p.id === employeeId)!.bonus) {
          // As a cell value: `<v>18327.6</v>` (a prefix of another amount is no leak).
          expect(text.includes(`>${other.bonus}<`), `${employeeId}'s file has ${other.id}'s bonus`).toBe(
            false,
          );
        }
      }
      const me = people.find((p) => p.id === employeeId)!;
      expect(text.includes(me.name)).toBe(true);
    }
  });
});

describe("safety", () => {
  it("writes text that starts with = + - @ as text, never as a formula", async () => {
    const risky = ['=HYPERLINK("http://x","y")', "+SUM(1,2)", "-2+3", "@SUM(A1)"];
    const bytes = await sampleBytes("en-US", (d) => {
      d.rows.employees!.slice(0, 4).forEach((e, i) => (e.name = risky[i]));
    });
    const out = ok(await runWorkbookFile(bytes, { today: TODAY }));
    const zip = await JSZip.loadAsync(out.xlsx);
    let formulas = "";
    for (const f of Object.keys(zip.files).filter((f) => f.startsWith("xl/worksheets/sheet"))) {
      const xml = await zip.files[f].async("string");
      formulas += [...xml.matchAll(/<f[^>]*>([^<]*)<\/f>/g)].map((m) => m[1]).join("\n");
    }
    expect(formulas).not.toMatch(/HYPERLINK/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.xlsx as unknown as ArrayBuffer);
    const names: unknown[] = [];
    wb.getWorksheet("Scorecard")!
      .getColumn(2)
      .eachCell((c) => names.push(c.value));
    for (const r of risky) expect(names).toContain(r);
  });

  it("regenerates: users' edits are kept and unmarked sheets are never touched", async () => {
    const first = ok(await runWorkbookFile(await sampleBytes("en-US"), { today: TODAY }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(first.xlsx as unknown as ArrayBuffer);
    // The user edits an improvement's status and action, writes a review comment, and adds a sheet of their own.
    const imp = wb.getWorksheet("Improvements")!;
    const firstRow = imp.getRow(5);
    const key = `${firstRow.getCell(1).value}|${firstRow.getCell(3).value}`;
    firstRow.getCell(7).value = "Weekly coaching with the team lead";
    firstRow.getCell(10).value = "In progress";
    const personId = first.run.summary.employees[1].id;
    const review = wb.getWorksheet(`Review-${personId}`)!;
    let commentRow = 0;
    review.eachRow((row, r) => {
      if (row.getCell(1).value === "Manager's comment") commentRow = r + 1;
    });
    expect(commentRow).toBeGreaterThan(0);
    review.getCell(commentRow, 1).value = "Strong quarter; mentor two juniors next cycle.";
    const mine = wb.addWorksheet("My notes");
    mine.getCell("A1").value = "keep me";
    const edited = Buffer.from(await wb.xlsx.writeBuffer());

    const second = ok(await runWorkbookFile(edited, { today: TODAY }));
    expect(second.run.summary).toEqual(first.run.summary);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(second.xlsx as unknown as ArrayBuffer);
    expect(again.getWorksheet("My notes")!.getCell("A1").value).toBe("keep me");
    const imp2 = again.getWorksheet("Improvements")!;
    let found = false;
    imp2.eachRow((row) => {
      if (`${row.getCell(1).value}|${row.getCell(3).value}` !== key) return;
      found = true;
      expect(row.getCell(7).value).toBe("Weekly coaching with the team lead");
      expect(row.getCell(10).value).toBe("In progress");
    });
    expect(found).toBe(true);
    expect(again.getWorksheet(`Review-${personId}`)!.getCell(commentRow, 1).value).toBe(
      "Strong quarter; mentor two juniors next cycle.",
    );
    // Each generated sheet exists once: regeneration replaced, not duplicated.
    const names = again.worksheets.map((w) => w.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("refuses to overwrite a user's sheet that has a generated sheet's name, writing nothing", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await sampleBytes("en-US")) as unknown as ArrayBuffer);
    wb.addWorksheet("Scorecard").getCell("A1").value = "my own scorecard";
    const outcome = await runWorkbookFile(Buffer.from(await wb.xlsx.writeBuffer()), { today: TODAY });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.problems.map((p) => [p.sheet, p.cell, p.code])).toEqual([
        ["Scorecard", "A1", "sheet_is_user_data"],
      ]);
    }
  });
});
