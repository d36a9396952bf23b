/**
 * The input template (`perfsheet init`): a README that walks through the cycle, then every
 * input sheet of SPEC §2 as an Excel table with headers in the chosen language, a note on
 * each header, drop-down lists and number checks, and a Settings sheet listing every key
 * with its default. Given sample data, the same sheets come filled in.
 *
 * Input sheets are not generated (no marker): a run never overwrites them.
 */
import { localWord } from "../core/vocabulary";
import type {
  CellPlan,
  ColumnPlan,
  DataValidationPlan,
  NotePlan,
  PlainValue,
  SheetPlan,
  StyledValue,
  WorkbookPlan,
} from "./plan";
import type { SampleData, SampleRow } from "./sample";
import {
  GENERATED_SHEETS,
  INPUT_SHEETS,
  SETTINGS,
  sheetName,
  type ColumnDef,
  type InputSheetKey,
  type Lang,
  type SettingDef,
  type SheetDef,
} from "./schema";
import type { StyleName } from "./styles";

type Bilingual = readonly [en: string, zh: string];

/** Input rows the lists and checks reach beyond the last data row, for rows users add. */
const SPARE_ROWS = 500;

/** Tab colour per stage of the cycle (SPEC §1), so the sheets of one stage look alike. */
const STAGE_TAB: Record<InputSheetKey, string> = {
  settings: "7F7F7F",
  strategy: "1F4E79",
  kpis: "1F4E79",
  positions: "1F4E79",
  employees: "1F4E79",
  decomposition: "1F4E79",
  tasks: "548235",
  actuals: "BF8F00",
  feedback: "BF8F00",
  survey: "7030A0",
  efficiency: "7030A0",
};

