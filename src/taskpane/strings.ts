/**
 * The task pane's own words, in en-US and zh-CN. Words that also appear on generated sheets
 * come from workbook/report/labels.ts, validation messages from core/messages.ts; this table
 * holds only what the pane itself says.
 */
import type { Lang } from "../workbook/schema";

const STRINGS = {
  appTitle: ["PerfSheet", "PerfSheet 绩效考核"],
  appSubtitleExcel: ["Run the review cycle on this workbook.", "在当前工作簿中完成考核周期。"],
  appSubtitleFile: [
    "Outside Excel: choose a workbook, press Generate, download the review workbook.",
    "未在 Excel 中运行：选择工作簿，点击“生成”，下载考核结果工作簿。",
  ],
  language: ["Language", "语言"],
  langEnglish: ["English", "English"],
  langChinese: ["中文", "中文"],

  // The workbook (file mode)
  chooseFile: ["Workbook (.xlsx)", "工作簿（.xlsx）"],
  chooseFileHint: ["The input workbook with your cycle's data.", "包含本期考核数据的输入工作簿。"],
  noFileYet: ["Choose a workbook first.", "请先选择工作簿。"],
  generate: ["Generate", "生成"],
  generateHint: [
    "Checks the workbook, then builds every report sheet and downloads the result.",
    "校验工作簿，生成全部报表并下载结果。",
  ],
  generateExcelHint: [
    "Checks the workbook, then writes every report sheet into it.",
    "校验工作簿，然后将全部报表写入工作簿。",
  ],
  checkWorkbook: ["Check workbook", "校验工作簿"],
  downloadTemplate: ["Download empty template", "下载空白模板"],
  downloadSample: ["Download sample workbook", "下载示例工作簿"],
  downloadAgain: ["Download {file} again", "再次下载 {file}"],
  newUserHint: [
    "New here? Download the sample workbook, then choose it above and press Generate.",
    "第一次使用？先下载示例工作簿，再在上方选择它并点击“生成”。",
  ],

  // Steps
  steps: ["Steps of the cycle", "考核步骤"],
  step_setup: ["Setup", "准备"],
  step_goals: ["Goals", "目标"],
  step_tasks: ["Tasks", "任务"],
  step_data: ["Data", "数据"],
  step_evaluate: ["Evaluate", "评估"],
  step_incentives: ["Incentives", "激励"],
  step_report: ["Report", "报告"],
  stepIntro_setup: [
    "Create the input template in the workbook's language, empty or with a sample department.",
    "按所选语言创建输入模板，可为空白或带示例数据。",
  ],
  stepIntro_goals: [
    "Cascade department KPIs to positions and people; check shares and weights.",
    "将部门指标分解到岗位和个人，检查分解比例与权重。",
  ],
  stepIntro_tasks: [
    "Prioritise, assign and schedule the tasks within everyone's capacity.",
    "按优先级分配并排期任务，兼顾每人的可用工时。",
  ],
  stepIntro_data: [
    "How complete the data is: actuals per scorecard and 360° raters per group.",
    "数据完整度：各考核表的实际值与各评价组的 360° 评价人数。",
  ],
  stepIntro_evaluate: [
    "Score, grade and write the review forms: one person's or everyone's.",
    "计算得分与等级，生成考核表：单人或全员。",
  ],
  stepIntro_incentives: [
    "Edit the bonus pool and coefficients and preview the totals by grade before anything is written.",
    "调整奖金池与绩效系数，写入前先预览各等级的奖金合计。",
  ],
  stepIntro_report: [
    "Dashboard and incentive analysis, personal review files, a portable workbook.",
    "仪表盘与激励效果分析、个人考核文件、可移植的工作簿。",
  ],
  needsCheck: ["Check the workbook to see this step's figures.", "请先校验工作簿以查看本步骤的数据。"],
  needsValidWorkbook: [
    "The workbook has errors (listed under Checks); fix them to see this step's figures.",
    "工作簿存在错误（见“校验结果”），修正后即可查看本步骤的数据。",
  ],

  // Setup
  templateLanguage: ["Template language", "模板语言"],
  withSample: ["Fill in the sample department", "填入示例部门数据"],
  createTemplate: ["Create template", "创建模板"],
  createTemplateFile: ["Download template", "下载模板"],

  // Goals
  strategyGoals: ["Strategy goals", "战略目标"],
  kpis: ["Department KPIs", "部门指标"],
  positions: ["Positions", "岗位"],
  employees: ["Employees", "员工"],
  scorecardLines: ["Scorecard lines", "考核指标行"],
  goalChecksPassed: [
    "Checks passed: every KPI is fully assigned and every position's weights total 100%.",
    "校验通过：每个指标均已完整分解，每个岗位的权重合计 100%。",
  ],
  writeGoals: ["Write the Goals sheet", "写入目标分解表"],

  // Tasks
  tasksTotal: ["Tasks", "任务"],
  tasksAssigned: ["Assigned", "已分配"],
  tasksOverCapacity: ["Over capacity", "超出工时"],
  tasksUnassigned: ["Unassigned", "未分配"],
  tasksAtRisk: ["At risk (ends after due)", "有延期风险"],
  noPeriod: [
    "No period_start / period_end in Settings: there is nothing to schedule in.",
    "设置中缺少周期开始/结束日期，无法排期。",
  ],
  unassignedWhy: ["Why tasks are unassigned", "未分配原因"],
  writeTasks: ["Write Plan and Workload", "写入任务计划与工作负荷"],

  // Data
  actualsPresent: ["Actuals present", "已填实际值"],
  actualsComplete: ["People with every actual", "实际值齐全的人数"],
  feedbackSufficient: ["People with enough raters", "评价人数充足的人数"],
  shortRaters: ["Short of raters", "评价人数不足"],
  shortRatersNone: ["Every expected rater group has enough raters.", "各评价组的评价人数均已充足。"],
  writeMonitor: ["Write the Monitor sheet", "写入考核进度表"],

  // Evaluate
  gradeDistribution: ["Grades", "等级分布"],
  reviewOf: ["Review form of", "考核表对象"],
  writeOneReview: ["Write this review form", "生成此人考核表"],
  downloadOneReview: ["Download this person's review file", "下载此人的考核文件"],
  writeAllReviews: ["Write scorecard and all review forms", "生成考核汇总及全部考核表"],

  // Incentives
  bonusPool: ["Bonus pool (blank = no pool)", "奖金池（留空 = 不设奖金池）"],
  coefficientOf: ["Coefficient {grade}", "{grade} 级系数"],
  previewTitle: ["Preview: totals by grade", "预览：各等级奖金合计"],
  now: ["Now", "当前"],
  preview: ["Preview", "预览"],
  previewBlocked: ["No preview: fix the values first.", "无法预览：请先修正输入值。"],
  unchanged: ["No change yet.", "尚未修改。"],
  saveSettings: ["Write to the Settings sheet", "写入设置表"],
  saveSettingsFile: ["Apply to the chosen workbook", "应用到所选工作簿"],
  writeIncentives: ["Write the Incentives sheet", "写入激励方案表"],
  settingsSaved: [
    "Settings written and read back: bonus pool {pool}, coefficients {coefficients}.",
    "设置已写入并回读：奖金池 {pool}，绩效系数 {coefficients}。",
  ],
  settingsApplied: [
    "Settings applied to {file}: bonus pool {pool}, coefficients {coefficients}. Press Generate to build the reports.",
    "设置已应用到 {file}：奖金池 {pool}，绩效系数 {coefficients}。点击“生成”即可生成报表。",
  ],
  settingsNotReadBack: [
    "The Settings sheet did not give back what was written for {key}: check that sheet.",
    "设置表回读的 {key} 与写入的不一致，请检查设置表。",
  ],
  none: ["none", "无"],

  // Report
  writeReport: ["Write Dashboard and Analysis", "写入仪表盘与激励效果"],
  exportPersonal: ["Download personal review files (.zip)", "下载个人考核文件（.zip）"],
  exportPersonalHint: [
    "One file per employee, holding that person's data only.",
    "每位员工一个文件，只含本人的数据。",
  ],
  makePortable: ["Make the workbook portable", "转为可移植工作簿"],
  makePortableHint: [
    "Replaces PERF functions with classic Excel formulas, for people without the add-in (outside Excel: a copy of the chosen file to download).",
    "将 PERF 函数替换为经典 Excel 公式，便于未安装加载项的人使用（在 Excel 之外：下载所选文件的副本）。",
  ],

  // Checks
  checks: ["Checks", "校验结果"],
  checksNone: ["No problems found.", "未发现问题。"],
  errorsWarnings: ["{errors} errors, {warnings} warnings", "错误 {errors} 个，警告 {warnings} 个"],
  selectCell: ["Select {sheet}!{cell} in Excel", "在 Excel 中选中 {sheet}!{cell}"],
  error: ["Error", "错误"],
  warning: ["Warning", "警告"],

  // Progress and outcomes
  working: ["Working…", "处理中…"],
  cancel: ["Cancel", "取消"],
  progress_read: ["Reading the workbook", "读取工作簿"],
  progress_check: ["Checking the data", "校验数据"],
  progress_compute: ["Computing scores, grades and bonuses", "计算得分、等级与奖金"],
  progress_render: ["Laying out the sheets", "生成工作表"],
  progress_charts: ["Adding charts", "添加图表"],
  progress_write: ["Writing into Excel", "写入 Excel"],
  progress_save: ["Saving the file", "保存文件"],
  progress_zip: ["Building personal files", "生成个人文件"],
  progress_done: ["Done", "完成"],
  success: ["Done", "完成"],
  checked: ["Checked", "已校验"],
  failure: ["Nothing was written", "未写入任何内容"],
  cancelled: ["Cancelled: nothing was written.", "已取消：未写入任何内容。"],
  checkedOk: [
    "{file}: {employees} employees, {kpis} KPIs, {tasks} tasks; {warnings} warnings.",
    "{file}：员工 {employees} 人，指标 {kpis} 个，任务 {tasks} 项；警告 {warnings} 条。",
  ],
  checkedErrors: [
    "{file} has {errors} errors: fix them (see Checks), then try again. Nothing was written.",
    "{file} 有 {errors} 个错误：请修正（见“校验结果”）后重试。未写入任何内容。",
  ],
  generatedFile: [
    "{file} is ready: {employees} employees, {sheets} report sheets.",
    "{file} 已生成：员工 {employees} 人，报表 {sheets} 张。",
  ],
  wroteSheets: ["Wrote {count} sheets: {sheets}.", "已写入 {count} 张工作表：{sheets}。"],
  templateWritten: ["Template written: {sheets}.", "模板已写入：{sheets}。"],
  templateDownloaded: ["Template downloaded: {file}.", "模板已下载：{file}。"],
  portableDone: [
    "{rewritten} cells now hold classic formulas: the workbook works without the add-in.",
    "{rewritten} 个单元格已改为标准公式：未安装加载项也能使用本工作簿。",
  ],
  portableSkipped: [
    "{rewritten} cells now hold classic formulas; {skipped} could not be rewritten and still use PERF.",
    "{rewritten} 个单元格已改为标准公式；{skipped} 个无法改写，仍使用 PERF 函数。",
  ],
  personalDownloaded: ["{count} personal review files in {file}.", "{file} 中含 {count} 份个人考核文件。"],
  unexpected: ["Something went wrong: {message}", "出现问题：{message}"],
  thisWorkbook: ["This workbook", "当前工作簿"],
} as const satisfies Record<string, readonly [string, string]>;

export type StringKey = keyof typeof STRINGS;

export type UiText = (key: StringKey, params?: Record<string, string | number>) => string;

/**
 * The pane's text in `lang`, `{name}` filled from `params`.
 *
 * @example uiText("zh-CN")("generate") // "生成"
 */
export function uiText(lang: Lang): UiText {
  const i = lang === "zh-CN" ? 1 : 0;
  return (key, params = {}) =>
    STRINGS[key][i].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params[name] === undefined ? whole : String(params[name]),
    );
}
