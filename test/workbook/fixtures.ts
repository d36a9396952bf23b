/**
 * A small valid input workbook (SPEC §2) as data, and a writer that lays it out as an .xlsx
 * in English or Chinese, so tests can change one cell and know exactly where it lands.
 *
 * Layout: one sheet per input sheet, every schema column in schema order, header on row 1
 * (or below `titleRows` title rows), data from the next row on.
 */
import ExcelJS from "exceljs";
import { localWord } from "../../src/core/vocabulary";
import { rawCellOf } from "../../src/hosts/file/read-xlsx";
import { cellAddress } from "../../src/workbook/a1";
import type { RawWorkbook } from "../../src/workbook/raw";
import { INPUT_SHEETS, InputSheetKey, Lang, SETTINGS, sheetName } from "../../src/workbook/schema";

export type Cell = ExcelJS.CellValue;
export type Row = Record<string, Cell>;

export interface Fixture {
  /** Settings rows as [key, value]; keys are canonical and written in the workbook's language. */
  settings: [string, Cell][];
  sheets: Partial<Record<Exclude<InputSheetKey, "settings">, Row[]>>;
}

export interface Layout {
  /** Title rows above every header row. */
  titleRows?: number;
  /** Write the sheets as Excel tables. */
  tables?: boolean;
  omitSheets?: InputSheetKey[];
  omitColumns?: Partial<Record<InputSheetKey, string[]>>;
}

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Two departments, three people, three KPIs.
 * K1 revenue (sum, target 1000) goes 100 % to P1 (E1 fte 1, E2 fte 0.25):
 *   E1 carries 1000 × 1/1.25 = 800, E2 1000 × 0.25/1.25 = 200.
 * K2 satisfaction (average, 90 %) is carried in full by everyone.
 * K3 complaints (lower, sum, 20) goes 100 % to P2 (E3 alone): 20.
 */
