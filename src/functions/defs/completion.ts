import { completionRate } from "../../core/completion";
import { invalid, missing } from "../../core/messages";
import { parseDirection } from "../../core/scoring";
import type { Direction } from "../../core/vocabulary";
import type { PerfFunctionDef, Scalar } from "../types";
import { cellNumber, cellsOf, isOmitted, pairCells } from "./args";

/**
 * COMPLETION (SPEC §9): the share (0–1) of rows whose target is met. A row counts when it
 * has a target; its blank actual counts as not met. Rows without a target are skipped, so
 * the ranges may run past the data. `directions` is one direction for all rows or a range
 * parallel to the actuals (blank = higher).
 */
export const COMPLETION: PerfFunctionDef = {
  name: "COMPLETION",
  description: {
    en: "Share of rows whose target is met (higher: actual ≥ target, lower: actual ≤ target); a blank actual is not met.",
    zh: "达成目标的行所占比例（正向：实际值≥目标值，反向：实际值≤目标值）；实际值为空视为未达成。",
  },
  params: [
    { name: "actuals", description: { en: "The actual values.", zh: "实际值区域。" }, range: true },
    { name: "targets", description: { en: "The target values.", zh: "目标值区域。" }, range: true },
    {
      name: "directions",
      description: {
        en: "higher (default), lower or binary, for all rows or per row.",
        zh: "正向（默认）、反向或是否，可统一指定或逐行指定。",
      },
      optional: true,
      range: true,
    },
  ],
  spills: false,
  evaluate([actualsArg, targetsArg, directionsArg]) {
    const rows = pairCells(actualsArg, targetsArg, "COMPLETION");
    const directionCells: Scalar[] = isOmitted(directionsArg) ? [null] : cellsOf(directionsArg);
    if (directionCells.length !== 1 && directionCells.length !== rows.length) {
      throw invalid("length_mismatch", {
        what: "directions",
        left: rows.length,
        right: directionCells.length,
      });
    }
    const actuals: (number | null)[] = [];
    const targets: number[] = [];
    const directions: Direction[] = [];
    rows.forEach(([actualCell, targetCell], i) => {
      const target = cellNumber(targetCell, "target");
      if (target === undefined) return;
      targets.push(target);
      actuals.push(cellNumber(actualCell, "actual") ?? null);
      directions.push(parseDirection(directionCells.length === 1 ? directionCells[0] : directionCells[i]));
    });
    if (targets.length === 0) throw missing("no_rows", { what: "COMPLETION" });
    return completionRate(actuals, targets, directions);
  },
};
