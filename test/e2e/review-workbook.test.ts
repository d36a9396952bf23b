/**
 * End to end on the bundled sample (issue 4), on both file paths: the exceljs one (the task
 * pane outside Office) and the streaming one (`perfsheet run` and `demo`). The review workbook
 * is generated, LibreOffice recalculates its formulas to the numbers of SUMMARY.json with no
 * error values, the charts survive, per-employee exports hold nobody else's data, formula-like
 * text stays text, and regeneration (SPEC §8) replaces the sheets of an earlier run, keeps
 * users' edits, their sheets and make-portable's helper sheet, removes stale generated sheets
 * and refuses to overwrite a user's sheet.
 */
import { describe, it, expect, beforeAll } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { HELPER_SHEET } from "../../src/functions/portable";
import { writePlanToXlsx } from "../../src/hosts/file/render-xlsx";
import { runWorkbookFile, type FileRunOutcome } from "../support/exceljs-run";
import { runWorkbookFileStreamed } from "../../src/hosts/file/stream/run-stream";
import { personalPlans } from "../../src/workbook/export";
import { HELPER_MARKER, markerName, markerRef } from "../../src/workbook/markers";
import { sampleData, type SampleData } from "../../src/workbook/sample";
import { GENERATED_SHEETS, type Lang } from "../../src/workbook/schema";
import { templatePlan } from "../../src/workbook/template";
import { excelRound } from "../../src/core/rounding";
import { libreOfficeOrSkip, recalcXlsx, convertWithLibreOffice } from "../support/libreoffice";

const TODAY = "2026-11-23";
const dir = mkdtempSync(path.join(tmpdir(), "perfsheet-e2e-"));

type Runner = (bytes: Uint8Array, opts: { today: string }) => Promise<FileRunOutcome>;
const RUNNERS: [string, Runner][] = [
  ["exceljs path", runWorkbookFile],
  ["streaming path", runWorkbookFileStreamed],
];

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

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const valueOf = (cell: ExcelJS.Cell) => (cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value);

const units = (x: number) => Math.round(x * 100);