export function baseFixture(): Fixture {
  return {
    settings: [
      ["cycle", "2025 H1"],
      ["period_start", date("2025-01-01")],
      ["period_end", date("2025-06-30")],
      ["as_of", "2025-06-30"],
      ["kpi_weight", 0.7],
      ["feedback_weight", "30%"],
      ["threshold_score", 60],
      ["max_score", 120],
      ["rating_scale", 5],
      ["group_weights", "manager:40,peer:30,subordinate:15,customer:15,self:0"],
      ["grade_mode", "threshold"],
      ["grades", "S:90,A:80,B:70,C:60,D:0"],
      ["quotas", "S:10,A:20,B:40,C:20,D:10"],
      ["coefficients", "S:1.5,A:1.2,B:1.0,C:0.8,D:0"],
      ["bonus_pool", 10000],
      ["rounding", 1],
      ["missing_actual", "error"],
      ["buffer", 15],
      ["currency", "CNY"],
    ],
    sheets: {
      strategy: [
        { goal_id: "G1", goal: "Grow revenue", owner: "Cat" },
        { goal_id: "G2", goal: "Delight customers", owner: "Cat" },
      ],
      kpis: [
        {
          kpi_id: "K1",
          name: "Revenue",
          goal_id: "G1",
          unit: "kCNY",
          direction: "higher",
          aggregation: "sum",
          baseline: 800,
          threshold: 900,
          target: 1000,
          stretch: 1200,
          source: "finance",
        },
        {
          kpi_id: "K2",
          name: "Satisfaction",
          goal_id: "G2",
          unit: "%",
          direction: "higher",
          aggregation: "average",
          threshold: 0.8,
          target: 0.9,
          stretch: 0.95,
          source: "customer",
        },
        {
          kpi_id: "K3",
          name: "Complaints",
          goal_id: "G2",
          direction: "lower",
          aggregation: "sum",
          threshold: 30,
          target: 20,
          stretch: 10,
          source: "business",
        },
      ],
      positions: [
        { position_id: "P1", title: "Sales rep", department: "Sales" },
        { position_id: "P2", title: "Support lead", department: "Service" },
      ],
      employees: [
        { employee_id: "E1", name: "Ann", position_id: "P1", manager_id: "E3", bonus_base: 5000, fte: 1 },
        {
          employee_id: "E2",
          name: "Bob",
          position_id: "P1",
          manager_id: "E3",
          bonus_base: "¥2,000",
          fte: 0.25,
          skills: "sales:4, crm",
        },
        { employee_id: "E3", name: "Cat", position_id: "P2", bonus_base: 8000, capacity_hours: 900 },
      ],
      decomposition: [
        { kpi_id: "K1", position_id: "P1", share: 1, weight: 0.7 },
        { kpi_id: "K2", position_id: "P1", weight: "30%" },
        { kpi_id: "K2", position_id: "P2", weight: 50 },
        { kpi_id: "K3", position_id: "P2", share: "100%", weight: 0.5 },
      ],
      tasks: [
        {
          task_id: "T1",
          name: "Quarterly pipeline review",
          source: "kpi",
          kpi_id: "K1",
          importance: 5,
          urgency: 4,
          effort_hours: 16,
          skill: "sales",
          skill_level: 3,
          department: "Sales",
          due: date("2025-03-31"),
          earliest_start: "2025-03-01",
          project: "Pipeline",
          assignee: "E1",
          status: "Open",
          progress: 0.5,
        },
        { task_id: "T2", name: "Tidy the FAQ", importance: 2, urgency: 2, effort_hours: 4 },
      ],
      actuals: [
        { employee_id: "E1", kpi_id: "K1", actual: 850 },
        { employee_id: "E1", kpi_id: "K2", actual: 0.92 },
        { employee_id: "E2", kpi_id: "K1", actual: "210" },
        { employee_id: "E2", kpi_id: "K2", actual: "88%" },
        { employee_id: "E3", kpi_id: "K2", actual: 0.9 },
        { employee_id: "E3", kpi_id: "K3", actual: 18, source: "business", note: "from CRM" },
      ],
      feedback: [
        { ratee_id: "E1", rater_id: "E3", relationship: "manager", score: 4 },
        { ratee_id: "E1", rater_id: "E2", relationship: "peer", score: 5, competency: "Teamwork" },
        { ratee_id: "E2", rater_id: "E3", relationship: "manager", score: 3 },
        { ratee_id: "E3", rater_id: "C-01", relationship: "customer", score: 4, comment: "Quick" },
      ],
      survey: [
        { question: "The bonus rules are clear", score: 3, period: "before", department: "Sales" },
        { question: "The bonus rules are clear", score: 4, period: "after", department: "Sales" },
      ],
      efficiency: [{ employee_id: "E1", metric: "Deals per week", before: 3, after: 4 }],
    },
  };
}

/** The columns written for a sheet, in order. */
export function writtenColumns(key: InputSheetKey, layout: Layout = {}): string[] {
  const def = INPUT_SHEETS.find((d) => d.key === key)!;
  const omit = layout.omitColumns?.[key] ?? [];
  return def.columns.map((c) => c.key).filter((k) => !omit.includes(k));
}

/** The Excel row of data row `index` (0-based). */
export function dataRow(index: number, layout: Layout = {}): number {
  return (layout.titleRows ?? 0) + 2 + index;
}

/** The A1 address of a column of data row `index` in the written layout. */
export function cellOf(key: InputSheetKey, column: string, index: number, layout: Layout = {}): string {
  const col = writtenColumns(key, layout).indexOf(column);
  if (col < 0) throw new Error(`column ${column} not written on ${key}`);
  return cellAddress(dataRow(index, layout), col + 1);
}

/** The Settings value cell of a key. */
export function settingCell(fx: Fixture, key: string, layout: Layout = {}): string {
  const index = fx.settings.findIndex(([k]) => k === key);
  if (index < 0) throw new Error(`setting ${key} not in fixture`);
  return cellOf("settings", "value", index, layout);
}

