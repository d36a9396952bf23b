/**
 * Improvements (SPEC §6): a row per KPI scoring below the threshold score, with a suggested
 * action, the manager as owner, a due date 30 days after the period and status Open. Users
 * edit action, owner, due and status; regeneration keeps those edits (key: employee + KPI),
 * including rows whose KPI has since recovered.
 */
import type { CellPlan, SheetPlan } from "../plan";
import type { RawWorkbook } from "../raw";
import type { ImprovementRow } from "../../core/cycle";
import { displayCell, isBlankCell, parseDate } from "../cells";
import { normalizeWord } from "../../core/vocabulary";
import type { ImprovementEdit, ReportContext } from "./context";
import { improvementKey } from "./context";
import { labels } from "./labels";
import { TITLE_ROWS, cellAt, rectRange, styled, titleBlock, orBlank } from "./common";

const HEADER_ROW = TITLE_ROWS + 1;
const COLS = [
  "employeeId",
  "name",
  "kpiId",
  "kpi",
  "score",
  "gap",
  "action",
  "owner",
  "due",
  "status",
] as const;
const EDITABLE = ["action", "owner", "due", "status"] as const;

function formatGap(gap: number): string {
  return String(Number(Math.abs(gap).toPrecision(6)));
}

export function suggestedAction(ctx: ReportContext, row: ImprovementRow, kpiName: string, unit = ""): string {
  const kpi = ctx.model.kpis.find((k) => k.id === row.kpiId);
  if (row.gap === null) return ctx.t("suggestion_missing", { kpi: kpiName });
  const key =
    kpi?.direction === "lower"
      ? "suggestion_lower"
      : kpi?.direction === "binary"
        ? "suggestion_binary"
        : "suggestion_higher";
  return ctx.t(key, { kpi: kpiName, gap: formatGap(row.gap), unit });
}

export function improvementsSheet(ctx: ReportContext): SheetPlan {
  const { t, result, model } = ctx;
  const people = new Map(result.employees.map((e) => [e.id, e]));
  const kpis = new Map(model.kpis.map((k) => [k.id, k]));
  const current = new Map(result.improvements.map((r) => [improvementKey(r.employeeId, r.kpiId), r]));
  // Rows users edited before stay, even when their KPI has recovered since.
  const keys = [...current.keys()];
  for (const key of ctx.edits.improvements.keys()) if (!current.has(key)) keys.push(key);
  // Scores by employee, then KPI (a later row replaces an earlier one), without a key text per KPI row.
  const scoresOf = new Map<string, Map<string, number | null>>();
  for (const k of result.kpis) {
    let byKpi = scoresOf.get(k.employeeId);
    if (byKpi === undefined) scoresOf.set(k.employeeId, (byKpi = new Map()));
    byKpi.set(k.kpiId, k.score);
  }

  const rows: CellPlan[][] = keys.map((key) => {
    const [employeeId, kpiId] = key.split("\u0000");
    const row = current.get(key);
    const person = people.get(employeeId);
    const kpi = kpis.get(kpiId);
    const edit: ImprovementEdit = ctx.edits.improvements.get(key) ?? {};
    const owner = row?.ownerId ? (people.get(row.ownerId)?.name ?? row.ownerId) : "";
    const due = edit.due ?? row?.due;
    return [
      employeeId,
      person?.name ?? "",
      kpiId,
      kpi?.name ?? kpiId,
      orBlank(scoresOf.get(employeeId)?.get(kpiId)),
      orBlank(row?.gap === null || row?.gap === undefined ? null : Math.abs(row.gap)),
      styled(
        edit.action ?? (row ? suggestedAction(ctx, row, kpi?.name ?? kpiId, kpi?.unit ?? "") : ""),
        "inputWrap",
        true,
      ),
      styled(edit.owner ?? owner, "input", true),
      styled(due ? { date: due } : null, "input", true),
      styled(edit.status ?? t("open"), "input", true),
    ];
  });
  const header = COLS.map((c) => t(c));
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + Math.max(1, rows.length);
  const col = (c: (typeof COLS)[number]) => COLS.indexOf(c) + 1;
  return {
    name: ctx.sheet("improvements"),
    kind: "improvements",
    generated: true,
    blocks: [
      titleBlock(`${t("improvementsTitle")} — ${model.settings.cycle}`, t("editHint")),
      {
        at: cellAt(HEADER_ROW, 1),
        rows: [header, ...rows],
        headerStyle: "header",
        columnStyles: [
          "id",
          "text",
          "id",
          "text",
          "score",
          "number",
          undefined,
          undefined,
          "date",
          undefined,
        ],
      },
    ],
    columns: [11, 10, 9, 20, 8, 12, 44, 12, 12, 10].map((width) => ({ width })),
    freeze: { rows: HEADER_ROW, cols: 2 },
    tables: rows.length
      ? [
          {
            name: "PerfImprovements",
            ref: rectRange(HEADER_ROW, 1, last, header.length),
            style: "TableStyleLight9",
          },
        ]
      : [],
    dataValidations: rows.length
      ? [
          {
            ref: rectRange(first, col("status"), last, col("status")),
            type: "list",
            values: [t("open"), t("inProgress"), t("done")],
          },
          { ref: rectRange(first, col("due"), last, col("due")), type: "date" },
        ]
      : [],
    conditionalFormats: rows.length
      ? [
          {
            ref: rectRange(first, col("status"), last, col("status")),
            type: "cellIs",
            operator: "equal",
            formulas: [`"${t("done")}"`],
            fill: "C6EFCE",
            font: "006100",
          },
        ]
      : [],
    protect: { unlocked: rows.length ? [rectRange(first, col("action"), last, col("status"))] : [] },
    print: { orientation: "landscape", fitToWidth: true, titleRows: `${HEADER_ROW}:${HEADER_ROW}` },
  };
}

/**
 * Reads users' edits from a previously generated Improvements sheet (either language), so
 * regeneration can keep them. Unedited cells come back too; they equal what would be
 * generated anyway, except owner/due/status, which users most often change.
 */
export function readImprovementEdits(raw: RawWorkbook, sheetNames: string[]): Map<string, ImprovementEdit> {
  const edits = new Map<string, ImprovementEdit>();
  const sheet = raw.sheets.find((s) => sheetNames.some((n) => normalizeWord(n) === normalizeWord(s.name)));
  if (!sheet) return edits;
  const headerWords = (lang: "en-US" | "zh-CN") => COLS.map((c) => normalizeWord(labels(lang)(c)));
  const headerIndex = sheet.rows.findIndex((r) => {
    const words = r.map((c) => normalizeWord(displayCell(c)));
    return ["en-US", "zh-CN"].some((l) => headerWords(l as "en-US").every((w, i) => words[i] === w));
  });
  if (headerIndex < 0) return edits;
  for (const r of sheet.rows.slice(headerIndex + 1)) {
    if (isBlankCell(r[0]) || isBlankCell(r[2])) continue;
    const key = improvementKey(displayCell(r[0]).trim(), displayCell(r[2]).trim());
    const edit: ImprovementEdit = {};
    for (const field of EDITABLE) {
      const cell = r[COLS.indexOf(field)];
      if (isBlankCell(cell)) continue;
      if (field === "due") {
        const d = parseDate(cell);
        if (d.ok && d.value) edit.due = d.value;
      } else {
        edit[field] = displayCell(cell).trim();
      }
    }
    edits.set(key, edit);
  }
  return edits;
}
