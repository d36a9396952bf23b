/**
 * The workbook contract (SPEC §1–§2): input sheets, their columns in English and Chinese,
 * and the Settings keys with their defaults. Everything that names a sheet or a header
 * reads it from here.
 */

import {
  AGGREGATIONS,
  DATA_SOURCES,
  DIRECTIONS,
  RELATIONSHIPS,
  SURVEY_PERIODS,
  TASK_SOURCES,
} from "../core/vocabulary";

export type Lang = "en-US" | "zh-CN";

/** How a cell of a column is read (workbook/cells.ts parses each kind). */
export type ColumnKind =
  | "id" // text identifier, trimmed; numbers are read as their text
  | "text"
  | "number" // any number: `1,234.5`, `¥1,200`, full-width digits
  | "percent" // 0.4, `40%` and 40 all mean 40 %
  | "integer"
  | "date" // a date serial or ISO text
  | "enum"; // one of a fixed set of values, English or Chinese

export interface ColumnDef {
  key: string;
  en: string;
  zh: string;
  required: boolean;
  kind: ColumnKind;
  /** For enum columns: the canonical values. */
  values?: readonly string[];
}

export type InputSheetKey =
  | "settings"
  | "strategy"
  | "kpis"
  | "positions"
  | "employees"
  | "decomposition"
  | "tasks"
  | "actuals"
  | "feedback"
  | "survey"
  | "efficiency";

export interface SheetDef {
  key: InputSheetKey;
  en: string;
  zh: string;
  /** A workbook without this sheet is invalid. Optional sheets simply give no rows. */
  required: boolean;
  columns: readonly ColumnDef[];
}

const col = (
  key: string,
  en: string,
  zh: string,
  kind: ColumnKind,
  required = false,
  values?: readonly string[],
): ColumnDef => ({ key, en, zh, kind, required, values });

export const INPUT_SHEETS: readonly SheetDef[] = [
  {
    key: "settings",
    en: "Settings",
    zh: "设置",
    required: true,
    columns: [col("key", "key", "参数", "text", true), col("value", "value", "值", "text")],
  },
  {
    key: "strategy",
    en: "Strategy",
    zh: "战略目标",
    required: true,
    columns: [
      col("goal_id", "goal_id", "目标编号", "id", true),
      col("goal", "goal", "目标", "text", true),
      col("owner", "owner", "负责人", "text"),
    ],
  },
  {
    key: "kpis",
    en: "KPIs",
    zh: "部门KPI",
    required: true,
    columns: [
      col("kpi_id", "kpi_id", "指标编号", "id", true),
      col("name", "name", "指标名称", "text", true),
      col("goal_id", "goal_id", "战略目标编号", "id"),
      col("unit", "unit", "单位", "text"),
      col("direction", "direction", "方向", "enum", false, DIRECTIONS),
      col("aggregation", "aggregation", "汇总方式", "enum", false, AGGREGATIONS),
      col("baseline", "baseline", "基线值", "number"),
      col("threshold", "threshold", "门槛值", "number"),
      col("target", "target", "目标值", "number", true),
      col("stretch", "stretch", "挑战值", "number"),
      col("source", "source", "数据来源", "enum", false, DATA_SOURCES),
    ],
  },
  {
    key: "positions",
    en: "Positions",
    zh: "岗位",
    required: true,
    columns: [
      col("position_id", "position_id", "岗位编号", "id", true),
      col("title", "title", "岗位名称", "text", true),
      col("department", "department", "部门", "text", true),
      col("responsibilities", "responsibilities", "岗位职责", "text"),
    ],
  },
  {
    key: "employees",
    en: "Employees",
    zh: "员工",
    required: true,
    columns: [
      col("employee_id", "employee_id", "员工编号", "id", true),
      col("name", "name", "姓名", "text", true),
      col("position_id", "position_id", "岗位编号", "id", true),
      col("manager_id", "manager_id", "上级编号", "id"),
      col("bonus_base", "bonus_base", "奖金基数", "number"),
      col("fte", "fte", "全职系数", "number"),
      col("capacity_hours", "capacity_hours", "可用工时", "number"),
      col("skills", "skills", "技能", "text"),
      col("prev_score", "prev_score", "上期得分", "number"),
    ],
  },
  {
    key: "decomposition",
    en: "Decomposition",
    zh: "目标分解",
    required: true,
    columns: [
      col("kpi_id", "kpi_id", "指标编号", "id", true),
      col("position_id", "position_id", "岗位编号", "id", true),
      col("share", "share", "分解比例", "percent"),
      col("weight", "weight", "权重", "percent", true),
    ],
  },
  {
    key: "tasks",
    en: "Tasks",
    zh: "任务",
    required: false,
    columns: [
      col("task_id", "task_id", "任务编号", "id", true),
      col("name", "name", "任务名称", "text", true),
      col("source", "source", "任务来源", "enum", false, TASK_SOURCES),
      col("kpi_id", "kpi_id", "关联指标", "id"),
      col("importance", "importance", "重要性", "integer", true),
      col("urgency", "urgency", "紧急性", "integer", true),
      col("effort_hours", "effort_hours", "预计工时", "number", true),
      col("skill", "skill", "所需技能", "text"),
      col("skill_level", "skill_level", "技能等级", "integer"),
      col("department", "department", "部门", "text"),
      col("due", "due", "截止日期", "date"),
      col("earliest_start", "earliest_start", "最早开始", "date"),
      col("project", "project", "项目", "text"),
      col("assignee", "assignee", "负责人", "id"),
      col("status", "status", "状态", "text"),
      col("progress", "progress", "进度", "percent"),
    ],
  },
  {
    key: "actuals",
    en: "Actuals",
    zh: "实际数据",
    required: true,
    columns: [
      col("employee_id", "employee_id", "员工编号", "id", true),
      col("kpi_id", "kpi_id", "指标编号", "id", true),
      col("actual", "actual", "实际值", "number", true),
      col("source", "source", "数据来源", "enum", false, DATA_SOURCES),
      col("note", "note", "备注", "text"),
    ],
  },
  {
    key: "feedback",
    en: "Feedback",
    zh: "360反馈",
    required: false,
    columns: [
      col("ratee_id", "ratee_id", "被评人编号", "id", true),
      col("rater_id", "rater_id", "评价人编号", "id", true),
      col("relationship", "relationship", "关系", "enum", true, RELATIONSHIPS),
      col("score", "score", "评分", "number", true),
      col("competency", "competency", "能力项", "text"),
      col("comment", "comment", "评语", "text"),
    ],
  },
  {
    key: "survey",
    en: "Survey",
    zh: "满意度调查",
    required: false,
    columns: [
      col("question", "question", "题目", "text", true),
      col("score", "score", "评分", "number", true),
      col("period", "period", "阶段", "enum", false, SURVEY_PERIODS),
      col("department", "department", "部门", "text"),
    ],
  },
  {
    key: "efficiency",
    en: "Efficiency",
    zh: "效率对比",
    required: false,
    columns: [
      col("employee_id", "employee_id", "员工编号", "id", true),
      col("metric", "metric", "指标", "text", true),
      col("before", "before", "激励前", "number", true),
      col("after", "after", "激励后", "number", true),
    ],
  },
];