export function sheetTitle(key: InputSheetKey, lang: Lang): string {
  return sheetName(
    INPUT_SHEETS.find((d) => d.key === key)!,
    lang,
  );
}

/** A canonical enum word in the workbook's language (`higher` → 正向); other values unchanged. */
function localise(value: Cell, lang: Lang, isEnum: boolean): Cell {
  if (!isEnum || typeof value !== "string" || lang === "en-US") return value;
  return localWord(value, lang);
}

/** One sheet as it will be written: name, header texts and rows of cell values. */
interface LaidOutSheet {
  key: InputSheetKey;
  name: string;
  headers: string[];
  values: Cell[][];
}

function layOut(fx: Fixture, lang: Lang, layout: Layout): LaidOutSheet[] {
  const sheets: LaidOutSheet[] = [];
  for (const def of INPUT_SHEETS) {
    if (layout.omitSheets?.includes(def.key)) continue;
    const data =
      def.key === "settings" ? undefined : fx.sheets[def.key as Exclude<InputSheetKey, "settings">];
    if (def.key !== "settings" && !data) continue;
    const rows: Row[] = data ?? fx.settings.map(([key, value]) => ({ key, value }));
    const columns = writtenColumns(def.key, layout).map((k) => def.columns.find((c) => c.key === k)!);
    const values = rows.map((row) =>
      columns.map((c) => {
        const value = row[c.key] ?? null;
        if (def.key === "settings" && c.key === "key" && lang === "zh-CN") {
          return SETTINGS.find((s) => s.key === value)?.zh ?? value;
        }
        if (def.key === "settings" && c.key === "value") {
          return localise(value, lang, SETTINGS.find((s) => s.key === row.key)?.kind === "enum");
        }
        return localise(value, lang, c.kind === "enum");
      }),
    );
    sheets.push({
      key: def.key,
      name: sheetName(def, lang),
      headers: columns.map((c) => (lang === "zh-CN" ? c.zh : c.en)),
      values,
    });
  }
  return sheets;
}

/** The fixture as a host would read it, without going through a file. */
export function rawFixture(fx: Fixture, lang: Lang, layout: Layout = {}): RawWorkbook {
  const titleRows = layout.titleRows ?? 0;
  return {
    sheets: layOut(fx, lang, layout).map(({ name, headers, values }) => ({
      name,
      rows: [
        ...Array.from({ length: titleRows }, (_, i) => (i === 0 ? [`${name} list`] : [])),
        headers,
        ...values.map((row) => row.map((v) => rawCellOf(v))),
      ],
    })),
  };
}

/** Writes the fixture as an .xlsx in `lang`. */
export async function writeFixture(fx: Fixture, lang: Lang, layout: Layout = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const titleRows = layout.titleRows ?? 0;
  for (const { key, name, headers, values } of layOut(fx, lang, layout)) {
    const sheet = workbook.addWorksheet(name);
    if (titleRows > 0) sheet.getCell(1, 1).value = `${name} list`;
    if (layout.tables && values.length > 0) {
      sheet.addTable({
        name: `t_${key}`,
        ref: cellAddress(titleRows + 1, 1),
        headerRow: true,
        columns: headers.map((h) => ({ name: h })),
        rows: values,
      });
    } else {
      headers.forEach((h, i) => (sheet.getCell(titleRows + 1, i + 1).value = h));
      values.forEach((row, r) => row.forEach((v, c) => (sheet.getCell(titleRows + 2 + r, c + 1).value = v)));
    }
    if (key === "settings") {
      // As HR formats a percent cell: 0.7 shown as 70 %.
      sheet.getColumn(2).eachCell((cell) => {
        if (typeof cell.value === "number" && cell.value < 1 && cell.value > 0) cell.numFmt = "0%";
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
