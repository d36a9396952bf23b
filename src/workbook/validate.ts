/**
 * Validation of the input workbook (SPEC §2, §3, §8): every problem, not only the first,
 * each located at a sheet and cell with a message in the workbook's language. Builds the
 * domain model on the way; the model is only handed out when there is no error.
 */
import { cascadeGoals, GoalRow } from "../core/cascade";
import { isPerfError, MessageParams } from "../core/errors";
import { formatMessage } from "../core/messages";
import type {
  Actual,
  DecompositionRow,
  EfficiencyRow,
  Employee,
  FeedbackRating,
  GradeBand,
  Kpi,
  Model,
  ModelIssue,
  Position,
  Settings,
  StrategyGoal,
  SurveyAnswer,
  Task,
} from "../core/model";
import { toFraction } from "../core/percent";
import { validateCurve } from "../core/scoring";
import { parseGroupWeights, parseKeyValueTable } from "../core/tables";
import { parseSkills } from "../core/tasks/skills";
import { normalizeWord, type Aggregation, type Direction, type Relationship } from "../core/vocabulary";
import {
  displayCell,
  isBlankCell,
  parseDate,
  Parsed,
  parseEnum,
  parseId,
  parseInteger,
  parseNumber,
  parsePercent,
  parseText,
} from "./cells";
import { Problem } from "./problems";
import { cellAddress } from "./a1";
import type { RawCell, RawWorkbook } from "./raw";
import { ReadSheet, readWorkbook, ReadWorkbook } from "./reader";
import { ColumnDef, INPUT_SHEETS, InputSheetKey, Lang, SETTINGS, SettingDef, sheetName } from "./schema";

export interface ValidateOptions {
  lang: Lang;
  /** ISO date used for a blank `as_of`. */
  today: string;
}

export interface ValidationResult {
  /** Present when no problem is an error. */
  model?: Model;
  problems: Problem[];
  /** The employee × KPI targets, when the goal sheets could be cascaded. */
  goals?: GoalRow[];
}

type Severity = Problem["severity"];

/** Collects located problems with their message in the workbook's language. */
class Findings {
  readonly problems: Problem[] = [];

  constructor(
    readonly lang: Lang,
    readonly read: ReadWorkbook,
  ) {}

  /** A column's header in the workbook's language. */
  header(column: ColumnDef): string {
    return this.lang === "zh-CN" ? column.zh : column.en;
  }

  /** The name a message uses for an input sheet: as the workbook spells it, else in its language. */
  sheetLabel(key: InputSheetKey): string {
    const found = this.read.sheets[key];
    if (found) return found.name;
    const def = INPUT_SHEETS.find((d) => d.key === key);
    return def ? sheetName(def, this.lang) : key;
  }

  add(sheet: string, cell: string, code: string, params: MessageParams, severity: Severity = "error"): void {
    const full: MessageParams = { ...params };
    // `of` names the sheet an unknown id was looked up in: show that sheet's name.
    if (typeof full.of === "string" && INPUT_SHEETS.some((d) => d.key === full.of)) {
      full.ofSheet = this.sheetLabel(full.of as InputSheetKey);
    }
    const message = formatMessage(code, full, this.lang);
    this.problems.push({ sheet, cell, code, message, severity });
  }

  /** The A1 cell of `column` in `row`; a column the sheet lacks points at the row's first column. */
  cellOf(sheet: ReadSheet, row: number, column?: string): string {
    const col = (column && sheet.columns[column]) || Math.min(...Object.values(sheet.columns), Infinity);
    return cellAddress(row, Number.isFinite(col) ? col : 1);
  }

  at(
    sheet: ReadSheet,
    row: number,
    column: string | undefined,
    code: string,
    params: MessageParams,
    severity?: Severity,
  ) {
    const def = sheet.def.columns.find((c) => c.key === column);
    const withColumn = def ? { column: this.header(def), ...params } : params;
    this.add(sheet.name, this.cellOf(sheet, row, column), code, withColumn, severity);
  }

  /** A core rule's issue at its row and column; without a row, at A1 of Settings (the cycle's rules). */
  locate(issue: ModelIssue): void {
    const at = issue.at;
    const sheet = at && Object.values(this.read.sheets).find((s) => s.name === at.sheet);
    if (sheet && at) this.at(sheet, at.row, issue.column, issue.code, issue.params, issue.severity);
    else this.add(at?.sheet ?? this.sheetLabel("settings"), "A1", issue.code, issue.params, issue.severity);
  }

  hasErrors(): boolean {
    return this.problems.some((p) => p.severity === "error");
  }
}

/** Values by employee and KPI id, without making a key text per pair (there is one per actual). */
class PairMap<V> {
  private readonly byFirst = new Map<string, Map<string, V>>();

  get(first: string, second: string): V | undefined {
    return this.byFirst.get(first)?.get(second);
  }

  has(first: string, second: string): boolean {
    return this.byFirst.get(first)?.has(second) ?? false;
  }

  set(first: string, second: string, value: V): void {
    let inner = this.byFirst.get(first);
    if (inner === undefined) this.byFirst.set(first, (inner = new Map()));
    inner.set(second, value);
  }
}