describe.each(RUNNERS)("on the %s", (_label, runFile) => {
  const run = async (bytes: Uint8Array) => ok(await runFile(bytes, { today: TODAY }));

  describe.each(["en-US", "zh-CN"] as const)("the sample review workbook (%s)", (lang) => {
    let out: Extract<FileRunOutcome, { ok: true }>;
    let file: string;
    const name = (key: keyof typeof GENERATED_SHEETS) =>
      GENERATED_SHEETS[key][lang === "zh-CN" ? "zh" : "en"];

    beforeAll(async () => {
      out = await run(await sampleBytes(lang));
      file = path.join(dir, `review-${runFile.name}-${lang}.xlsx`);
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
      const wb = await load(out.xlsx);
      const names = wb.worksheets.map((w) => w.name);
      for (const key of [
        "dashboard",
        "goals",
        "scorecard",
        "kpiDetail",
        "improvements",
        "incentives",
      ] as const)
        expect(names).toContain(name(key));
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
            const v = valueOf(cell);
            if (v && typeof v === "object" && "error" in v)
              errors.push(`${ws.name}!${cell.address} ${String(v.error)}`);
          }),
        );
      }
      expect(errors).toEqual([]);

      const byId = new Map(out.run.summary.employees.map((e) => [e.id, e]));
      let checked = 0;
      wb.getWorksheet(name("scorecard"))!.eachRow((row, r) => {
        const e = byId.get(String(row.getCell(1).value));
        if (!e || r < 5) return;
        expect(valueOf(row.getCell(5)) as number).toBeCloseTo(e.kpi_score!, 9);
        expect(valueOf(row.getCell(7))).toBe(e.final_score);
        expect(valueOf(row.getCell(9))).toBe(e.grade);
        expect(valueOf(row.getCell(10))).toBe(e.bonus);
        checked++;
      });
      expect(checked).toBe(out.run.summary.employees.length);

      const scoreOf = new Map(out.run.summary.kpis.map((k) => [`${k.employee_id}|${k.kpi_id}`, k.score]));
      let scores = 0;
      wb.getWorksheet(name("kpiDetail"))!.eachRow((row, r) => {
        const key = `${row.getCell(1).value}|${row.getCell(4).value}`;
        if (r < 5 || !scoreOf.has(key)) return;
        const cell = row.getCell(12);
        if (cell.type === ExcelJS.ValueType.Formula) scores++;
        expect(valueOf(cell) as number).toBeCloseTo(scoreOf.get(key)!, 9);
      });
      expect(scores).toBeGreaterThan(out.run.summary.kpis.length / 2);
    }, 240_000);

    it("keeps its charts when LibreOffice opens and saves it, and prints to PDF", async () => {
      if (!libreOfficeOrSkip()) return;
      const saved = await convertWithLibreOffice(file, "xlsx", mkdtempSync(path.join(dir, "lo-")));
      const zip = await JSZip.loadAsync(readFileSync(saved));
      const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
      expect(charts.length).toBe(out.run.plan.sheets.reduce((n, s) => n + (s.charts?.length ?? 0), 0));
      const pdf = await convertWithLibreOffice(file, "pdf", mkdtempSync(path.join(dir, "pdf-")));
      expect(pdf.endsWith(".pdf")).toBe(true);
    }, 240_000);
  });

  describe("inputs, safety and regeneration", () => {
    it("reads an input saved by LibreOffice and keeps its cells", async () => {
      if (!libreOfficeOrSkip()) return;
      const input = path.join(dir, `lo-input-${runFile.name}.xlsx`);
      writeFileSync(input, await sampleBytes("zh-CN"));
      const saved = readFileSync(
        await convertWithLibreOffice(input, "xlsx", mkdtempSync(path.join(dir, "lo-in-"))),
      );
      const out = await run(saved);
      const before = await load(saved);
      const after = await load(out.xlsx);
      for (const ws of before.worksheets) {
        const other = after.getWorksheet(ws.name)!;
        ws.eachRow((row, r) =>
          row.eachCell((cell, c) =>
            expect(other.getCell(r, c).value, `${ws.name}!${cell.address}`).toEqual(cell.value),
          ),
        );
      }
      expect(after.worksheets.length).toBe(before.worksheets.length + out.run.plan.sheets.length);
      const file = path.join(dir, `lo-review-${runFile.name}.xlsx`);
      writeFileSync(file, out.xlsx);
      const scorecard = (await recalcXlsx(file)).getWorksheet(GENERATED_SHEETS.scorecard.zh)!;
      const first = out.run.summary.employees[0];
      let seen = false;
      scorecard.eachRow((row) => {
        if (row.getCell(1).value !== first.id) return;
        seen = true;
        expect(valueOf(row.getCell(7))).toBe(first.final_score);
      });
      expect(seen).toBe(true);
    }, 240_000);

    it("writes text that starts with = + - @ as text, never as a formula", async () => {
      const risky = ['=HYPERLINK("http://x","y")', "+SUM(1,2)", "-2+3", "@SUM(A1)"];
      const out = await run(
        await sampleBytes("en-US", (d) =>
          d.rows.employees!.slice(0, 4).forEach((e, i) => (e.name = risky[i])),
        ),
      );
      const zip = await JSZip.loadAsync(out.xlsx);
      let formulas = "";
      for (const f of Object.keys(zip.files).filter((f) => f.startsWith("xl/worksheets/sheet"))) {
        const xml = await zip.files[f].async("string");
        formulas += [...xml.matchAll(/<f[^>]*>([^<]*)<\/f>/g)].map((m) => m[1]).join("\n");
      }
      expect(formulas).not.toMatch(/HYPERLINK/);
      const names: unknown[] = [];
      (await load(out.xlsx))
        .getWorksheet("Scorecard")!
        .getColumn(2)
        .eachCell((c) => names.push(c.value));
      for (const r of risky) expect(names).toContain(r);
    });

    it("regenerates in place: users' edits, their sheets and the helper sheet are kept", async () => {
      const first = await run(await sampleBytes("en-US"));
      const wb = await load(first.xlsx);
      // The user edits an improvement's status and action, writes a review comment, adds a
      // sheet of their own, and has made the workbook portable (a marked helper sheet).
      const row = wb.getWorksheet("Improvements")!.getRow(5);
      const key = `${row.getCell(1).value}|${row.getCell(3).value}`;
      row.getCell(7).value = "Weekly coaching with the team lead";
      row.getCell(10).value = "In progress";
      const personId = first.run.summary.employees[1].id;
      const review = wb.getWorksheet(`Review-${personId}`)!;
      let commentRow = 0;
      review.eachRow((r, n) => {
        if (r.getCell(1).value === "Manager's comment") commentRow = n + 1;
      });
      expect(commentRow).toBeGreaterThan(0);
      review.getCell(commentRow, 1).value = "Strong quarter; mentor two juniors next cycle.";
      wb.addWorksheet("My notes").getCell("A1").value = "keep me";
      wb.addWorksheet(HELPER_SHEET).getCell("A1").value = { formula: "1+1", result: 2 };
      wb.definedNames.add(markerRef(HELPER_SHEET), HELPER_MARKER);
      const edited = new Uint8Array(await wb.xlsx.writeBuffer());
      const order = wb.worksheets.map((w) => w.name);

      const second = await run(edited);
      expect(second.run.summary).toEqual(first.run.summary);
      const again = await load(second.xlsx);
      // Same sheets in the same places: generated sheets replaced where they were, not added.
      expect(again.worksheets.map((w) => w.name)).toEqual(order);
      expect(again.getWorksheet("My notes")!.getCell("A1").value).toBe("keep me");
      expect(valueOf(again.getWorksheet(HELPER_SHEET)!.getCell("A1"))).toBe(2);
      let found = false;
      again.getWorksheet("Improvements")!.eachRow((r) => {
        if (`${r.getCell(1).value}|${r.getCell(3).value}` !== key) return;
        found = true;
        expect(r.getCell(7).value).toBe("Weekly coaching with the team lead");
        expect(r.getCell(10).value).toBe("In progress");
      });
      expect(found).toBe(true);
      expect(again.getWorksheet(`Review-${personId}`)!.getCell(commentRow, 1).value).toBe(
        "Strong quarter; mentor two juniors next cycle.",
      );
      const markers = (again.definedNames.model as { name: string }[]).map((n) => n.name);
      expect(markers).toContain(HELPER_MARKER);
      expect(markers.filter((n) => n.startsWith("PerfSheet.")).length).toBe(
        second.run.plan.sheets.length + 1,
      );

      // A third run on that output gives the same sheets, and the replaced sheets' charts and
      // tables went with them: none left over.
      const third = await run(second.xlsx);
      expect((await load(third.xlsx)).worksheets.map((w) => w.name)).toEqual(order);
      const parts = Object.keys((await JSZip.loadAsync(third.xlsx)).files);
      expect(parts.filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length).toBe(
        third.run.plan.sheets.reduce((n, s) => n + (s.charts?.length ?? 0), 0),
      );
      const tablesOf = async (bytes: Uint8Array) =>
        (await JSZip.loadAsync(bytes)).file(/^xl\/tables\/table\d+\.xml$/).length;
      expect(await tablesOf(third.xlsx)).toBe(await tablesOf(second.xlsx));
    });

    it("removes a generated sheet the plan no longer has (someone who left), with its marker", async () => {
      const first = await run(await sampleBytes("en-US"));
      const wb = await load(first.xlsx);
      const stale = wb.addWorksheet("Review-E999");
      stale.getCell("A1").value = "Review of E999";
      stale.addTable({
        name: "StaleReview",
        ref: "A3",
        headerRow: true,
        columns: [{ name: "KPI" }, { name: "Score" }],
        rows: [["K1", 1]],
      });
      wb.definedNames.add(markerRef("Review-E999"), markerName("review:E999"));
      const second = await run(new Uint8Array(await wb.xlsx.writeBuffer()));
      const again = await load(second.xlsx);
      expect(again.getWorksheet("Review-E999")).toBeUndefined();
      expect(again.worksheets.map((w) => w.name)).toEqual(
        (await load(first.xlsx)).worksheets.map((w) => w.name),
      );
      const refs = (again.definedNames.model as { ranges: string[] }[]).flatMap((n) => n.ranges);
      expect(refs.some((r) => r.includes("E999"))).toBe(false);
      const zip = await JSZip.loadAsync(second.xlsx);
      let tables = "";
      for (const f of Object.keys(zip.files).filter((f) => /^xl\/tables\//.test(f)))
        tables += await zip.files[f].async("string");
      expect(tables).not.toContain("StaleReview");
    });

    it("refuses to overwrite a user's sheet that has a generated sheet's name, writing nothing", async () => {
      const wb = await load(await sampleBytes("en-US"));
      wb.addWorksheet("Scorecard").getCell("A1").value = "my own scorecard";
      const outcome = await runFile(new Uint8Array(await wb.xlsx.writeBuffer()), { today: TODAY });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.problems.map((p) => [p.sheet, p.cell, p.code])).toEqual([
          ["Scorecard", "A1", "sheet_is_user_data"],
        ]);
      }
    });
  });
});

