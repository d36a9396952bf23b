/**
 * The message catalogue: en-US and zh-CN text for every error and warning code. A code is
 * stable (tests, JSON output and translations key on it); `{name}` in a text is filled from
 * the error's params. Add entries by code; keep the table flat.
 */
import { missingError, MessageParams, PerfError, valueError } from "./errors";

export type MessageLang = "en-US" | "zh-CN";

interface MessageText {
  en: string;
  zh: string;
}

export const MESSAGES: Record<string, MessageText> = {
  // Numbers and arguments
  not_a_number: { en: "{what} must be a number, not “{value}”.", zh: "{what}必须是数字，而不是“{value}”。" },
  not_finite: { en: "{what} must be a finite number.", zh: "{what}必须是有限的数字。" },
  missing_value: { en: "{what} is missing.", zh: "缺少{what}。" },
  range_not_allowed: {
    en: "{what} must be a single value, not a range.",
    zh: "{what}必须是单个值，而不是区域。",
  },
  shape_mismatch: {
    en: "The ranges must have the same size: {what} is {rows}×{cols}, expected {expectedRows}×{expectedCols}.",
    zh: "各区域大小必须相同：{what}为 {rows}×{cols}，应为 {expectedRows}×{expectedCols}。",
  },
  length_mismatch: {
    en: "{what}: the two lists must have the same number of cells ({left} and {right}).",
    zh: "{what}：两个列表的单元格数必须相同（{left} 与 {right}）。",
  },
  unknown_function: { en: "There is no PERF function “{name}”.", zh: "没有名为“{name}”的 PERF 函数。" },
  too_many_args: {
    en: "{name} takes at most {count} arguments.",
    zh: "{name} 最多接受 {count} 个参数。",
  },
  no_rows: { en: "{what}: there is nothing to compute.", zh: "{what}：没有可计算的数据。" },

  // Scoring (SPEC §4)
  bad_direction: {
    en: "Direction must be higher, lower or binary (正向/反向/是否), not “{value}”.",
    zh: "方向必须是正向、反向或是否（higher/lower/binary），而不是“{value}”。",
  },
  target_zero_needs_threshold: {
    en: "A target of 0 needs a threshold: give a threshold.",
    zh: "目标值为 0 时必须填写门槛值。",
  },
  negative_target: {
    en: "The target must not be negative ({target}).",
    zh: "目标值不能为负数（{target}）。",
  },
  threshold_wrong_side: {
    en: "The threshold {threshold} must be on the other side of the target {target} than the stretch ({direction}).",
    zh: "门槛值 {threshold} 与目标值 {target} 的关系不符合方向（{direction}）：门槛值应比目标值差。",
  },
  stretch_wrong_side: {
    en: "The stretch {stretch} must be better than the target {target} ({direction}).",
    zh: "挑战值 {stretch} 必须优于目标值 {target}（{direction}）。",
  },
  bad_cap: {
    en: "The maximum score must be at least 100, not {cap}.",
    zh: "最高得分不能低于 100（当前为 {cap}）。",
  },
  bad_threshold_score: {
    en: "The threshold score must be from 0 to below 100, not {thresholdScore}.",
    zh: "门槛得分必须在 0 到 100（不含）之间，当前为 {thresholdScore}。",
  },
  missing_actual: { en: "The actual value is missing.", zh: "缺少实际值。" },
  zero_weights: { en: "The weights add up to 0.", zh: "权重之和为 0。" },
  negative_weight: { en: "A weight must not be negative ({weight}).", zh: "权重不能为负数（{weight}）。" },

  // Tables such as `S:90,A:80`
  bad_table: {
    en: "{what}: cannot read “{value}” as a table like S:90,A:80 (a key and a number per entry, each key once).",
    zh: "{what}：无法把“{value}”读成“S:90,A:80”形式的表（每项一个名称和一个数字，名称不能重复）。",
  },
  bad_relationship: {
    en: "Relationship must be self, manager, peer, subordinate or customer (本人/上级/同事/下级/客户), not “{value}”.",
    zh: "关系必须是本人、上级、同事、下级或客户，而不是“{value}”。",
  },

  // 360° feedback and final score (SPEC §5)
  bad_scale: {
    en: "The rating scale must be above 0, not {scale}.",
    zh: "评分量表必须大于 0（当前为 {scale}）。",
  },
  rating_out_of_range: {
    en: "A rating of {score} is outside 1..{scale}.",
    zh: "评分 {score} 超出 1 至 {scale} 的范围。",
  },
  no_feedback: { en: "There is no feedback that counts.", zh: "没有可计入的 360° 评价。" },

  // Grades (SPEC §5)
  no_grade: {
    en: "No grade has a minimum at or below {score}.",
    zh: "没有最低分不高于 {score} 的等级。",
  },
  unknown_grade: { en: "Unknown grade “{grade}”.", zh: "未知等级“{grade}”。" },
  bad_quota: {
    en: "Quotas must not be negative and must not all be 0.",
    zh: "强制分布比例不能为负数，也不能全为 0。",
  },

  // Incentives (SPEC §6)
  bad_rounding: {
    en: "The rounding unit must be above 0, not {rounding}.",
    zh: "取整单位必须大于 0（当前为 {rounding}）。",
  },
  pool_not_multiple: {
    en: "The pool {pool} is not a whole number of rounding units ({rounding}), so it cannot be shared out exactly.",
    zh: "奖金池 {pool} 不是取整单位 {rounding} 的整数倍，无法精确分配。",
  },
  negative_pool: { en: "The bonus pool must not be negative ({pool}).", zh: "奖金池不能为负数（{pool}）。" },
  negative_raw: { en: "A bonus share must not be negative ({raw}).", zh: "奖金份额不能为负数（{raw}）。" },
  zero_raw_total: {
    en: "The shares add up to 0, so the pool cannot be shared out.",
    zh: "奖金份额之和为 0，无法分配奖金池。",
  },
  negative_base: {
    en: "The bonus base must not be negative ({base}).",
    zh: "奖金基数不能为负数（{base}）。",
  },
  negative_coefficient: {
    en: "A coefficient must not be negative ({coefficient}).",
    zh: "绩效系数不能为负数（{coefficient}）。",
  },
  // Workbook validation (SPEC §2, §3, §8): located problems of the input sheets
  sheet_missing: {
    en: "The sheet “{sheet}” is missing.",
    zh: "缺少工作表“{sheet}”。",
  },
  column_missing: {
    en: "The column “{column}” is missing from the header row of {sheet}.",
    zh: "工作表“{sheet}”的表头缺少“{column}”列。",
  },
  cell_required: { en: "{column} is required.", zh: "“{column}”不能为空。" },
  cell_excel_error: {
    en: "{column}: the cell shows the Excel error {value}; fix its formula or type a value.",
    zh: "{column}：单元格显示 Excel 错误 {value}，请修正公式或填写数值。",
  },
  cell_not_number: {
    en: "{column} must be a number, not “{value}”.",
    zh: "“{column}”必须是数字，而不是“{value}”。",
  },
  cell_not_percent: {
    en: "{column} must be a percentage such as 40%, 0.4 or 40, not “{value}”.",
    zh: "“{column}”必须是百分比（如 40%、0.4 或 40），而不是“{value}”。",
  },
  cell_not_integer: {
    en: "{column} must be a whole number, not “{value}”.",
    zh: "“{column}”必须是整数，而不是“{value}”。",
  },
  cell_not_date: {
    en: "{column} must be a date such as 2025-01-31, not “{value}”.",
    zh: "“{column}”必须是日期（如 2025-01-31），而不是“{value}”。",
  },
  cell_not_id: {
    en: "{column} must be an id, not “{value}”.",
    zh: "“{column}”必须是编号，而不是“{value}”。",
  },
  cell_unknown_value: {
    en: "{column}: “{value}” is not one of {allowed}.",
    zh: "“{column}”：“{value}”不是可选值（{allowed}）之一。",
  },
  value_out_of_range: {
    en: "{column} must be from {min} to {max}, not {value}.",
    zh: "“{column}”必须在 {min} 到 {max} 之间，而不是 {value}。",
  },
  value_negative: { en: "{column} must not be negative ({value}).", zh: "“{column}”不能为负数（{value}）。" },
  value_not_positive: {
    en: "{column} must be above 0, not {value}.",
    zh: "“{column}”必须大于 0，而不是 {value}。",
  },
  id_duplicate: {
    en: "The id “{id}” is used twice (first in {first}).",
    zh: "编号“{id}”重复（首次出现在 {first}）。",
  },
  id_unknown: {
    en: "Unknown id “{id}”: it is not on the sheet {ofSheet}.",
    zh: "未知编号“{id}”：工作表“{ofSheet}”中没有该编号。",
  },
  decomposition_duplicate: {
    en: "KPI {kpi} is decomposed to position {position} twice (first in row {firstRow}).",
    zh: "指标 {kpi} 对岗位 {position} 重复分解（首次在第 {firstRow} 行）。",
  },
  kpi_share_total: {
    en: "KPI {kpi} is {percent}% assigned: its shares must total 100%.",
    zh: "指标 {kpi} 已分解 {percent}%：分解比例之和必须为 100%。",
  },
  position_weight_total: {
    en: "The KPI weights of position {position} total {percent}%, not 100%.",
    zh: "岗位 {position} 的指标权重之和为 {percent}%，而不是 100%。",
  },
  share_no_employees: {
    en: "KPI {kpi} gives a share to position {position}, which has no employees.",
    zh: "指标 {kpi} 分解给了岗位 {position}，但该岗位没有员工。",
  },
  kpi_goal_blank: {
    en: "KPI {kpi} has no strategy goal.",
    zh: "指标 {kpi} 未关联战略目标。",
  },
  kpi_not_cascaded: {
    en: "KPI {kpi} is not decomposed to any position, so nobody is scored on it.",
    zh: "指标 {kpi} 未分解到任何岗位，不会计入任何人的考核。",
  },
  position_without_kpis: {
    en: "Position {position} has employees but no KPIs.",
    zh: "岗位 {position} 有员工但没有考核指标。",
  },
  actual_missing: {
    en: "The actual of {name} ({employee}) for KPI {kpiName} ({kpi}) is missing.",
    zh: "缺少 {name}（{employee}）的指标 {kpiName}（{kpi}）实际值。",
  },
  actual_duplicate: {
    en: "Employee {employee} has a second actual for KPI {kpi} (first in {first}).",
    zh: "员工 {employee} 的指标 {kpi} 有重复的实际值（首次在 {first}）。",
  },
  actual_not_assigned: {
    en: "Employee {employee} does not carry KPI {kpi}, so this actual does not count.",
    zh: "员工 {employee} 没有指标 {kpi}，此实际值不计入考核。",
  },
  setting_unknown: {
    en: "Unknown setting “{key}”; it is ignored.",
    zh: "未知参数“{key}”，已忽略。",
  },
  setting_duplicate: {
    en: "The setting {key} is given twice (first in {first}).",
    zh: "参数 {key} 重复（首次在 {first}）。",
  },
  setting_period_reversed: {
    en: "The period ends ({end}) before it starts ({start}).",
    zh: "考核周期结束日期（{end}）早于开始日期（{start}）。",
  },
  setting_grades_mismatch: {
    en: "{key} must name the same grades as grades (missing: {missing}; not a grade: {extra}).",
    zh: "参数 {key} 的等级必须与等级分数线一致（缺少：{missing}；多出：{extra}）。",
  },
  setting_quotas_total: {
    en: "The quotas total {percent}%, not 100%.",
    zh: "强制分布比例之和为 {percent}%，而不是 100%。",
  },
  // Skills cells (core/tasks/skills.ts), reported by workbook validation
  bad_skill: { en: "“{value}” names no skill.", zh: "“{value}”没有写明技能名称。" },
  bad_skill_level: {
    en: "The level of skill “{skill}” must be a whole number from 1 to 5, not “{value}”.",
    zh: "技能“{skill}”的等级必须是 1 到 5 的整数，而不是“{value}”。",
  },
  // Why a task is unassigned (core/tasks/allocate.ts, docs/ALLOCATION.md), shown on the Plan sheet
  unknown_assignee: {
    en: "Task {taskId} is assigned to {assignee}, who is not an employee.",
    zh: "任务 {taskId} 的负责人 {assignee} 不在员工表中。",
  },
  no_people: { en: "Task {taskId}: there are no employees.", zh: "任务 {taskId}：没有员工。" },
  no_department: {
    en: "Task {taskId}: nobody works in {department}.",
    zh: "任务 {taskId}：部门 {department} 没有员工。",
  },
  no_skill: {
    en: "Task {taskId}: nobody has the skill {skill}.",
    zh: "任务 {taskId}：没有人具备技能 {skill}。",
  },
  no_skill_level: {
    en: "Task {taskId} needs {skill} at level {level}; the best is {best}.",
    zh: "任务 {taskId} 需要 {skill} 等级 {level}，现有最高为 {best}。",
  },
  // CLI
  file_not_found: { en: "cannot find the file {file}.", zh: "找不到文件 {file}。" },
  file_unreadable: {
    en: "cannot read {file} as an Excel workbook (.xlsx).",
    zh: "无法将 {file} 读取为 Excel 工作簿（.xlsx）。",
  },
  validate_ok: {
    en: "OK: {file} is valid: {employees} employees, {positions} positions, {kpis} KPIs, {tasks} tasks, {actuals} actuals, {ratings} 360° ratings; {warnings} warnings.",
    zh: "通过：{file} 校验无误：员工 {employees} 人，岗位 {positions} 个，指标 {kpis} 个，任务 {tasks} 项，实际值 {actuals} 条，360° 评分 {ratings} 条；警告 {warnings} 条。",
  },
  run_ok: {
    en: "Wrote {out}: {employees} employees, {sheets} generated sheets.",
    zh: "已生成 {out}：员工 {employees} 人，生成工作表 {sheets} 张。",
  },
  export_ok: {
    en: "Wrote {count} personal review files to {dir}.",
    zh: "已在 {dir} 生成 {count} 份个人考核表。",
  },
  sheet_is_user_data: {
    en: "A sheet named {sheet} already holds your own data (it was not generated by PerfSheet), so it is never overwritten: rename it and run again.",
    zh: "工作表“{sheet}”是您自己的数据（并非 PerfSheet 生成），不会被覆盖：请重命名后再运行。",
  },
  pool_without_shares: {
    en: "The bonus pool {pool} cannot be shared out: nobody has a share (every bonus base × grade coefficient is 0). Set bonus bases or coefficients, or leave bonus_pool blank.",
    zh: "奖金池 {pool} 无法分配：没有人有分配份额（奖金基数 × 等级系数均为 0）。请填写奖金基数或系数，或将奖金池留空。",
  },
};

/**
 * The text of `code` in `lang`, with `{name}` filled from `params`. An unknown code gives
 * the code itself, so a missing translation shows up instead of hiding the error.
 *
 * @example formatMessage("negative_target", { target: -5 }, "en-US") // "The target must not be negative (-5)."
 */
export function formatMessage(code: string, params: MessageParams = {}, lang: MessageLang = "en-US"): string {
  const entry = MESSAGES[code];
  if (!entry) return code;
  const text = lang === "zh-CN" ? entry.zh : entry.en;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** A `#VALUE!` error whose message comes from the catalogue (in English; hosts may re-translate by code). */
export function invalid(code: string, params: MessageParams = {}): PerfError {
  return valueError(code, formatMessage(code, params), params);
}

/** A `#N/A` (missing data) error whose message comes from the catalogue. */
export function missing(code: string, params: MessageParams = {}): PerfError {
  return missingError(code, formatMessage(code, params), params);
}
