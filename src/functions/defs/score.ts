import { missing } from "../../core/messages";
import { parseDirection, scoreKpi } from "../../core/scoring";
import { DEFAULTS } from "../../core/settings-defaults";
import type { PerfFunctionDef } from "../types";
import { cellNumber, elementwise, optionalNumber } from "./args";

/**
 * SCORE (SPEC §4, §9). Ranges of actuals/targets (and of directions, thresholds, stretches
 * of the same shape, or single values applying to every row) spill a score per cell. A
 * blank actual in a range gives #N/A in that cell only, like a lookup that found nothing,
 * so a column can be scored before all data is in.
 */
export const SCORE: PerfFunctionDef = {
  name: "SCORE",
  description: {
    en: "Scores a KPI: threshold gives 60, target 100, stretch the cap (120), linear in between, never below 0. Ranges spill one score per cell.",
    zh: "计算指标得分：门槛值得 60 分，目标值得 100 分，挑战值得上限分（120），其间线性，最低 0 分。传入区域时逐格输出得分。",
  },
  params: [
    {
      name: "actual",
      description: { en: "The actual value, or a range of them.", zh: "实际值，或实际值区域。" },
      range: true,
    },
    {
      name: "target",
      description: { en: "The target value, or a range of them.", zh: "目标值，或目标值区域。" },
      range: true,
    },
    {
      name: "direction",
      description: {
        en: "higher (default), lower or binary; also 正向, 反向, 是否.",
        zh: "正向（默认）、反向或是否；也可用 higher、lower、binary。",
      },
      optional: true,
      range: true,
    },
    {
      name: "threshold",
      description: { en: "The threshold value (scores 60).", zh: "门槛值（得 60 分）。" },
      optional: true,
      range: true,
    },
    {
      name: "stretch",
      description: { en: "The stretch value (scores the cap).", zh: "挑战值（得上限分）。" },
      optional: true,
      range: true,
    },
    {
      name: "cap",
      description: { en: "The highest score (default 120).", zh: "最高得分（默认 120）。" },
      optional: true,
    },
  ],
  spills: true,
  evaluate([actualArg, targetArg, directionArg, thresholdArg, stretchArg, capArg]) {
    const cap = optionalNumber(capArg, "cap", DEFAULTS.maxScore);
    return elementwise(
      [actualArg, targetArg, directionArg, thresholdArg, stretchArg],
      ["actual", "target", "direction", "threshold", "stretch"],
      ([actualCell, targetCell, directionCell, thresholdCell, stretchCell]) => {
        const direction = parseDirection(directionCell);
        const target = cellNumber(targetCell, "target");
        const threshold = cellNumber(thresholdCell, "threshold") ?? null;
        const stretch = cellNumber(stretchCell, "stretch") ?? null;
        const actual = cellNumber(actualCell, "actual");
        if (target === undefined) throw missing("missing_value", { what: "target" });
        if (actual === undefined) throw missing("missing_actual");
        return scoreKpi(actual, { target, direction, threshold, stretch, cap });
      },
    );
  },
};