/** The typed cells of one data row. */
interface TypedRow {
  row: number;
  values: Record<string, string | number | undefined>;
  raw: Record<string, RawCell>;
  /** Columns whose cell could not be read (already reported). */
  failed: FailedColumns;
}

/** The columns of a row that failed; most rows have none, so the set is only made for the first. */
class FailedColumns {
  private columns?: Set<string>;

  add(column: string): void {
    (this.columns ??= new Set()).add(column);
  }

  has(column: string): boolean {
    return this.columns?.has(column) ?? false;
  }

  get size(): number {
    return this.columns?.size ?? 0;
  }
}

function parseByKind(cell: RawCell, column: ColumnDef, sheet: ReadSheet): Parsed<string | number> {
  switch (column.kind) {
    case "id":
      return parseId(cell);
    case "text":
      return parseText(cell);
    case "number":
      // A yes/no actual of a binary KPI may be typed TRUE/FALSE.
      return parseNumber(cell, { booleans: sheet.def.key === "actuals" && column.key === "actual" });
    case "percent":
      return parsePercent(cell);
    case "integer":
      return parseInteger(cell);
    case "date":
      return parseDate(cell);
    case "enum":
      return parseEnum(cell, column.values ?? []);
  }
}

/** Reads every cell of every data row by its column's kind; blank required cells are errors. */
function typeRows(sheet: ReadSheet | undefined, f: Findings): TypedRow[] {
  if (!sheet) return [];
  return sheet.rows.map(({ row, cells }) => {
    const typed: TypedRow = { row, values: {}, raw: cells, failed: new FailedColumns() };
    for (const column of sheet.def.columns) {
      if (sheet.columns[column.key] === undefined) continue;
      const cell = cells[column.key] ?? null;
      const parsed = parseByKind(cell, column, sheet);
      if (!parsed.ok) {
        f.at(sheet, row, column.key, parsed.code, parsed.params);
        typed.failed.add(column.key);
      } else if (parsed.value === undefined && column.required) {
        f.at(sheet, row, column.key, "cell_required", {});
        typed.failed.add(column.key);
      } else {
        typed.values[column.key] = parsed.value;
      }
    }
    return typed;
  });
}

/** A row whose required cells all read well. */
function complete(sheet: ReadSheet | undefined, row: TypedRow): boolean {
  return !!sheet && sheet.def.columns.every((c) => !c.required || row.values[c.key] !== undefined);
}

const str = (row: TypedRow, key: string) => row.values[key] as string | undefined;
const num = (row: TypedRow, key: string) => row.values[key] as number | undefined;

/** Numeric limits of a column: a range, or a floor (≥ 0 or > 0). */
interface Limit {
  min?: number;
  max?: number;
  positive?: boolean;
  /** A catalogue code whose message fits better than the generic one. */
  code?: string;
  param?: string;
}

function checkLimit(f: Findings, sheet: ReadSheet, row: TypedRow, column: string, limit: Limit): void {
  const value = num(row, column);
  if (value === undefined) return;
  let code: string | undefined;
  let range: { min: number; max: number } | undefined;
  if (limit.positive && !(value > 0)) code = "value_not_positive";
  else if (limit.max !== undefined && limit.min !== undefined && (value < limit.min || value > limit.max)) {
    code = "value_out_of_range";
    range = { min: limit.min, max: limit.max };
  } else if (limit.min === 0 && value < 0) code = "value_negative";
  if (!code) return;
  // The cell as typed is only needed for the message.
  const shown = displayCell(row.raw[column] ?? null);
  let params: MessageParams = range ? { value: shown, ...range } : { value: shown };
  if (limit.code) {
    code = limit.code;
    params = { ...params, [limit.param ?? "value"]: value };
  }
  f.at(sheet, row.row, column, code, params);
  row.failed.add(column);
}

/** Ids typed twice in one sheet: the second is the error. */
function checkDuplicates(f: Findings, sheet: ReadSheet | undefined, rows: TypedRow[], column: string): void {
  if (!sheet) return;
  const first = new Map<string, number>();
  for (const row of rows) {
    const id = str(row, column);
    if (id === undefined) continue;
    const seen = first.get(id);
    if (seen !== undefined) {
      f.at(sheet, row.row, column, "id_duplicate", { id, first: f.cellOf(sheet, seen, column) });
    } else first.set(id, row.row);
  }
}

