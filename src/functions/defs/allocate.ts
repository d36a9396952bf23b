import { allocatePool } from "../../core/incentives";
import { invalid } from "../../core/messages";
import { DEFAULTS } from "../../core/settings-defaults";
import type { PerfFunctionDef, Scalar } from "../types";
import {
  cellNumber,
  cellsOf,
  isOmitted,
  optionalNumber,
  requiredNumber,
  spillCells,
  spillLike,
} from "./args";

/**
 * ALLOCATE (SPEC §6 pool split, §9): one amount per cell of `raw`, in its shape, adding up
 * to the pool exactly. Blank raw cells take no part and show #N/A. `priority` runs parallel
 * to `raw` (e.g. the final scores); a blank priority ranks lowest.
 */
export const ALLOCATE: PerfFunctionDef = {
  name: "ALLOCATE",
  description: {
    en: "Shares a bonus pool in proportion to raw amounts, rounded so the shares add up to the pool exactly (largest remainder). Spills one amount per cell.",
    zh: "按原始金额比例分配奖金池，取整后总和恰好等于奖金池（最大余数法）。逐格输出金额。",
  },
  params: [
    { name: "pool", description: { en: "The bonus pool.", zh: "奖金池总额。" } },
    {
      name: "raw",
      description: { en: "Raw amounts (base × coefficient).", zh: "原始金额（基数×系数）区域。" },
      range: true,
    },
    {
      name: "rounding",
      description: { en: "Round to a multiple of this (default 0.01).", zh: "取整单位（默认 0.01）。" },
      optional: true,
    },
    {
      name: "priority",
      description: {
        en: "Who gets a leftover unit first on equal remainders (e.g. final scores); then earlier rows.",
        zh: "余数相同时优先获得剩余单位的依据（如总分）；再按行序。",
      },
      optional: true,
      range: true,
    },
  ],
  spills: true,
  evaluate([poolArg, rawArg, roundingArg, priorityArg]) {
    const pool = requiredNumber(poolArg, "pool");
    const rounding = optionalNumber(roundingArg, "rounding", DEFAULTS.rounding);
    const raws = spillCells(rawArg)
      .flat()
      .map((cell) => cellNumber(cell, "raw"));
    const priorityCells = isOmitted(priorityArg) ? undefined : cellsOf(priorityArg);
    if (priorityCells && priorityCells.length !== raws.length) {
      throw invalid("length_mismatch", { what: "priority", left: raws.length, right: priorityCells.length });
    }
    const counted = raws.flatMap((raw, index) => (raw === undefined ? [] : [{ index, raw }]));
    const priority = priorityCells?.length
      ? counted.map(({ index }) => cellNumber(priorityCells[index], "priority") ?? -Infinity)
      : undefined;
    const shares = allocatePool(
      pool,
      counted.map((c) => c.raw),
      rounding,
      priority,
    );
    const answers = new Map<number, Scalar>(counted.map((c, k) => [c.index, shares[k]]));
    return spillLike(rawArg, answers, "raw");
  },
};