/** What each column means and how to fill it, by `sheet.column`. */
const COLUMN_HELP: Record<string, Bilingual> = {
  "strategy.goal_id": ["Short unique id of the strategy goal, e.g. G1.", "战略目标的唯一编号，如 G1。"],
  "strategy.goal": ["The goal in one sentence, ideally measurable.", "用一句话描述目标，最好可衡量。"],
  "strategy.owner": ["Who answers for the goal (name or employee id).", "目标负责人（姓名或员工编号）。"],
  "kpis.kpi_id": ["Short unique id of the department KPI, e.g. K01.", "部门指标的唯一编号，如 K01。"],
  "kpis.name": ["What is measured, e.g. Complaint rate.", "指标名称，如“客诉率”。"],
  "kpis.goal_id": [
    "The strategy goal this KPI serves (goal_id on the Strategy sheet). Blank gives a warning.",
    "该指标支撑的战略目标编号（见“战略目标”表）。留空会给出警告。",
  ],
  "kpis.unit": ["Unit shown next to values, e.g. %, users, minutes.", "数值的单位，如 %、人、分钟。"],
  "kpis.direction": [
    "higher = more is better (default); lower = less is better (complaints, response time); binary = met or not (1/0).",
    "正向 = 越大越好（默认）；反向 = 越小越好（如客诉率、响应时长）；是否 = 达成为 1，未达成为 0。",
  ],
  "kpis.aggregation": [
    "sum = the department target is split among positions by share (e.g. sales); average = everyone carries the same target (e.g. a satisfaction rate).",
    "求和 = 部门目标按分解比例分到各岗位（如销售额）；平均 = 每人承担相同目标（如满意度）。",
  ],
  "kpis.baseline": ["Last cycle's result, for reference only.", "上期实际值，仅供参考。"],
  "kpis.threshold": [
    "Lowest acceptable result: it scores threshold_score (60); below it scores 0. For lower-is-better KPIs it lies above the target.",
    "最低可接受值，得门槛得分（60 分），低于此值得 0 分。反向指标的门槛值大于目标值。",
  ],
  "kpis.target": ["The result that scores 100.", "达到即得 100 分的目标值。"],
  "kpis.stretch": [
    "Outstanding result: it scores max_score (120). For lower-is-better KPIs it lies below the target.",
    "挑战值，得最高分（120 分）。反向指标的挑战值小于目标值。",
  ],
  "kpis.source": [
    "Where the actuals come from: business, finance or customer data.",
    "实际值的来源：业务、财务或客户数据。",
  ],
  "positions.position_id": ["Short unique id of the position, e.g. P03.", "岗位的唯一编号，如 P03。"],
  "positions.title": ["Job title.", "岗位名称。"],
  "positions.department": [
    "Team or department; grades are compared within it in forced distribution.",
    "所属部门或团队；强制分布时在部门内排名。",
  ],
  "positions.responsibilities": [
    "Main responsibilities, shown on review forms.",
    "主要职责，显示在考核表上。",
  ],
  "employees.employee_id": ["Unique employee id, e.g. E001.", "员工的唯一编号，如 E001。"],
  "employees.name": ["Full name.", "姓名。"],
  "employees.position_id": ["The employee's position (Positions sheet).", "员工所在岗位编号（见“岗位”表）。"],
  "employees.manager_id": [
    "employee_id of the direct manager; blank for the head of the department.",
    "直接上级的员工编号；部门负责人留空。",
  ],
  "employees.bonus_base": [
    "Bonus at coefficient 1.0, in the currency of Settings.",
    "绩效系数为 1.0 时的奖金，币种见“设置”。",
  ],
  "employees.fte": [
    "Share of full time (1 = full time, 0.5 = half time). Sum KPIs are split by it. Default 1.",
    "全职系数（1 = 全职，0.5 = 半职），求和类指标按此分配。默认 1。",
  ],
  "employees.capacity_hours": [
    "Hours available for tasks this cycle. Blank = daily_hours × fte × working days.",
    "本周期可用于任务的工时。留空 = 每日工时 × 全职系数 × 工作日数。",
  ],
  "employees.skills": [
    "Skills with an optional level 1–5, e.g. Copywriting:4, SQL:2. Without a level a skill counts as 3.",
    "技能及等级（1–5），如“文案写作:4, SQL:2”。未写等级按 3 级计。",
  ],
  "employees.prev_score": [
    "Final score of the previous cycle (for Most improved).",
    "上期总分（用于评选进步之星）。",
  ],
  "decomposition.kpi_id": ["The department KPI (KPIs sheet).", "部门指标编号（见“部门KPI”表）。"],
  "decomposition.position_id": [
    "The position that carries it (Positions sheet).",
    "承接该指标的岗位编号（见“岗位”表）。",
  ],
  "decomposition.share": [
    "Sum KPIs only: the part of the department target this position carries. The shares of one KPI total 100%.",
    "仅求和类指标：该岗位承担部门目标的比例。同一指标各岗位比例合计 100%。",
  ],
  "decomposition.weight": [
    "Weight of this KPI on the position's scorecard. The weights of one position total 100%.",
    "该指标在岗位考核中的权重。同一岗位的权重合计 100%。",
  ],
  "tasks.task_id": ["Unique task id, e.g. T01.", "任务的唯一编号，如 T01。"],
  "tasks.name": ["What has to be done.", "任务内容。"],
  "tasks.source": [
    "Where the task comes from: strategy, kpi, adhoc or cross-dept.",
    "任务来源：战略、指标、临时或跨部门。",
  ],
  "tasks.kpi_id": ["The KPI the task moves, if any.", "任务关联的指标编号（可空）。"],
  "tasks.importance": [
    "1 (low) to 5 (high). From important_min (4) a task is important.",
    "1（低）到 5（高）。达到重要性阈值（4）即为重要。",
  ],
  "tasks.urgency": [
    "1 (low) to 5 (high). From urgent_min (4) a task is urgent.",
    "1（低）到 5（高）。达到紧急性阈值（4）即为紧急。",
  ],
  "tasks.effort_hours": ["Estimated hours of work, before the buffer.", "预计工时（不含缓冲）。"],
  "tasks.skill": [
    "Skill the assignee needs (as written on Employees).",
    "所需技能（与“员工”表的写法一致）。",
  ],
  "tasks.skill_level": ["Lowest skill level accepted, 1–5.", "要求的最低技能等级，1–5。"],
  "tasks.department": ["Only people of this department may take the task.", "仅限该部门的人员承担。"],
  "tasks.due": [
    "Due date; the plan flags tasks that would end later.",
    "截止日期；计划结束晚于此日期的任务会标为有风险。",
  ],
  "tasks.earliest_start": ["The task cannot start before this date.", "任务不能早于此日期开始。"],
  "tasks.project": ["Project name; tasks of one project are grouped.", "所属项目，同一项目的任务汇总显示。"],
  "tasks.assignee": [
    "employee_id if the task is already assigned; it is kept and counts towards their load. Blank = PerfSheet assigns it.",
    "已指定负责人时填写员工编号，将保留并计入其工作量。留空由 PerfSheet 分配。",
  ],
  "tasks.status": [
    "Free text, e.g. Not started, In progress, Done.",
    "自由填写，如 未开始、进行中、已完成。",
  ],
  "tasks.progress": ["Share done, 0–100%.", "完成比例，0–100%。"],
  "actuals.employee_id": ["Whose result it is.", "员工编号。"],
  "actuals.kpi_id": ["Which KPI (one of the employee's position).", "指标编号（应属于该员工岗位的指标）。"],
  "actuals.actual": [
    "The result reached, in the KPI's unit. Binary KPIs: 1 = met, 0 = not met.",
    "实际完成值，单位同指标。是否类指标：1 = 达成，0 = 未达成。",
  ],
  "actuals.source": ["Where the figure comes from.", "数据来源。"],
  "actuals.note": ["Any remark, e.g. how the figure was obtained.", "备注，如数据口径说明。"],
  "feedback.ratee_id": ["The person being rated.", "被评价人的员工编号。"],
  "feedback.rater_id": [
    "The person rating (an employee id; customers may use any id). Never shown for peers, subordinates or customers.",
    "评价人编号（员工编号；客户可用任意编号）。同事、下级和客户的评价人不会显示。",
  ],
  "feedback.relationship": [
    "What the rater is to the ratee: self, manager, peer, subordinate or customer.",
    "评价人与被评人的关系：本人、上级、同事、下级或客户。",
  ],
  "feedback.score": ["Rating from 1 to rating_scale (5).", "评分，1 到评分量表上限（5）。"],
  "feedback.competency": ["What was rated, e.g. Collaboration.", "评价的能力项，如“协作沟通”。"],
  "feedback.comment": [
    "Written feedback, shown without the rater's name.",
    "文字评价，显示时不带评价人姓名。",
  ],
  "survey.question": ["The survey question; answers are compared per question.", "调查题目，按题目对比。"],
  "survey.score": ["Answer from 1 (disagree) to 5 (agree).", "评分，1（不同意）到 5（同意）。"],
  "survey.period": ["before or after the new incentives.", "激励前或激励后。"],
  "survey.department": ["Respondent's department (optional).", "答卷人所在部门（可空）。"],
  "efficiency.employee_id": ["Whose efficiency.", "员工编号。"],
  "efficiency.metric": ["What is measured, e.g. Tickets resolved per day.", "效率指标，如“日均处理工单数”。"],
  "efficiency.before": ["Value before the new incentives.", "激励前的数值。"],
  "efficiency.after": ["Value after the new incentives.", "激励后的数值。"],
};

