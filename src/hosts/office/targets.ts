/**
 * Which existing sheet each planned sheet replaces (SPEC §1, §8): a sheet carrying a
 * PerfSheet marker is regenerated in place; a sheet of the same name without one is user
 * data, and then nothing at all is written. Decided from what the first sync read, before
 * any write is queued. Pure.
 */
import { valueError } from "../../core/errors";
import { isMarkerName, markerName, sheetOfMarkerRef } from "../../workbook/markers";
import type { SheetPlan, WorkbookPlan } from "../../workbook/plan";

/** What the render needs to know of the workbook before writing. */
export interface ExistingWorkbook {
  sheets: string[];
  /** Defined names with the formula each refers to (`=Scorecard!$A$1`). */
  names: { name: string; formula: string }[];
  tables: { name: string; sheet: string }[];
}

export interface SheetTarget {
  plan: SheetPlan;
  /** Current name of the marked sheet that is cleared and rewritten; absent = a new sheet. */
  existing?: string;
  /** Markers to delete first (stale, or pointing elsewhere). */
  dropMarkers: string[];
  /** Whether to add the plan's marker. */
  addMarker: boolean;
}

/** Excel compares sheet, table and defined names without regard to case. */
export function sameName(a: string, b: string): boolean {
  return a.toLocaleUpperCase() === b.toLocaleUpperCase();
}

/**
 * Matches planned sheets to existing ones. A planned sheet whose name exists must be marked;
 * otherwise the sheet its kind's marker points at (renamed by the user, or in the other
 * language) is reused and renamed; otherwise a new sheet is added.
 *
 * @throws PerfError `sheet_is_user_data` naming every unmarked sheet in the way, or
 * `table_name_taken` for a planned table whose name a kept sheet's table already has.
 */
export function planTargets(plan: WorkbookPlan, workbook: ExistingWorkbook): SheetTarget[] {
  checkPlanNames(plan);
  const markers = workbook.names
    .filter((n) => isMarkerName(n.name))
    .map((n) => ({ name: n.name, sheet: existingSheet(workbook, sheetOfMarkerRef(n.formula)) }));
  const isMarked = (sheet: string) => markers.some((m) => m.sheet !== undefined && sameName(m.sheet, sheet));
  const planned = (sheet: string) => plan.sheets.some((p) => sameName(p.name, sheet));

  const userSheets: string[] = [];
  const claimed: string[] = [];
  const targets = plan.sheets.map((sheet): SheetTarget => {
    let existing = existingSheet(workbook, sheet.name);
    if (existing !== undefined && !isMarked(existing)) userSheets.push(existing);
    if (existing === undefined) {
      const marker = markers.find((m) => sameName(m.name, markerName(sheet.kind)));
      const moved = marker?.sheet;
      if (moved !== undefined && !planned(moved) && !claimed.some((c) => sameName(c, moved)))
        existing = moved;
    }
    if (existing !== undefined) claimed.push(existing);
    const wanted = sheet.generated ? markerName(sheet.kind) : undefined;
    const pointsHere = (m: { sheet?: string }) =>
      existing !== undefined && m.sheet !== undefined && sameName(m.sheet, existing);
    const dropMarkers = markers
      .filter((m) => (wanted !== undefined && sameName(m.name, wanted) ? !pointsHere(m) : pointsHere(m)))
      .map((m) => m.name);
    const keeps = wanted !== undefined && markers.some((m) => sameName(m.name, wanted) && pointsHere(m));
    return { plan: sheet, existing, dropMarkers, addMarker: wanted !== undefined && !keeps };
  });

  if (userSheets.length > 0) {
    const list = userSheets.map((s) => `“${s}”`).join(", ");
    throw valueError(
      "sheet_is_user_data",
      `The workbook already has ${userSheets.length === 1 ? "a sheet" : "sheets"} named ${list} without the PerfSheet ` +
        `marker, so ${userSheets.length === 1 ? "it is" : "they are"} your data and nothing was written. ` +
        `Rename or move ${userSheets.length === 1 ? "it" : "them"}, then try again.`,
      { sheet: userSheets.join(", ") },
    );
  }
  checkTableNames(plan, workbook, claimed);
  return targets;
}

function existingSheet(workbook: ExistingWorkbook, name: string | undefined): string | undefined {
  return name === undefined ? undefined : workbook.sheets.find((s) => sameName(s, name));
}

/** A plan must not name two sheets, two tables or two markers alike (a bug in the plan, not user data). */
function checkPlanNames(plan: WorkbookPlan): void {
  const seen = (names: string[]) => names.find((n, i) => names.findIndex((m) => sameName(m, n)) !== i);
  const sheet = seen(plan.sheets.map((s) => s.name));
  const marker = seen(plan.sheets.filter((s) => s.generated).map((s) => markerName(s.kind)));
  const table = seen(plan.sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name)));
  const dup = sheet ?? marker ?? table;
  if (dup !== undefined) throw new Error(`the plan names "${dup}" twice`);
}

/** Tables on sheets that stay must not already use a planned table's name. */
function checkTableNames(plan: WorkbookPlan, workbook: ExistingWorkbook, cleared: string[]): void {
  for (const table of plan.sheets.flatMap((s) => s.tables ?? [])) {
    const clash = workbook.tables.find(
      (t) => sameName(t.name, table.name) && !cleared.some((c) => sameName(c, t.sheet)),
    );
    if (clash) {
      throw valueError(
        "table_name_taken",
        `A table named “${clash.name}” already exists on sheet “${clash.sheet}”; nothing was written. ` +
          `Rename that table, then try again.`,
        { table: clash.name, sheet: clash.sheet },
      );
    }
  }
}