describe("per-employee export", () => {
  it("writes files that hold nobody else's data", async () => {
    const out = ok(await runWorkbookFile(await sampleBytes("en-US"), { today: TODAY }));
    const people = out.run.summary.employees;
    // Distinctive values of each person: name, id, and bonus as written (two decimals).
    for (const { employeeId, plan } of personalPlans(out.run)) {
      const zip = await JSZip.loadAsync(await writePlanToXlsx(plan));
      let text = "";
      for (const f of Object.values(zip.files)) if (!f.dir) text += await f.async("string");
      const me = people.find((p) => p.id === employeeId)!;
      for (const other of people) {
        if (other.id === employeeId) continue;
        expect(text.includes(other.name), `${employeeId}'s file names ${other.name}`).toBe(false);
        expect(new RegExp(`\\b${other.id}\\b`).test(text), `${employeeId}'s file has ${other.id}`).toBe(
          false,
        );
        if (other.bonus >= 1000 && other.bonus !== me.bonus) {
          // As a cell value: `<v>18327.6</v>` (a prefix of another amount is no leak).
          expect(text.includes(`>${other.bonus}<`), `${employeeId}'s file has ${other.id}'s bonus`).toBe(
            false,
          );
        }
      }
      expect(text.includes(me.name)).toBe(true);
    }
  });
});
