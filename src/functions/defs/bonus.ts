import { bonusFor, coefficientFor } from "../../core/incentives";
import { DEFAULTS } from "../../core/settings-defaults";
import type { PerfFunctionDef } from "../types";
import { optionalNumber, requiredNumber, requiredText, tableArg } from "./args";

/** BONUS (SPEC §6 without a pool, §9). */
export const BONUS: PerfFunctionDef = {
  name: "BONUS",
  description: {
    en: "Bonus without a pool: bonus base × the grade's coefficient, rounded to the rounding unit.",
    zh: "不设奖金池时的奖金：奖金基数×等级系数，按取整单位取整。",
  },
  params: [
    { name: "base", description: { en: "The bonus base.", zh: "奖金基数。" } },
    { name: "grade", description: { en: "The grade.", zh: "等级。" } },
    {
      name: "coefficients",
      description: {
        en: "Coefficient per grade, e.g. S:1.5,A:1.2,B:1.0,C:0.8,D:0 (the default), or a 2-column range.",
        zh: "各等级系数，如 S:1.5,A:1.2,B:1.0,C:0.8,D:0（默认），或两列区域。",
      },
      optional: true,
      range: true,
    },
    {
      name: "rounding",
      description: { en: "Round to a multiple of this (default 0.01).", zh: "取整单位（默认 0.01）。" },
      optional: true,
    },
  ],
  spills: false,
  evaluate([baseArg, gradeArg, coefficientsArg, roundingArg]) {
    const base = requiredNumber(baseArg, "base");
    const grade = requiredText(gradeArg, "grade");
    const coefficients = tableArg(coefficientsArg, "coefficients", DEFAULTS.coefficients);
    const rounding = optionalNumber(roundingArg, "rounding", DEFAULTS.rounding);
    return bonusFor(base, coefficientFor(grade, coefficients), rounding);
  },
};
