/**
 * The review workbook's plan: every generated sheet, in the order HR reads them.
 */
import type { DeferredPlan, DeferredSheet, SheetPlan } from "../plan";
import type { GeneratedSheetKey } from "../schema";
import type { ReportContext } from "./context";
import { goalsSheet } from "./goals";
import { scorecardSheet, kpiDetailSheet } from "./scorecard";
import { reviewKind, reviewSheet } from "./review";
import { reviewSheetName } from "./context";
import { improvementsSheet } from "./improvements";
import { incentivesSheet } from "./incentives";
import { dashboardSheet } from "./dashboard";
import { monitorSheet } from "./monitor";
import { planSheet } from "./plan-sheet";
import { workloadSheet } from "./workload";
import { analysisSheet } from "./analysis";

/**
 * The review workbook's sheets, each built when a host asks for it (the streaming writer
 * builds, writes and lets go of one sheet at a time).
 */
export function deferReportPlan(ctx: ReportContext): DeferredPlan {
  const limit = ctx.model.settings.reviewLimit;
  const sheet = (key: GeneratedSheetKey, build: (ctx: ReportContext) => SheetPlan): DeferredSheet => ({
    name: ctx.sheet(key),
    kind: key,
    build: () => build(ctx),
  });
  const withLimitNote = (ctx: ReportContext): SheetPlan => {
    const scorecard = scorecardSheet(ctx);
    if (ctx.result.employees.length > limit) {
      const notes = scorecard.blocks[scorecard.blocks.length - 1];
      notes.rows.push([{ value: ctx.t("reviewLimitNote", { limit }), style: "subtitle" }]);
    }
    return scorecard;
  };
  const reviews: DeferredSheet[] = ctx.result.employees.slice(0, limit).map((e) => ({
    name: reviewSheetName(e.id, ctx.lang),
    kind: reviewKind(e.id),
    build: () => reviewSheet(ctx, e),
  }));
  return {
    lang: ctx.lang,
    sheets: [
      sheet("dashboard", dashboardSheet),
      sheet("goals", goalsSheet),
      sheet("plan", planSheet),
      sheet("workload", workloadSheet),
      sheet("monitor", monitorSheet),
      sheet("scorecard", withLimitNote),
      sheet("kpiDetail", kpiDetailSheet),
      ...reviews,
      sheet("improvements", improvementsSheet),
      sheet("incentives", incentivesSheet),
      sheet("analysis", analysisSheet),
    ],
  };
}