/**
 * Columns holding sentences or lists get more room. They are not wrapped, so every row of an
 * input sheet stays one line high and lines up.
 */
const LONG_TEXT = new Set([
  "employees.skills",
  "strategy.goal",
  "kpis.name",
  "positions.responsibilities",
  "tasks.name",
  "feedback.comment",
  "survey.question",
]);

/** Whole-number columns on a 1–5 scale (feedback scores go up to rating_scale instead). */
const ONE_TO_FIVE = new Set(["tasks.importance", "tasks.urgency", "tasks.skill_level", "survey.score"]);

// ---------------------------------------------------------------------------------------------

/**
 * The template workbook in `lang`, filled with `data` when given (`--sample`).
 *
 * @example templatePlan("zh-CN").sheets.map((s) => s.name) // ["说明", "设置", "战略目标", …]
 */
export function templatePlan(lang: Lang, data?: SampleData): WorkbookPlan {
  const ratingScale = Number(data?.settings.rating_scale ?? defaultOf("rating_scale")) || 5;
  return {
    lang,
    sheets: [
      readmeSheet(lang),
      settingsSheet(lang, data?.settings ?? {}),
      ...INPUT_SHEETS.filter((def) => def.key !== "settings").map((def) =>
        inputSheet(def, lang, data?.rows[def.key as Exclude<InputSheetKey, "settings">] ?? [], ratingScale),
      ),
    ],
  };
}

/** Name of the README sheet in `lang`. */
export function readmeSheetName(lang: Lang): string {
  return lang === "zh-CN" ? "说明" : "README";
}

// ---------------------------------------------------------------------------------------------
// Display widths

/** Columns a text takes in Excel's width unit: CJK and full-width characters count double. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

function widthOfValue(value: PlainValue): number {
  if (value === null) return 0;
  if (typeof value === "object") return 10; // yyyy-mm-dd
  if (typeof value === "number") return String(Math.round(value * 100) / 100).length + 1;
  return displayWidth(String(value));
}

/** Lines a text wraps into at `width`, for row heights: Excel does not grow rows by itself. */
function linesAt(text: string, width: number): number {
  const lineCount = (line: string) => Math.max(1, Math.ceil(displayWidth(line) / Math.max(width, 1)));
  return text.split("\n").reduce((n, line) => n + lineCount(line), 0);
}