export type SettingKind = "text" | "date" | "percent" | "number" | "integer" | "table" | "enum";

export interface SettingDef {
  key: string;
  zh: string;
  kind: SettingKind;
  /** Default as the user would type it in the Settings sheet; "" = blank. */
  default: string;
  values?: readonly string[];
  help: { en: string; zh: string };
}

const setting = (
  key: string,
  zh: string,
  kind: SettingKind,
  dflt: string,
  en: string,
  zhHelp: string,
  values?: readonly string[],
): SettingDef => ({ key, zh, kind, default: dflt, values, help: { en, zh: zhHelp } });

/** Settings keys of SPEC §2 in template order, with their defaults. */
export const SETTINGS: readonly SettingDef[] = [
  setting("cycle", "考核周期", "text", "", "Name of the cycle", "本期考核的名称"),
  setting("period_start", "周期开始", "date", "", "First day of the cycle", "考核周期第一天"),
  setting("period_end", "周期结束", "date", "", "Last day of the cycle", "考核周期最后一天"),
  setting(
    "as_of",
    "统计日期",
    "date",
    "",
    "Date the progress is measured at (blank = today)",
    "进度统计日期（空 = 今天）",
  ),
  setting("stage_goals_due", "目标设定截止", "date", "", "Deadline: goals set", "目标设定截止日期"),
  setting("stage_data_due", "数据收集截止", "date", "", "Deadline: data collected", "数据收集截止日期"),
  setting("stage_review_due", "考核评估截止", "date", "", "Deadline: reviews done", "考核评估截止日期"),
  setting(
    "stage_feedback_due",
    "反馈面谈截止",
    "date",
    "",
    "Deadline: feedback talks held",
    "反馈面谈截止日期",
  ),
  setting(
    "kpi_weight",
    "KPI权重",
    "percent",
    "70%",
    "Weight of the KPI score in the final score",
    "KPI 得分在总分中的权重",
  ),
  setting(
    "feedback_weight",
    "360权重",
    "percent",
    "30%",
    "Weight of the 360° score in the final score",
    "360° 得分在总分中的权重",
  ),
  setting(
    "threshold_score",
    "门槛得分",
    "number",
    "60",
    "Score at the threshold value",
    "达到门槛值时的得分",
  ),
  setting(
    "max_score",
    "最高得分",
    "number",
    "120",
    "Score at the stretch value (the cap)",
    "达到挑战值时的得分（上限）",
  ),
  setting("rating_scale", "评分量表", "integer", "5", "Highest 360° rating", "360° 评分的最高分"),
  setting(
    "min_raters",
    "最少评价人数",
    "integer",
    "3",
    "Fewest raters for a group to be shown on its own",
    "单独显示一个评价组所需的最少人数",
  ),
  setting(
    "group_weights",
    "评价组权重",
    "table",
    "manager:40,peer:30,subordinate:15,customer:15,self:0",
    "Weight of each rater group",
    "各评价组的权重",
  ),
  setting(
    "grade_mode",
    "评级方式",
    "enum",
    "threshold",
    "threshold or forced distribution",
    "分数线或强制分布",
    ["threshold", "forced"],
  ),
  setting(
    "grades",
    "等级分数线",
    "table",
    "S:90,A:80,B:70,C:60,D:0",
    "Lowest final score of each grade",
    "各等级的最低总分",
  ),
  setting(
    "quotas",
    "强制分布比例",
    "table",
    "S:10,A:20,B:40,C:20,D:10",
    "Share of people per grade (forced mode)",
    "强制分布各等级人数比例",
  ),
  setting(
    "forced_group",
    "强制分布范围",
    "enum",
    "department",
    "Forced distribution per department or over all",
    "按部门或全体强制分布",
    ["department", "all"],
  ),
  setting(
    "forced_min",
    "强制分布最少人数",
    "integer",
    "5",
    "Smaller groups are graded by threshold",
    "人数少于此值的组按分数线评级",
  ),
  setting(
    "coefficients",
    "绩效系数",
    "table",
    "S:1.5,A:1.2,B:1.0,C:0.8,D:0",
    "Bonus coefficient per grade",
    "各等级的奖金系数",
  ),
  setting(
    "bonus_pool",
    "奖金池",
    "number",
    "",
    "Total bonus to share out (blank = no pool)",
    "奖金总额（空 = 不设奖金池）",
  ),
  setting("rounding", "取整单位", "number", "0.01", "Bonuses are whole multiples of this", "奖金取整的单位"),
  setting(
    "missing_actual",
    "缺失实际值处理",
    "enum",
    "error",
    "error, zero or exclude",
    "报错、按零分或不计入",
    ["error", "zero", "exclude"],
  ),
  setting(
    "important_min",
    "重要性阈值",
    "integer",
    "4",
    "Importance from which a task is important",
    "重要性达到此值即为重要",
  ),
  setting(
    "urgent_min",
    "紧急性阈值",
    "integer",
    "4",
    "Urgency from which a task is urgent",
    "紧急性达到此值即为紧急",
  ),
  setting(
    "buffer",
    "缓冲比例",
    "percent",
    "15%",
    "Time buffer added to every task",
    "每项任务增加的时间缓冲",
  ),
  setting("daily_hours", "每日工时", "number", "8", "Working hours per day", "每日工作小时数"),
  setting("currency", "币种", "text", "CNY", "Currency of bonuses", "奖金币种"),
  setting(
    "review_limit",
    "考核表上限",
    "integer",
    "200",
    "Most review forms written into the workbook (beyond: per-employee export)",
    "工作簿内最多生成的考核表数（超出请按员工导出）",
  ),
];

/** Names of the generated sheets (SPEC §1). Review forms append `-<id>`. */
export const GENERATED_SHEETS = {
  goals: { en: "Goals", zh: "目标分解表" },
  plan: { en: "Plan", zh: "任务计划" },
  workload: { en: "Workload", zh: "工作负荷" },
  monitor: { en: "Monitor", zh: "考核进度" },
  scorecard: { en: "Scorecard", zh: "考核汇总" },
  kpiDetail: { en: "KPI Detail", zh: "指标明细" },
  review: { en: "Review", zh: "考核表" },
  improvements: { en: "Improvements", zh: "改进跟踪" },
  incentives: { en: "Incentives", zh: "激励方案" },
  analysis: { en: "Analysis", zh: "激励效果" },
  dashboard: { en: "Dashboard", zh: "仪表盘" },
} as const;

export type GeneratedSheetKey = keyof typeof GENERATED_SHEETS;

export function sheetName(def: { en: string; zh: string }, lang: Lang): string {
  return lang === "zh-CN" ? def.zh : def.en;
}
