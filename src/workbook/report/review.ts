/**
 * The review form: one printable A4 sheet per employee with the KPIs, the 360° groups the
 * anonymity rule allows, the final score, grade, bonus, strengths and points to improve, and
 * cells for the manager's comment and the employee's signature (unlocked; kept on
 * regeneration).
 */
import type { CellPlan, SheetPlan } from "../plan";
import type { RawWorkbook } from "../raw";
import type { EmployeeResult, KpiResult } from "../../core/cycle";
import { displayCell, isBlankCell } from "../cells";
import { normalizeWord } from "../../core/vocabulary";
import type { ReportContext } from "./context";
import { reviewSheetName } from "./context";
import { labels, type LabelKey } from "./labels";
import { honoursText, scoreScale } from "./scorecard";
import { cellAt, rectRange, styled, titleBlock, orBlank } from "./common";

const WIDTH = 7; // columns A..G

const GROUP_LABEL: Record<string, LabelKey> = {
  self: "self",
  manager: "manager_rel",
  peer: "peer",
  subordinate: "subordinate",
  customer: "customer",
  others: "others",
};

/** Each employee's KPI rows in cycle order, worked out once per list of results (one form per employee). */
const kpisByEmployee = new WeakMap<readonly KpiResult[], Map<string, KpiResult[]>>();

function kpisOf(kpis: readonly KpiResult[], employeeId: string): KpiResult[] {
  let byEmployee = kpisByEmployee.get(kpis);
  if (byEmployee === undefined) {
    byEmployee = new Map();
    for (const k of kpis) {
      const list = byEmployee.get(k.employeeId);
      if (list) list.push(k);
      else byEmployee.set(k.employeeId, [k]);
    }
    kpisByEmployee.set(kpis, byEmployee);
  }
  return byEmployee.get(employeeId) ?? [];
}

/** The kind (and so the marker) of an employee's review form. */
export function reviewKind(employeeId: string): string {
  return `review:${employeeId}`;
}

/**
 * `personal`: the form goes into a file for the employee alone (per-employee export), so it
 * names nobody else — not even the manager.
 */