const LINE_HEIGHT = 15;

// ---------------------------------------------------------------------------------------------
// Input sheets

function words(lang: Lang, b: Bilingual): string {
  return lang === "zh-CN" ? b[1] : b[0];
}

function header(column: ColumnDef, lang: Lang): string {
  return lang === "zh-CN" ? column.zh : column.en;
}

function columnStyle(column: ColumnDef): StyleName | undefined {
  if (column.key === "bonus_base") return "currency";
  switch (column.kind) {
    case "percent":
      return "percent";
    case "date":
      return "date";
    case "integer":
      return "integer";
    case "id":
      return "id";
    default:
      return undefined;
  }
}

/** The cell a sample value becomes: enumerations in the workbook's words. */
function cellOf(column: ColumnDef, value: PlainValue | undefined, lang: Lang): CellPlan {
  if (value === undefined || value === null) return null;
  if (column.kind === "enum" && typeof value === "string") return localWord(value, lang);
  return value;
}

function noteText(sheet: InputSheetKey, column: ColumnDef, lang: Lang): string {
  const help = COLUMN_HELP[`${sheet}.${column.key}`];
  const text = help ? words(lang, help) : "";
  const other = lang === "zh-CN" ? column.en : column.zh;
  const mark = column.required
    ? words(lang, ["Required. ", "必填。"])
    : words(lang, ["Optional. ", "选填。"]);
  return `${mark}${text}\n(${words(lang, ["Also read as", "也可写作"])}: ${other})`;
}

function validationFor(
  sheet: InputSheetKey,
  column: ColumnDef,
  ref: string,
  lang: Lang,
  ratingScale: number,
): DataValidationPlan | undefined {
  const id = `${sheet}.${column.key}`;
  if (column.kind === "enum" && column.values) {
    return { ref, type: "list", values: column.values.map((v) => localWord(v, lang)) };
  }
  if (ONE_TO_FIVE.has(id)) return { ref, type: "whole", min: 1, max: 5 };
  if (id === "feedback.score") return { ref, type: "whole", min: 1, max: ratingScale };
  if (column.kind === "percent") return { ref, type: "decimal", min: 0, max: 100 };
  if (column.kind === "date") return { ref, type: "date" };
  if (id === "employees.fte") return { ref, type: "decimal", min: 0, max: 1 };
  return undefined;
}

function inputSheet(def: SheetDef, lang: Lang, data: SampleRow[], ratingScale: number): SheetPlan {
  const key = def.key;
  const columns = def.columns;
  const headers = columns.map((c) => header(c, lang));
  // A table needs a data row: an empty template gets one blank row to type into.
  const rows: CellPlan[][] =
    data.length > 0
      ? data.map((row) => columns.map((c) => cellOf(c, row[c.key], lang)))
      : [columns.map(() => null)];
  const lastRow = rows.length + 1;
  const lastCol = columnLetter(columns.length);
  const validationEnd = lastRow + SPARE_ROWS;

  const widths: ColumnPlan[] = columns.map((c, j) => {
    const long = LONG_TEXT.has(`${key}.${c.key}`);
    const content = Math.max(...rows.map((r) => widthOfValue(r[j] as PlainValue)), 0);
    // Room for the header text and the table's filter button.
    const wanted = Math.max(displayWidth(headers[j]) + 4, content + 2, 8);
    return { width: Math.min(wanted, long ? 60 : 30) };
  });

  const dataValidations = columns
    .map((c, j) => {
      const letter = columnLetter(j + 1);
      return validationFor(key, c, `${letter}2:${letter}${validationEnd}`, lang, ratingScale);
    })
    .filter((v): v is DataValidationPlan => v !== undefined);

  const notes: NotePlan[] = columns.map((c, j) => ({
    cell: `${columnLetter(j + 1)}1`,
    text: noteText(key, c, lang),
  }));

  const headerRow: CellPlan[] = columns.map((c, j) => ({
    value: headers[j],
    style: c.required ? "header" : "headerOptional",
  }));

  return {
    name: sheetName(def, lang),
    kind: `template:${key}`,
    generated: false,
    blocks: [{ at: "A1", rows: [headerRow, ...rows], columnStyles: columns.map((c) => columnStyle(c)) }],
    columns: widths,
    rowHeights: { 1: 30 },
    freeze: { rows: 1, cols: 0 },
    tables: [
      {
        name: tableName(key),
        ref: `A1:${lastCol}${lastRow}`,
        style: "TableStyleLight9",
        showRowStripes: true,
      },
    ],
    dataValidations,
    notes,
    print: { orientation: "landscape", fitToWidth: true, titleRows: "1:1" },
    tabColor: STAGE_TAB[key],
  };
}