/** Rows without the ones repeating an earlier row's id (reported by checkDuplicates). */
function firstOfEachId(rows: TypedRow[], column: string): TypedRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const id = str(r, column);
    if (id === undefined || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Every id a sheet defines, including rows that are otherwise bad (they are reported once, there). */
function knownIds(rows: TypedRow[], column: string): Set<string> {
  return new Set(rows.map((r) => str(r, column)).filter((id): id is string => id !== undefined));
}

// ---------------------------------------------------------------- Settings

type SettingValue = string | number | GradeBand[] | Record<string, number> | undefined;

function settingDef(key: string): SettingDef | undefined {
  const word = normalizeWord(key);
  return SETTINGS.find((s) => normalizeWord(s.key) === word || normalizeWord(s.zh) === word);
}

/** Turns a thrown PerfError into a problem result; anything else is a bug and rethrown. */
function caught(e: unknown): Parsed<never> {
  if (isPerfError(e)) return { ok: false, code: e.code, params: e.params };
  throw e;
}

/** One setting's value, read by its kind (tables through core/tables.ts). */
function readSetting(def: SettingDef, cell: RawCell): Parsed<SettingValue> {
  switch (def.kind) {
    case "text":
      return parseText(cell);
    case "date":
      return parseDate(cell);
    case "percent":
      return parsePercent(cell);
    case "number":
      return parseNumber(cell);
    case "integer":
      return parseInteger(cell);
    case "enum":
      return parseEnum(cell, def.values ?? []);
    case "table": {
      if (isBlankCell(cell)) return { ok: true, value: undefined };
      const text = parseText(cell);
      if (!text.ok) return text;
      try {
        if (def.key === "group_weights") return { ok: true, value: parseGroupWeights(text.value) };
        const entries = parseKeyValueTable(text.value, def.key);
        if (def.key === "grades") {
          const bands = entries.map((e) => ({ grade: e.key, min: e.value }));
          return { ok: true, value: bands.sort((a, b) => b.min - a.min) };
        }
        const convert = def.key === "quotas" ? toFraction : (x: number) => x;
        return { ok: true, value: Object.fromEntries(entries.map((e) => [e.key, convert(e.value)])) };
      } catch (e) {
        return caught(e);
      }
    }
  }
}

interface SettingsRead {
  settings: Settings;
  /** Excel row of each key given in the sheet. */
  rowOf: Map<string, number>;
}

/** Reads the Settings sheet: unknown keys warn, bad values are errors, blanks take the default. */
function readSettings(f: Findings, sheet: ReadSheet | undefined, today: string): SettingsRead {
  const values = new Map<string, SettingValue>();
  const rowOf = new Map<string, number>();
  for (const def of SETTINGS) {
    const parsed = readSetting(def, def.default === "" ? null : def.default);
    if (parsed.ok) values.set(def.key, parsed.value);
  }
  for (const { row, cells } of sheet?.rows ?? []) {
    const keyText = parseText(cells.key ?? null);
    if (!keyText.ok || keyText.value === undefined) {
      if (!isBlankCell(cells.value ?? null) && sheet) f.at(sheet, row, "key", "cell_required", {});
      continue;
    }
    const def = settingDef(keyText.value);
    if (!sheet) continue;
    if (!def) {
      f.at(sheet, row, "key", "setting_unknown", { key: keyText.value }, "warning");
      continue;
    }
    const first = rowOf.get(def.key);
    if (first !== undefined) {
      f.at(sheet, row, "key", "setting_duplicate", { key: def.key, first: f.cellOf(sheet, first, "key") });
      continue;
    }
    rowOf.set(def.key, row);
    const parsed = readSetting(def, cells.value ?? null);
    if (!parsed.ok)
      f.at(sheet, row, "value", parsed.code, { key: def.key, column: def.key, ...parsed.params });
    else if (parsed.value !== undefined) values.set(def.key, parsed.value);
  }
  const settings = settingsFrom(values, today);
  if (sheet) checkSettings(f, sheet, settings, rowOf);
  return { settings, rowOf };
}

function settingsFrom(v: Map<string, SettingValue>, today: string): Settings {
  const text = (key: string) => v.get(key) as string | undefined;
  const number = (key: string) => v.get(key) as number;
  return {
    cycle: text("cycle") ?? "",
    periodStart: text("period_start"),
    periodEnd: text("period_end"),
    asOf: text("as_of") ?? today,
    stageGoalsDue: text("stage_goals_due"),
    stageDataDue: text("stage_data_due"),
    stageReviewDue: text("stage_review_due"),
    stageFeedbackDue: text("stage_feedback_due"),
    kpiWeight: number("kpi_weight"),
    feedbackWeight: number("feedback_weight"),
    thresholdScore: number("threshold_score"),
    maxScore: number("max_score"),
    ratingScale: number("rating_scale"),
    minRaters: number("min_raters"),
    groupWeights: v.get("group_weights") as Record<Relationship, number>,
    gradeMode: v.get("grade_mode") as Settings["gradeMode"],
    grades: v.get("grades") as GradeBand[],
    quotas: v.get("quotas") as Record<string, number>,
    forcedGroup: v.get("forced_group") as Settings["forcedGroup"],
    forcedMin: number("forced_min"),
    coefficients: v.get("coefficients") as Record<string, number>,
    bonusPool: v.get("bonus_pool") as number | undefined,
    rounding: number("rounding"),
    missingActual: v.get("missing_actual") as Settings["missingActual"],
    importantMin: number("important_min"),
    urgentMin: number("urgent_min"),
    buffer: number("buffer"),
    dailyHours: number("daily_hours"),
    currency: text("currency") ?? "",
    reviewLimit: number("review_limit"),
  };
}

/** The setting's value cell, or (for a default left out of the sheet) `fallback`'s, or A1. */
function settingCell(
  f: Findings,
  sheet: ReadSheet,
  rowOf: Map<string, number>,
  key: string,
  fallback?: string,
) {
  const row = rowOf.get(key) ?? (fallback ? rowOf.get(fallback) : undefined);
  return row === undefined ? "A1" : f.cellOf(sheet, row, "value");
}

/** Values that read well but cannot work, and tables that disagree with each other. */
function checkSettings(f: Findings, sheet: ReadSheet, s: Settings, rowOf: Map<string, number>): void {
  const flag = (key: string, code: string, params: MessageParams, severity?: Severity, fallback?: string) => {
    if (rowOf.has(key) || (fallback && rowOf.has(fallback))) {
      f.add(
        sheet.name,
        settingCell(f, sheet, rowOf, key, fallback),
        code,
        { key, column: key, ...params },
        severity,
      );
    }
  };
  // The curve's rule on threshold_score and max_score lives in validateCurve.
  try {
    validateCurve({ target: 1, cap: s.maxScore, thresholdScore: s.thresholdScore });
  } catch (e) {
    if (!isPerfError(e)) throw e;
    flag(e.code === "bad_cap" ? "max_score" : "threshold_score", e.code, e.params);
  }
  if (!(s.ratingScale >= 1)) flag("rating_scale", "bad_scale", { scale: s.ratingScale });
  if (s.kpiWeight < 0) flag("kpi_weight", "value_negative", { value: s.kpiWeight });
  if (s.feedbackWeight < 0) flag("feedback_weight", "value_negative", { value: s.feedbackWeight });
  if (s.kpiWeight + s.feedbackWeight <= 0) flag("kpi_weight", "zero_weights", {}, "error", "feedback_weight");
  if (s.buffer < 0) flag("buffer", "value_negative", { value: s.buffer });
  for (const key of ["min_raters", "forced_min", "review_limit"] as const) {
    const value = key === "min_raters" ? s.minRaters : key === "forced_min" ? s.forcedMin : s.reviewLimit;
    if (value < 0) flag(key, "value_negative", { value });
  }
  for (const [key, value] of [
    ["important_min", s.importantMin],
    ["urgent_min", s.urgentMin],
  ] as const) {
    if (value < 1 || value > 5) flag(key, "value_out_of_range", { value, min: 1, max: 5 });
  }
  if (!(s.dailyHours > 0)) flag("daily_hours", "value_not_positive", { value: s.dailyHours });
  if (!(s.rounding > 0)) flag("rounding", "bad_rounding", { rounding: s.rounding });
  if (s.bonusPool !== undefined && s.bonusPool < 0)
    flag("bonus_pool", "negative_pool", { pool: s.bonusPool });
  if (s.periodStart && s.periodEnd && s.periodEnd < s.periodStart) {
    flag("period_end", "setting_period_reversed", { start: s.periodStart, end: s.periodEnd });
  }
  const weights = Object.values(s.groupWeights);
  if (weights.every((w) => w === 0)) flag("group_weights", "zero_weights", {});

  // Every grade needs a coefficient (and a quota in forced mode), and no table may name others.
  const grades = s.grades.map((b) => b.grade);
  const compare = (key: "quotas" | "coefficients", table: Record<string, number>, severity: Severity) => {
    const keys = Object.keys(table);
    const missing = grades.filter((g) => !keys.some((k) => normalizeWord(k) === normalizeWord(g)));
    const extra = keys.filter((k) => !grades.some((g) => normalizeWord(k) === normalizeWord(g)));
    if (missing.length > 0 || extra.length > 0) {
      const params = { missing: missing.join(", ") || "-", extra: extra.join(", ") || "-" };
      flag(key, "setting_grades_mismatch", params, severity, "grades");
    }
  };
  const forced = s.gradeMode === "forced";
  compare("quotas", s.quotas, forced ? "error" : "warning");
  compare("coefficients", s.coefficients, "error");
  for (const value of Object.values(s.coefficients)) {
    if (value < 0) flag("coefficients", "negative_coefficient", { coefficient: value });
  }
  const quotas = Object.values(s.quotas);
  if (quotas.some((q) => q < 0)) flag("quotas", "bad_quota", {}, forced ? "error" : "warning");
  else {
    const total = quotas.reduce((sum, q) => sum + q, 0);
    if (Math.abs(total - 1) > 0.0001 + 1e-12) {
      const percent = String(Math.round(total * 10000) / 100);
      flag("quotas", "setting_quotas_total", { percent }, forced ? "error" : "warning");
    }
  }
}

// ---------------------------------------------------------------- Input sheets

interface Sheets {
  [key: string]: { sheet?: ReadSheet; rows: TypedRow[] };
}

/** Whether a sheet is there with all its required columns, so references into it can be checked. */
function usable(read: ReadWorkbook, key: InputSheetKey): boolean {
  const sheet = read.sheets[key];
  return !!sheet && sheet.missingColumns.length === 0;
}

function buildGoals({ sheet, rows }: Sheets[string]): StrategyGoal[] {
  return firstOfEachId(rows, "goal_id")
    .filter((r) => complete(sheet, r))
    .map((r) => ({
      id: str(r, "goal_id")!,
      goal: str(r, "goal")!,
      owner: str(r, "owner"),
      source: { sheet: sheet!.name, row: r.row },
    }));
}

/** A blank aggregation: `sum` when the KPI is cascaded with shares, else `average`. */
function buildKpis({ sheet, rows }: Sheets[string], sharedKpis: Set<string>): Kpi[] {
  return firstOfEachId(rows, "kpi_id")
    .filter((r) => complete(sheet, r) && !r.failed.has("threshold") && !r.failed.has("stretch"))
    .map((r) => {
      const id = str(r, "kpi_id")!;
      return {
        id,
        name: str(r, "name")!,
        goalId: str(r, "goal_id"),
        unit: str(r, "unit"),
        direction: (str(r, "direction") as Direction | undefined) ?? "higher",
        aggregation:
          (str(r, "aggregation") as Aggregation | undefined) ?? (sharedKpis.has(id) ? "sum" : "average"),
        baseline: num(r, "baseline"),
        threshold: num(r, "threshold"),
        target: num(r, "target")!,
        stretch: num(r, "stretch"),
        dataSource: str(r, "source") as Kpi["dataSource"],
        source: { sheet: sheet!.name, row: r.row },
      };
    });
}

/** The curve rules of SPEC §4 (core/scoring.ts validateCurve), located at the KPI's cells. */
function checkCurves(f: Findings, sheet: ReadSheet | undefined, kpis: Kpi[]): void {
  if (!sheet) return;
  for (const kpi of kpis) {
    try {
      validateCurve({
        target: kpi.target,
        direction: kpi.direction,
        threshold: kpi.threshold,
        stretch: kpi.stretch,
      });
    } catch (e) {
      if (!isPerfError(e)) throw e;
      const column =
        e.code === "threshold_wrong_side"
          ? "threshold"
          : e.code === "stretch_wrong_side"
            ? "stretch"
            : "target";
      f.at(sheet, kpi.source.row, column, e.code, { kpi: kpi.id, ...e.params });
    }
  }
}

function buildPositions({ sheet, rows }: Sheets[string]): Position[] {
  return firstOfEachId(rows, "position_id")
    .filter((r) => complete(sheet, r))
    .map((r) => ({
      id: str(r, "position_id")!,
      title: str(r, "title")!,
      department: str(r, "department")!,
      responsibilities: str(r, "responsibilities"),
      source: { sheet: sheet!.name, row: r.row },
    }));
}

function buildEmployees(f: Findings, { sheet, rows }: Sheets[string]): Employee[] {
  if (!sheet) return [];
  const employees: Employee[] = [];
  const first = new Set(firstOfEachId(rows, "employee_id"));
  for (const r of rows) {
    checkLimit(f, sheet, r, "fte", { positive: true });
    checkLimit(f, sheet, r, "bonus_base", { min: 0, code: "negative_base", param: "base" });
    checkLimit(f, sheet, r, "capacity_hours", { min: 0 });
    let skills: Record<string, number> = {};
    const skillText = str(r, "skills");
    if (skillText !== undefined) {
      try {
        skills = parseSkills(skillText);
      } catch (e) {
        const problem = caught(e);
        if (!problem.ok) f.at(sheet, r.row, "skills", problem.code, problem.params);
        r.failed.add("skills");
      }
    }
    if (!complete(sheet, r) || r.failed.has("fte") || !first.has(r)) continue;
    employees.push({
      id: str(r, "employee_id")!,
      name: str(r, "name")!,
      positionId: str(r, "position_id")!,
      managerId: str(r, "manager_id"),
      bonusBase: num(r, "bonus_base"),
      fte: num(r, "fte") ?? 1,
      capacityHours: num(r, "capacity_hours"),
      skills,
      prevScore: num(r, "prev_score"),
      source: { sheet: sheet.name, row: r.row },
    });
  }
  return employees;
}

function buildDecomposition(f: Findings, { sheet, rows }: Sheets[string]): DecompositionRow[] {
  if (!sheet) return [];
  for (const r of rows) {
    checkLimit(f, sheet, r, "share", { min: 0 });
    checkLimit(f, sheet, r, "weight", { min: 0 });
  }
  return rows
    .filter((r) => complete(sheet, r) && !r.failed.has("share"))
    .map((r) => ({
      kpiId: str(r, "kpi_id")!,
      positionId: str(r, "position_id")!,
      share: num(r, "share"),
      weight: num(r, "weight")!,
      source: { sheet: sheet.name, row: r.row },
    }));
}

function buildTasks(f: Findings, { sheet, rows }: Sheets[string]): Task[] {
  if (!sheet) return [];
  for (const r of rows) {
    checkLimit(f, sheet, r, "importance", { min: 1, max: 5 });
    checkLimit(f, sheet, r, "urgency", { min: 1, max: 5 });
    checkLimit(f, sheet, r, "effort_hours", { min: 0 });
    checkLimit(f, sheet, r, "skill_level", { min: 1, max: 5 });
    checkLimit(f, sheet, r, "progress", { min: 0, max: 1 });
  }
  return firstOfEachId(rows, "task_id")
    .filter((r) => complete(sheet, r))
    .map((r) => ({
      id: str(r, "task_id")!,
      name: str(r, "name")!,
      taskSource: str(r, "source") as Task["taskSource"],
      kpiId: str(r, "kpi_id"),
      importance: num(r, "importance")!,
      urgency: num(r, "urgency")!,
      effortHours: num(r, "effort_hours")!,
      skill: str(r, "skill"),
      skillLevel: num(r, "skill_level"),
      department: str(r, "department"),
      due: str(r, "due"),
      earliestStart: str(r, "earliest_start"),
      project: str(r, "project"),
      assignee: str(r, "assignee"),
      status: str(r, "status"),
      progress: num(r, "progress"),
      source: { sheet: sheet.name, row: r.row },
    }));
}

function buildActuals(f: Findings, { sheet, rows }: Sheets[string]): Actual[] {
  if (!sheet) return [];
  const actuals: Actual[] = [];
  const first = new PairMap<number>();
  for (const r of rows) {
    const employeeId = str(r, "employee_id");
    const kpiId = str(r, "kpi_id");
    if (employeeId === undefined || kpiId === undefined) continue;
    const seen = first.get(employeeId, kpiId);
    if (seen !== undefined) {
      f.at(sheet, r.row, "kpi_id", "actual_duplicate", {
        employee: employeeId,
        kpi: kpiId,
        first: f.cellOf(sheet, seen, "kpi_id"),
      });
      continue;
    }
    first.set(employeeId, kpiId, r.row);
    const actual = num(r, "actual");
    if (actual === undefined) continue;
    actuals.push({
      employeeId,
      kpiId,
      actual,
      dataSource: str(r, "source") as Actual["dataSource"],
      note: str(r, "note"),
      source: { sheet: sheet.name, row: r.row },
    });
  }
  return actuals;
}

/**
 * Blank actual cells are "missing", reported below by employee × KPI, not as blank
 * required cells; so the Actuals sheet is typed with `actual` optional.
 */
function typeActuals(sheet: ReadSheet | undefined, f: Findings): TypedRow[] {
  if (!sheet) return [];
  const optional = {
    ...sheet,
    def: {
      ...sheet.def,
      columns: sheet.def.columns.map((c) => (c.key === "actual" ? { ...c, required: false } : c)),
    },
  };
  return typeRows(optional, f);
}

function buildFeedback(f: Findings, { sheet, rows }: Sheets[string], scale: number): FeedbackRating[] {
  if (!sheet) return [];
  for (const r of rows) {
    const score = num(r, "score");
    if (score !== undefined && (score < 1 || score > scale)) {
      f.at(sheet, r.row, "score", "rating_out_of_range", { score, scale });
      r.failed.add("score");
    }
  }
  return rows
    .filter((r) => complete(sheet, r) && !r.failed.has("score"))
    .map((r) => ({
      rateeId: str(r, "ratee_id")!,
      raterId: str(r, "rater_id")!,
      relationship: str(r, "relationship") as Relationship,
      score: num(r, "score")!,
      competency: str(r, "competency"),
      comment: str(r, "comment"),
      source: { sheet: sheet.name, row: r.row },
    }));
}

function buildSurvey(f: Findings, { sheet, rows }: Sheets[string]): SurveyAnswer[] {
  if (!sheet) return [];
  for (const r of rows) checkLimit(f, sheet, r, "score", { min: 1, max: 5 });
  return rows
    .filter((r) => complete(sheet, r) && !r.failed.has("score"))
    .map((r) => ({
      question: str(r, "question")!,
      score: num(r, "score")!,
      period: str(r, "period") as SurveyAnswer["period"],
      department: str(r, "department"),
      source: { sheet: sheet.name, row: r.row },
    }));
}

function buildEfficiency({ sheet, rows }: Sheets[string]): EfficiencyRow[] {
  return rows
    .filter((r) => complete(sheet, r))
    .map((r) => ({
      employeeId: str(r, "employee_id")!,
      metric: str(r, "metric")!,
      before: num(r, "before")!,
      after: num(r, "after")!,
      source: { sheet: sheet!.name, row: r.row },
    }));
}

/** A reference to another sheet's id: unknown ids are errors (checked only when that sheet is usable). */
function checkReferences(
  f: Findings,
  { sheet, rows }: Sheets[string],
  column: string,
  known: Set<string> | undefined,
  of: InputSheetKey,
  skip: (row: TypedRow) => boolean = () => false,
): void {
  if (!sheet || !known) return;
  for (const r of rows) {
    const id = str(r, column);
    if (id !== undefined && !known.has(id) && !skip(r)) f.at(sheet, r.row, column, "id_unknown", { id, of });
  }
}

/** The Actuals cell a missing actual points at: its blank cell, else the first free row. */
function missingActualCells(f: Findings, sheet: ReadSheet, rows: TypedRow[]) {
  // The first row of each employee × KPI, and the last row, found once for all missing actuals.
  const firstRow = new PairMap<TypedRow>();
  let lastRow = sheet.headerRow ?? 0;
  for (const r of rows) {
    if (r.row > lastRow) lastRow = r.row;
    const employeeId = str(r, "employee_id");
    const kpiId = str(r, "kpi_id");
    if (employeeId === undefined || kpiId === undefined) continue;
    if (!firstRow.has(employeeId, kpiId)) firstRow.set(employeeId, kpiId, r);
  }
  return (employeeId: string, kpiId: string): string => {
    const row = firstRow.get(employeeId, kpiId);
    if (row) return f.cellOf(sheet, row.row, "actual");
    return f.cellOf(sheet, lastRow + 1, "employee_id");
  };
}

/**
 * Validates a raw workbook and builds the model. `lang` sets the messages' language.
 *
 * @example validateWorkbook(raw, { lang: "en-US", today: "2025-01-31" }).problems
 *   // [{ sheet: "KPIs", cell: "I4", code: "negative_target", message: "The target must not be negative (-5).", … }]
 */
export function validateWorkbook(raw: RawWorkbook, opts: ValidateOptions): ValidationResult {
  const read = readWorkbook(raw);
  const f = new Findings(opts.lang, read);

  for (const def of read.missingSheets) {
    f.add(sheetName(def, opts.lang), "A1", "sheet_missing", { sheet: sheetName(def, opts.lang) });
  }
  for (const sheet of Object.values(read.sheets)) {
    for (const column of sheet.missingColumns) {
      const cell = sheet.headerRow === undefined ? "A1" : cellAddress(sheet.headerRow, sheet.nextFreeColumn);
      f.add(sheet.name, cell, "column_missing", { column: f.header(column), sheet: sheet.name });
    }
  }

  const { settings } = readSettings(f, read.sheets.settings, opts.today);
  const sheets: Sheets = {};
  for (const def of INPUT_SHEETS) {
    if (def.key === "settings") continue;
    const sheet = read.sheets[def.key];
    sheets[def.key] = { sheet, rows: def.key === "actuals" ? typeActuals(sheet, f) : typeRows(sheet, f) };
  }

  const ids = {
    strategy: knownIds(sheets.strategy.rows, "goal_id"),
    kpis: knownIds(sheets.kpis.rows, "kpi_id"),
    positions: knownIds(sheets.positions.rows, "position_id"),
    employees: knownIds(sheets.employees.rows, "employee_id"),
  };
  checkDuplicates(f, sheets.strategy.sheet, sheets.strategy.rows, "goal_id");
  checkDuplicates(f, sheets.kpis.sheet, sheets.kpis.rows, "kpi_id");
  checkDuplicates(f, sheets.positions.sheet, sheets.positions.rows, "position_id");
  checkDuplicates(f, sheets.employees.sheet, sheets.employees.rows, "employee_id");
  checkDuplicates(f, sheets.tasks.sheet, sheets.tasks.rows, "task_id");

  const decomposition = buildDecomposition(f, sheets.decomposition);
  const sharedKpis = new Set(decomposition.filter((d) => d.share !== undefined).map((d) => d.kpiId));
  const kpis = buildKpis(sheets.kpis, sharedKpis);
  checkCurves(f, sheets.kpis.sheet, kpis);
  const employees = buildEmployees(f, sheets.employees);
  const model: Model = {
    settings,
    goals: buildGoals(sheets.strategy),
    kpis,
    positions: buildPositions(sheets.positions),
    employees,
    decomposition,
    tasks: buildTasks(f, sheets.tasks),
    actuals: buildActuals(f, sheets.actuals),
    feedback: buildFeedback(f, sheets.feedback, settings.ratingScale >= 1 ? settings.ratingScale : 5),
    survey: buildSurvey(f, sheets.survey),
    efficiency: buildEfficiency(sheets.efficiency),
  };

  const known = (key: keyof typeof ids) => (usable(read, key) ? ids[key] : undefined);
  checkReferences(f, sheets.employees, "position_id", known("positions"), "positions");
  checkReferences(f, sheets.employees, "manager_id", known("employees"), "employees");
  checkReferences(f, sheets.tasks, "kpi_id", known("kpis"), "kpis");
  checkReferences(f, sheets.tasks, "assignee", known("employees"), "employees");
  checkReferences(f, sheets.actuals, "employee_id", known("employees"), "employees");
  checkReferences(f, sheets.actuals, "kpi_id", known("kpis"), "kpis");
  checkReferences(f, sheets.feedback, "ratee_id", known("employees"), "employees");
  // Customers rate from outside the company: their ids are not on the Employees sheet.
  checkReferences(f, sheets.feedback, "rater_id", known("employees"), "employees", (r) => {
    return str(r, "relationship") === "customer";
  });
  checkReferences(f, sheets.efficiency, "employee_id", known("employees"), "employees");

  const goals = cascade(f, read, sheets, model, ids);
  if (goals && usable(read, "actuals")) {
    // Only on an otherwise clean workbook: a bad goal row would make every actual look stray.
    if (!f.hasErrors()) checkUnassignedActuals(f, sheets.actuals, model, goals);
    if (settings.missingActual === "error") checkMissingActuals(f, sheets.actuals, model, goals);
  }
  return { model: f.hasErrors() ? undefined : model, problems: f.problems, goals };
}

/**
 * Locates problems that core rules found in a model read from `raw` (e.g. the evaluation's
 * warnings): `at` and `column` become a cell, `code` and `params` a message in `lang`. An
 * issue without a row points at A1 of the Settings sheet, where the cycle's rules live.
 */
export function locateIssues(raw: RawWorkbook, issues: readonly ModelIssue[], lang: Lang): Problem[] {
  if (issues.length === 0) return [];
  // Locating needs the sheets' names and header columns, not their rows.
  const read = readWorkbook(raw, { rows: false });
  const f = new Findings(lang, read);
  for (const issue of issues) f.locate(issue);
  return f.problems;
}

/**
 * Runs the cascade when its sheets are usable and locates its problems. Problems that only
 * echo a row already reported (an id whose row is bad, totals missing a bad row) are dropped.
 */
function cascade(
  f: Findings,
  read: ReadWorkbook,
  sheets: Sheets,
  model: Model,
  ids: Record<"strategy" | "kpis" | "positions" | "employees", Set<string>>,
): GoalRow[] | undefined {
  const needed: InputSheetKey[] = ["kpis", "positions", "employees", "decomposition"];
  if (!needed.every((key) => usable(read, key))) return undefined;
  const { rows, problems } = cascadeGoals(model);
  // Decomposition rows left out of the model, or pointing at a KPI or position whose row was.
  const inModel = {
    kpis: new Set(model.kpis.map((k) => k.id)),
    positions: new Set(model.positions.map((p) => p.id)),
  };
  const badDecomposition = sheets.decomposition.rows.filter((r) => {
    const kpi = str(r, "kpi_id");
    const position = str(r, "position_id");
    const dropped = (id: string | undefined, known: Set<string>, kept: Set<string>) =>
      id !== undefined && known.has(id) && !kept.has(id);
    return (
      !complete(sheets.decomposition.sheet, r) ||
      r.failed.size > 0 ||
      dropped(kpi, ids.kpis, inModel.kpis) ||
      dropped(position, ids.positions, inModel.positions)
    );
  });
  const touchedKpis = new Set(badDecomposition.map((r) => str(r, "kpi_id")));
  const touchedPositions = new Set(badDecomposition.map((r) => str(r, "position_id")));
  const echoes = (issue: ModelIssue) => {
    const of = issue.params.of as keyof typeof ids | undefined;
    if (issue.code === "id_unknown" && of && of in ids) {
      if (ids[of].has(String(issue.params.id))) return true;
      if (of === "strategy" && !usable(read, "strategy")) return true;
    }
    if (issue.code === "kpi_share_total" || issue.code === "kpi_not_cascaded") {
      return touchedKpis.has(String(issue.params.kpi));
    }
    if (issue.code === "position_weight_total" || issue.code === "position_without_kpis") {
      return touchedPositions.has(String(issue.params.position));
    }
    return false;
  };
  for (const issue of problems) if (!echoes(issue)) f.locate(issue);
  return rows;
}

/** An actual for a KPI the employee does not carry is probably a typo: it would not count. */
function checkUnassignedActuals(
  f: Findings,
  actualsSheet: Sheets[string],
  model: Model,
  goals: GoalRow[],
): void {
  const sheet = actualsSheet.sheet!;
  const carried = new PairMap<true>();
  for (const g of goals) carried.set(g.employeeId, g.kpiId, true);
  const employees = new Set(model.employees.map((e) => e.id));
  const kpis = new Set(model.kpis.map((k) => k.id));
  for (const a of model.actuals) {
    // Unknown ids were reported as such.
    if (!employees.has(a.employeeId) || !kpis.has(a.kpiId)) continue;
    if (carried.has(a.employeeId, a.kpiId)) continue;
    f.at(
      sheet,
      a.source.row,
      "kpi_id",
      "actual_not_assigned",
      { employee: a.employeeId, kpi: a.kpiId },
      "warning",
    );
  }
}

/** Under missing_actual=error, every employee × KPI of the cascade needs an actual (SPEC §4). */
function checkMissingActuals(
  f: Findings,
  actualsSheet: Sheets[string],
  model: Model,
  goals: GoalRow[],
): void {
  const sheet = actualsSheet.sheet!;
  // A pair whose actual cell is bad was reported there already.
  const present = new PairMap<true>();
  for (const a of model.actuals) present.set(a.employeeId, a.kpiId, true);
  for (const r of actualsSheet.rows) {
    if (r.failed.has("actual")) present.set(String(str(r, "employee_id")), String(str(r, "kpi_id")), true);
  }
  const cellOf = missingActualCells(f, sheet, actualsSheet.rows);
  for (const goal of goals) {
    if (present.has(goal.employeeId, goal.kpiId)) continue;
    const cell = cellOf(goal.employeeId, goal.kpiId);
    f.add(sheet.name, cell, "actual_missing", {
      employee: goal.employeeId,
      name: goal.employeeName,
      kpi: goal.kpiId,
      kpiName: goal.kpiName,
    });
  }
}
