/**
 * The review workbook's plan: every generated sheet, in the order HR reads them.
 */
import type { SheetPlan, WorkbookPlan } from "../plan";
import type { ReportContext } from "./context";
import { goalsSheet } from "./goals";
import { scorecardSheet, kpiDetailSheet } from "./scorecard";
import { reviewSheet } from "./review";
import { improvementsSheet } from "./improvements";
import { incentivesSheet } from "./incentives";
import { dashboardSheet } from "./dashboard";
import { monitorSheet } from "./monitor";
import { planSheet } from "./plan-sheet";
import { workloadSheet } from "./workload";
import { analysisSheet } from "./analysis";

export function buildReportPlan(ctx: ReportContext): WorkbookPlan {
  const limit = ctx.model.settings.reviewLimit;
  const reviews: SheetPlan[] = ctx.result.employees.slice(0, limit).map((e) => reviewSheet(ctx, e));
  const scorecard = scorecardSheet(ctx);
  if (ctx.result.employees.length > limit) {
    const notes = scorecard.blocks[scorecard.blocks.length - 1];
    notes.rows.push([{ value: ctx.t("reviewLimitNote", { limit }), style: "subtitle" }]);
  }
  return {
    lang: ctx.lang,
    sheets: [
      dashboardSheet(ctx),
      goalsSheet(ctx),
      planSheet(ctx),
      workloadSheet(ctx),
      monitorSheet(ctx),
      scorecard,
      kpiDetailSheet(ctx),
      ...reviews,
      improvementsSheet(ctx),
      incentivesSheet(ctx),
      analysisSheet(ctx),
    ],
  };
}