/** `kpis` -> `tblKpis`: a valid table name that cannot be mistaken for a cell address. */
function tableName(key: InputSheetKey): string {
  return "tbl" + key.charAt(0).toUpperCase() + key.slice(1);
}

function columnLetter(col: number): string {
  let n = col;
  let letters = "";
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

// ---------------------------------------------------------------------------------------------
// Settings

function defaultOf(key: string): string {
  return SETTINGS.find((s) => s.key === key)?.default ?? "";
}

/**
 * A setting's value as the cell it is typed into: `70%` becomes 0.7 shown as a percent, `120`
 * a number, enumerations the workbook's word; tables stay text.
 */
function settingCell(def: SettingDef, value: PlainValue | undefined, lang: Lang): StyledValue {
  const raw = value === undefined ? def.default : value;
  const style: StyleName | undefined =
    def.kind === "percent"
      ? "percent"
      : def.kind === "date"
        ? "date"
        : def.key === "bonus_pool"
          ? "currency"
          : undefined;
  const cell = (v: PlainValue): StyledValue => ({ value: v, style, input: true });
  if (raw === null || raw === "") return cell(null);
  if (typeof raw !== "string") return cell(raw);
  switch (def.kind) {
    case "percent": {
      const m = /^(-?\d+(?:\.\d+)?)%$/.exec(raw);
      return cell(m ? Number(m[1]) / 100 : raw);
    }
    case "number":
    case "integer":
      return cell(Number.isFinite(Number(raw)) ? Number(raw) : raw);
    case "enum":
      return cell(localWord(raw, lang));
    default:
      return cell(raw);
  }
}

function settingHelp(def: SettingDef, lang: Lang): string {
  const zh = lang === "zh-CN";
  const parts = [def.help[zh ? "zh" : "en"]];
  if (def.default !== "") {
    const shown = def.kind === "enum" ? localWord(def.default, lang) : def.default;
    parts.push(zh ? `默认：${shown}` : `Default: ${shown}`);
  }
  if (def.values) {
    const list = def.values.map((v) => localWord(v, lang)).join(" | ");
    parts.push(zh ? `可选：${list}` : `One of: ${list}`);
  }
  if (def.kind === "date") parts.push(zh ? "日期，如 2026-07-01" : "A date, e.g. 2026-07-01");
  // Each part becomes a sentence.
  return parts.map((p) => (/[。.)）]$/.test(p) ? p : p + (zh ? "。" : "."))).join(zh ? "" : " ");
}