export function reviewSheet(ctx: ReportContext, e: EmployeeResult, personal = false): SheetPlan {
  const { t, model, result } = ctx;
  const s = model.settings;
  const kpis = kpisOf(result.kpis, e.id);
  const blocks: SheetPlan["blocks"] = [];
  const merges: string[] = [];
  const period = s.periodStart && s.periodEnd ? ` · ${s.periodStart} – ${s.periodEnd}` : "";
  blocks.push(titleBlock(`${t("reviewTitle")} — ${e.name}`, `${t("cycle")}: ${s.cycle}${period}`));

  let row = 4;
  const info: [LabelKey, CellPlan][] = [
    ["employeeId", e.id],
    ["name", e.name],
    ["department", e.department],
    ["position", e.positionTitle],
  ];
  if (!personal) info.push(["manager", e.managerName ?? e.managerId ?? ""]);
  blocks.push({ at: cellAt(row, 1), rows: info.map(([k, v]) => [styled(t(k), "label"), v]) });
  row += info.length + 1;

  // KPIs.
  blocks.push({ at: cellAt(row, 1), rows: [[styled(t("kpiSection"), "label")]] });
  row += 1;
  const kpiHeader = [
    t("kpi"),
    t("target"),
    t("threshold"),
    t("stretch"),
    t("actual"),
    t("weight"),
    t("score"),
  ];
  const kpiFirst = row + 1;
  blocks.push({
    at: cellAt(row, 1),
    rows: [
      kpiHeader,
      ...kpis.map((k) => [
        k.kpiName,
        k.target,
        orBlank(k.threshold),
        orBlank(k.stretch),
        orBlank(k.actual),
        k.weight,
        orBlank(k.score),
      ]),
    ],
    headerStyle: "header",
    columnStyles: ["text", "number", "number", "number", "number", "percent", "score"],
  });
  const conditionalFormats = kpis.length
    ? [scoreScale(rectRange(kpiFirst, 7, kpiFirst + kpis.length - 1, 7), s.thresholdScore)]
    : [];
  row += kpis.length + 2;

  // 360° by group, under the anonymity rule.
  blocks.push({ at: cellAt(row, 1), rows: [[styled(t("feedbackSection"), "label")]] });
  row += 1;
  if (e.feedbackGroups.length) {
    blocks.push({
      at: cellAt(row, 1),
      rows: [
        [t("group"), t("raters"), t("mean")],
        ...e.feedbackGroups.map((g) => [t(GROUP_LABEL[g.group]), g.raters, g.mean]),
      ],
      headerStyle: "header",
      columnStyles: ["text", "integer", "number"],
    });
    row += e.feedbackGroups.length + 2;
  } else {
    blocks.push({ at: cellAt(row, 1), rows: [[styled(t("noFeedbackShown"), "note")]] });
    row += 2;
  }

  // Summary.
  blocks.push({ at: cellAt(row, 1), rows: [[styled(t("summary"), "label")]] });
  row += 1;
  const summary: [LabelKey, CellPlan][] = [
    ["kpiScore", styled(orBlank(e.kpiScore), "score")],
    ["feedbackScore", styled(orBlank(e.feedbackScore), "score")],
    ["finalScore", styled(orBlank(e.finalScore), "score")],
    ["rank", e.rank === null ? null : `${e.rank} / ${result.employees.length}`],
    ["grade", e.grade],
    ["bonus", styled(e.bonus, "currency")],
    ["honours", honoursText(ctx, e.honours)],
  ];
  blocks.push({ at: cellAt(row, 1), rows: summary.map(([k, v]) => [styled(t(k), "label"), v]) });
  row += summary.length + 1;

  // Strengths and points to improve, from the KPI scores.
  const strengths = kpis.filter((k) => k.score !== null && k.score >= 100).map((k) => k.kpiName);
  const toImprove = kpis.filter((k) => k.score === null || k.score < 100).map((k) => k.kpiName);
  const sep = ctx.lang === "zh-CN" ? "、" : ", ";
  blocks.push({
    at: cellAt(row, 1),
    rows: [
      [styled(t("strengths"), "label"), styled(strengths.join(sep) || t("none"), "wrap")],
      [styled(t("improvementPoints"), "label"), styled(toImprove.join(sep) || t("none"), "wrap")],
    ],
  });
  merges.push(rectRange(row, 2, row, WIDTH), rectRange(row + 1, 2, row + 1, WIDTH));
  row += 3;

  // Manager's comment (kept on regeneration) and signature.
  blocks.push({ at: cellAt(row, 1), rows: [[styled(t("managerComment"), "label")]] });
  const commentRow = row + 1;
  blocks.push({
    at: cellAt(commentRow, 1),
    rows: [[styled(ctx.edits.reviewComments.get(e.id) ?? "", "inputWrap", true)]],
  });
  merges.push(rectRange(commentRow, 1, commentRow + 3, WIDTH));
  row = commentRow + 5;
  blocks.push({
    at: cellAt(row, 1),
    rows: [
      [
        styled(t("employeeSignature"), "label"),
        styled("", "input", true),
        null,
        null,
        styled(t("date"), "label"),
        styled(null, "input", true),
      ],
    ],
  });
  merges.push(rectRange(row, 2, row, 4));
  const unlocked = [
    rectRange(commentRow, 1, commentRow + 3, WIDTH),
    rectRange(row, 2, row, 4),
    cellAt(row, 6),
  ];

  return {
    name: reviewSheetName(e.id, ctx.lang),
    kind: reviewKind(e.id),
    generated: true,
    blocks,
    merges,
    rowHeights: { [commentRow]: 30, [commentRow + 1]: 30, [commentRow + 2]: 30, [commentRow + 3]: 30 },
    columns: [26, 12, 12, 12, 12, 10, 10].map((width) => ({ width })),
    conditionalFormats,
    protect: { unlocked },
    print: { orientation: "portrait", fitToWidth: true, area: rectRange(1, 1, row, WIDTH) },
  };
}

/** The manager's comment of each review form found in a workbook, keyed by employee id. */
export function readReviewComments(raw: RawWorkbook): Map<string, string> {
  const comments = new Map<string, string>();
  const labelWords = (["en-US", "zh-CN"] as const).map((l) => normalizeWord(labels(l)("managerComment")));
  const idWords = (["en-US", "zh-CN"] as const).map((l) => normalizeWord(labels(l)("employeeId")));
  for (const sheet of raw.sheets) {
    const idRow = sheet.rows.find(
      (r) => r[0] !== undefined && idWords.includes(normalizeWord(displayCell(r[0] ?? null))),
    );
    const at = sheet.rows.findIndex(
      (r) => r[0] !== undefined && labelWords.includes(normalizeWord(displayCell(r[0] ?? null))),
    );
    if (!idRow || at < 0) continue;
    const comment = sheet.rows[at + 1]?.[0];
    if (comment !== undefined && !isBlankCell(comment))
      comments.set(displayCell(idRow[1] ?? null).trim(), displayCell(comment));
  }
  return comments;
}