function settingsSheet(lang: Lang, values: Record<string, PlainValue>): SheetPlan {
  const def = INPUT_SHEETS.find((s) => s.key === "settings")!;
  const helpHeader = words(lang, ["help", "说明"]);
  const headerRow: CellPlan[] = [
    { value: header(def.columns[0], lang), style: "header" },
    { value: header(def.columns[1], lang), style: "header" },
    { value: helpHeader, style: "headerOptional" },
  ];
  const rows: CellPlan[][] = SETTINGS.map((s) => [
    { value: lang === "zh-CN" ? s.zh : s.key, style: "label" },
    settingCell(s, values[s.key], lang),
    settingHelp(s, lang),
  ]);
  const valueWidth = Math.min(
    Math.max(16, ...rows.map((r) => widthOfValue((r[1] as StyledValue).value as PlainValue) + 2)),
    56,
  );
  const helpWidth = 70;
  const rowHeights: Record<number, number> = { 1: 24 };
  rows.forEach((r, i) => {
    const lines = linesAt(String(r[2]), helpWidth);
    if (lines > 1) rowHeights[i + 2] = lines * LINE_HEIGHT;
  });

  const dataValidations: DataValidationPlan[] = [];
  SETTINGS.forEach((s, i) => {
    const ref = `B${i + 2}`;
    if (s.kind === "enum" && s.values) {
      dataValidations.push({ ref, type: "list", values: s.values.map((v) => localWord(v, lang)) });
    } else if (s.kind === "date") dataValidations.push({ ref, type: "date" });
    else if (s.kind === "percent") dataValidations.push({ ref, type: "decimal", min: 0, max: 100 });
    else if (s.kind === "integer") dataValidations.push({ ref, type: "whole", min: 0, max: 100000 });
  });

  const keyNote = words(lang, [
    "Required. The setting's key. Keys not listed keep their defaults; unknown keys are reported as a warning.",
    "必填。参数名称，可写中文名称或英文键（如 kpi_weight）。未列出的参数取默认值；无法识别的参数会给出警告。",
  ]);
  const valueNote = words(lang, [
    "The value. Percentages may be typed as 0.7, 70% or 70. Blank = the default.",
    "参数值。百分比可写 0.7、70% 或 70。留空 = 默认值。",
  ]);
  return {
    name: sheetName(def, lang),
    kind: "template:settings",
    generated: false,
    blocks: [{ at: "A1", rows: [headerRow, ...rows], columnStyles: [undefined, undefined, "note"] }],
    columns: [{ width: lang === "zh-CN" ? 20 : 22 }, { width: valueWidth }, { width: helpWidth }],
    rowHeights,
    freeze: { rows: 1, cols: 1 },
    tables: [
      {
        name: tableName("settings"),
        ref: `A1:C${rows.length + 1}`,
        style: "TableStyleLight9",
        showRowStripes: true,
      },
    ],
    dataValidations,
    notes: [
      { cell: "A1", text: keyNote },
      { cell: "B1", text: valueNote },
    ],
    print: { orientation: "landscape", fitToWidth: true, titleRows: "1:1" },
    tabColor: STAGE_TAB.settings,
  };
}

// ---------------------------------------------------------------------------------------------
// README

const STAGES: readonly {
  name: Bilingual;
  what: Bilingual;
  sheets: InputSheetKey[];
  produces: (keyof typeof GENERATED_SHEETS)[];
}[] = [
  {
    name: ["1 Goals", "1 目标分解"],
    what: [
      "Break the strategy down: strategy goals → department KPIs → positions → people. A sum KPI's target is split among positions by share and among people by fte; every position's KPI weights total 100%.",
      "把战略层层分解：战略目标 → 部门KPI → 岗位 → 个人。求和类指标的目标按分解比例分到岗位，再按全职系数分到个人；每个岗位的指标权重合计 100%。",
    ],
    sheets: ["strategy", "kpis", "positions", "employees", "decomposition"],
    produces: ["goals"],
  },
  {
    name: ["2 Tasks", "2 任务分配"],
    what: [
      "List the work with its source, importance and urgency (1–5), effort and skill. Tasks are sorted into the four quadrants, given to the least-loaded qualified person (pre-assigned ones are kept) and scheduled on working days with a time buffer.",
      "列出工作任务及其来源、重要性和紧急性（1–5）、工时和所需技能。系统按四象限排序，分配给负荷最低且具备技能的人（已指定负责人的保留），并按工作日排期、预留缓冲时间。",
    ],
    sheets: ["tasks"],
    produces: ["plan", "workload"],
  },
  {
    name: ["3 Data", "3 数据收集"],
    what: [
      "Collect each person's actual result per KPI (business, finance and customer data) and the 360° ratings from manager, peers, subordinates, customers and self.",
      "收集每个人每项指标的实际值（业务、财务、客户数据），以及来自上级、同事、下级、客户和本人的 360° 评价。",
    ],
    sheets: ["actuals", "feedback"],
    produces: ["monitor"],
  },
  {
    name: ["4 Evaluate", "4 考核评估"],
    what: [
      "KPI scores on the threshold / target / stretch curve (60 / 100 / 120), a 360° score, the final score (70% KPI + 30% 360° by default) and grades by score lines or forced distribution.",
      "按门槛值 / 目标值 / 挑战值（60 / 100 / 120 分）计算指标得分，加上 360° 得分得出总分（默认 KPI 70% + 360° 30%），再按分数线或强制分布评定等级。",
    ],
    sheets: ["settings"],
    produces: ["scorecard", "kpiDetail", "review", "improvements"],
  },
  {
    name: ["5 Incentives", "5 激励兑现"],
    what: [
      "Bonus = bonus base × the grade's coefficient, shared out of the bonus pool when one is set; honours such as Star performer, Department best and Most improved.",
      "奖金 = 奖金基数 × 等级系数，设置了奖金池时按比例分配奖金池；同时评选绩效之星、部门标兵、进步之星等荣誉。",
    ],
    sheets: ["settings"],
    produces: ["incentives"],
  },
  {
    name: ["6 Review", "6 效果评估"],
    what: [
      "Check whether the incentives worked: satisfaction before vs after, efficiency before vs after, and how scores relate to results.",
      "评估激励是否有效：激励前后的满意度、效率对比，以及绩效与结果的关系。",
    ],
    sheets: ["survey", "efficiency"],
    produces: ["analysis", "dashboard"],
  },
];

const SHEET_GUIDE: Record<Exclude<InputSheetKey, never>, Bilingual> = {
  settings: [
    "Name the cycle and give its first and last day and the stage deadlines. Adjust the weights, grade lines, coefficients and bonus pool to your policy; blank values take the default shown in the help column.",
    "填写考核周期名称、起止日期和各阶段截止日期；按公司制度调整权重、等级分数线、绩效系数和奖金池。留空即取“说明”列中的默认值。",
  ],
  strategy: ["One row per strategy goal for the cycle, usually 3 to 5.", "每个战略目标一行，一般 3–5 个。"],
  kpis: [
    "One row per department KPI with its target, and ideally a threshold and a stretch. Choose lower for KPIs where less is better and binary for pass/fail ones.",
    "每个部门指标一行，填写目标值，最好同时填写门槛值和挑战值。越小越好的指标选“反向”，达成与否的指标选“是否”。",
  ],
  positions: ["One row per position, with its department.", "每个岗位一行，注明所属部门。"],
  employees: [
    "One row per person in the review: position, manager, bonus base, fte and skills.",
    "每位参与考核的员工一行：岗位、上级、奖金基数、全职系数和技能。",
  ],
  decomposition: [
    "Which positions carry which KPIs: a share of the target (sum KPIs) and a weight on the scorecard. Shares per KPI and weights per position must each total 100%.",
    "各岗位承接哪些指标：分解比例（求和类指标）和考核权重。同一指标的分解比例、同一岗位的权重都必须合计 100%。",
  ],
  tasks: [
    "One row per task. Leave the assignee blank to let PerfSheet plan it.",
    "每项任务一行。负责人留空则由 PerfSheet 自动分配。",
  ],
  actuals: [
    "One row per person and KPI of their position, with the result reached.",
    "每人每项指标一行，填写实际完成值。",
  ],
  feedback: [
    "One row per rating. Peers, subordinates and customers stay anonymous; groups smaller than min_raters are not shown on their own.",
    "每条评价一行。同事、下级和客户的评价匿名显示；人数少于最少评价人数的组不单独显示。",
  ],
  survey: [
    "Answers to the satisfaction survey, marked before or after the new incentives.",
    "满意度调查的答卷，注明激励前或激励后。",
  ],
  efficiency: [
    "One row per person and efficiency metric, before and after.",
    "每人每个效率指标一行，填写激励前后的数值。",
  ],
};

const TIPS: readonly Bilingual[] = [
  [
    "Dark-blue headers are required columns, lighter ones optional. Point at a header to read its note.",
    "深蓝色表头为必填列，浅蓝色为选填列。鼠标悬停在表头上可查看说明。",
  ],
  [
    "Sheet names and headers may be in English or Chinese (KPIs or 部门KPI, target or 目标值), and so may list values (higher or 正向). In the Settings sheet the key column takes the Chinese name (e.g. KPI权重) or the English key (kpi_weight).",
    "工作表名和表头可用中文或英文（部门KPI 或 KPIs，目标值 或 target），选项值亦然（正向 或 higher）。“设置”表的参数列可写中文名称（如 KPI权重）或英文键（kpi_weight）。",
  ],
  [
    "Percentages may be typed as 0.4, 40% or 40. Dates as real dates or as text like 2026-07-01. Numbers may carry thousands separators or a currency sign.",
    "百分比可写 0.4、40% 或 40；日期可填日期或 2026-07-01 这样的文本；数字可带千分位或货币符号。",
  ],
  [
    "Check the workbook before running: every problem is listed with its sheet and cell, and nothing is written while errors remain (command line: perfsheet validate FILE).",
    "运行前先校验：所有问题都会标明所在工作表和单元格，有错误时不会写入任何结果（命令行：perfsheet validate 文件名）。",
  ],
  [
    "A run adds the result sheets (Goals, Plan, Scorecard …) and rewrites only those on the next run: your input sheets are never changed. In Improvements, the action, owner, due date and status you type are kept (command line: perfsheet run FILE -o OUT.xlsx).",
    "运行后会生成结果表（目标分解表、任务计划、考核汇总等），再次运行只会重写这些结果表，输入表不会被改动。“改进跟踪”中填写的措施、负责人、期限和状态会保留（命令行：perfsheet run 文件名 -o 输出.xlsx）。",
  ],
  [
    "To hand out review forms, export one file per employee: each holds that person's data only (perfsheet export FILE --per-employee -o DIR).",
    "发放考核表时可按员工导出，每个文件只含本人的数据（perfsheet export 文件名 --per-employee -o 目录）。",
  ],
];

function readmeSheet(lang: Lang): SheetPlan {
  const w = (b: Bilingual) => words(lang, b);
  const inputName = (key: InputSheetKey) =>
    sheetName(
      INPUT_SHEETS.find((s) => s.key === key)!,
      lang,
    );
  const outputName = (key: keyof typeof GENERATED_SHEETS) =>
    sheetName(GENERATED_SHEETS[key], lang) + (key === "review" ? "-<id>" : "");
  const sep = lang === "zh-CN" ? "、" : ", ";
  const widths = [18, 62, 26, 30];

  const rows: CellPlan[][] = [];
  const heights: Record<number, number> = {};
  const merges: string[] = [];
  const fullWidthRow = (text: string, style: StyleName) => {
    rows.push([{ value: text, style }, null, null, null]);
    const row = rows.length;
    merges.push(`A${row}:D${row}`);
    const lines = linesAt(
      text,
      widths.reduce((a, b) => a + b, 0),
    );
    if (lines > 1 || style === "title")
      heights[row] = Math.max(lines * LINE_HEIGHT, style === "title" ? 26 : 0);
  };
  const tableRow = (cells: string[], style: StyleName, thirdWidth = widths[2]) => {
    rows.push(cells.map((value) => ({ value, style })));
    const lines = Math.max(...cells.map((c, j) => linesAt(c, j === 2 ? thirdWidth : widths[j])));
    heights[rows.length] = Math.max(lines, 1) * LINE_HEIGHT + 4;
  };

  fullWidthRow(w(["PerfSheet — performance cycle workbook", "PerfSheet 绩效考核工作簿"]), "title");
  fullWidthRow(
    w([
      "This workbook runs one performance cycle of a department, from goals to the review of incentives. You fill the input sheets; PerfSheet computes every score, grade and bonus and writes the result sheets next to them.",
      "本工作簿用于完成一个部门的一期绩效考核：从目标分解到激励效果评估。您只需填写输入表，PerfSheet 会计算全部得分、等级和奖金，并在旁边生成结果表。",
    ]),
    "note",
  );
  rows.push([]);
  fullWidthRow(w(["The cycle", "考核流程"]), "heading");
  tableRow(
    [
      w(["Stage", "阶段"]),
      w(["What happens", "做什么"]),
      w(["You fill", "需填写"]),
      w(["PerfSheet writes", "系统生成"]),
    ],
    "header",
  );
  for (const stage of STAGES) {
    tableRow(
      [
        w(stage.name),
        w(stage.what),
        stage.sheets.map(inputName).join(sep),
        stage.produces.map(outputName).join(sep),
      ],
      "wrap",
    );
  }
  rows.push([]);
  fullWidthRow(w(["How to fill each sheet", "各表填写说明"]), "heading");
  // The required columns take the room of the last two columns.
  const requiredWidth = widths[2] + widths[3];
  tableRow(
    [w(["Sheet", "工作表"]), w(["How to fill it", "填写方法"]), w(["Required columns", "必填列"]), ""],
    "header",
  );
  merges.push(`C${rows.length}:D${rows.length}`);
  for (const def of INPUT_SHEETS) {
    const required = def.columns.filter((c) => c.required).map((c) => header(c, lang));
    tableRow([inputName(def.key), w(SHEET_GUIDE[def.key]), required.join(sep), ""], "wrap", requiredWidth);
    merges.push(`C${rows.length}:D${rows.length}`);
  }
  rows.push([]);
  fullWidthRow(w(["Good to know", "使用提示"]), "heading");
  for (const tip of TIPS) fullWidthRow("• " + w(tip), "wrap");

  return {
    name: readmeSheetName(lang),
    kind: "template:readme",
    generated: false,
    blocks: [{ at: "A1", rows }],
    columns: widths.map((width) => ({ width })),
    rowHeights: heights,
    merges,
    print: { orientation: "portrait", fitToWidth: true },
    tabColor: "1F4E79",
  };
}
