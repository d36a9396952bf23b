/**
 * Native forms of the functions that fold ranges into one number: WEIGHTED, FEEDBACK,
 * COMPLETION; and of the row-wise FINAL and QUADRANT. Each mirrors its JS definition in
 * functions/defs (skipped rows, #VALUE! for bad cells before #N/A for missing ones) and
 * core's arithmetic order.
 */
import { parseDirection } from "../../core/scoring";
import { DEFAULTS } from "../../core/settings-defaults";
import { parseGroupWeights } from "../../core/tables";
import { Direction, RELATIONSHIPS } from "../../core/vocabulary";
import type { NativeCall, NativeFormula } from "../types";
import {
  elementOf,
  Guards,
  ifThen,
  NA_ERROR,
  not,
  num,
  numberArg,
  numberOr,
  readOperand,
  VALUE_ERROR,
} from "./operands";
import { cellCount, hasNonNumber, rangeOperand } from "./ranges";
import { readTable } from "./tables";
import { isWord } from "./words";

const errorFormula = (error: string): NativeFormula => ({ formula: error });

/** `WEIGHTED(scores, weights)`: Σ w·s / Σ w over rows not blank on both sides. */
export function nativeWeighted(call: NativeCall): NativeFormula {
  const s = rangeOperand(readOperand(call.args[0]), "WEIGHTED", "scores");
  const w = rangeOperand(readOperand(call.args[1]), "WEIGHTED", "weights");
  if (cellCount(s) !== cellCount(w)) return errorFormula(VALUE_ERROR);
  const [S, W] = [s.text, w.text];
  const guards = new Guards()
    .add(`OR(${hasNonNumber(S)},${hasNonNumber(W)})`)
    .add(`SUMPRODUCT((${S}="")*(${W}<>"")+(${S}<>"")*(${W}=""))>0`, NA_ERROR)
    .add(`SUMPRODUCT((${S}<>"")*(${W}<>""))=0`, NA_ERROR)
    .add(`SUMPRODUCT(--(${W}<0))>0`)
    .add(`SUM(${W})=0`);
  return { formula: guards.wrap(`SUMPRODUCT(${S},${W})/SUM(${W})`) };
}

/** A relationship's weight from a range table at recalculation time, as a fraction. */
function rangeGroupWeight(keys: string, values: string, relationship: string): string {
  const typed = `SUMPRODUCT(${isWord(keys, relationship)}*${values})`;
  return `IF(${typed}>1,${typed}/100,${typed})`;
}

/**
 * `FEEDBACK(scores, relationships, [group_weights], [scale])`: per relationship the mean of
 * the rated rows, weighted over the groups present (RELATIONSHIPS order, as core adds them),
 * × 100 / scale.
 */
export function nativeFeedback(call: NativeCall): NativeFormula {
  const s = rangeOperand(readOperand(call.args[0]), "FEEDBACK", "scores");
  const r = rangeOperand(readOperand(call.args[1]), "FEEDBACK", "relationships");
  const weightsOp = readOperand(call.args[2]);
  const scale = numberArg(readOperand(call.args[3]));
  const table =
    weightsOp.kind === "ref" ? readTable(weightsOp, "group_weights", DEFAULTS.groupWeights) : undefined;
  let literal: Record<string, number> | undefined;
  if (!table) {
    if (weightsOp.kind !== "omitted" && weightsOp.kind !== "text") {
      throw new Error("FEEDBACK: the native form needs group_weights as literal text or a 2-column range");
    }
    try {
      literal = parseGroupWeights(weightsOp.kind === "text" ? weightsOp.value : DEFAULTS.groupWeights);
    } catch {
      return errorFormula(VALUE_ERROR);
    }
  }
  if (cellCount(s) !== cellCount(r)) return errorFormula(VALUE_ERROR);
  const [S, R] = [s.text, r.text];
  const scaleExpr = numberOr(scale, DEFAULTS.ratingScale);
  const rated = `(${S}<>"")`;
  const known = RELATIONSHIPS.map((g) => isWord(R, g)).join("+");
  const guards = new Guards()
    .add(scale.bad)
    .add(hasNonNumber(S))
    .add(`SUMPRODUCT(${rated}*(1-(${known})))>0`)
    .add(`NOT(${scaleExpr}>0)`)
    .add(`SUMPRODUCT(${rated}*((${S}<1)+(${S}>${scaleExpr})))>0`);
  // Helper cells keep the formula within Excel's length limit: {h0} = Σ weights of the groups
  // present, {h1} = Σ weight × group mean. An absent group adds exactly 0 to both, as
  // skipping it does in core (its mean is taken over MAX(count, 1) only to avoid ÷0).
  const weights: string[] = [];
  const weighted: string[] = [];
  for (const g of RELATIONSHIPS) {
    const weight =
      literal !== undefined
        ? num(literal[g])
        : table?.kind === "range"
          ? rangeGroupWeight(table.keys, table.values, g)
          : "0";
    if (weight === "0") continue;
    const count = `SUMPRODUCT(${rated}*${isWord(R, g)})`;
    const sum = `SUMPRODUCT(${rated}*${isWord(R, g)}*${S})`;
    weights.push(`${weight}*(${count}>0)`);
    weighted.push(`${weight}*(${sum}/MAX(${count},1))`);
  }
  if (weights.length === 0) return { formula: guards.wrap(NA_ERROR) };
  const body = `IF({h0}=0,${NA_ERROR},(100*{h1})/{h0}/${scaleExpr})`;
  return { formula: guards.wrap(body), helpers: [weights.join("+"), weighted.join("+")] };
}

/** A typed weight as a fraction: toFraction (40 → 0.4) at recalculation time. */
function fraction(expr: string): string {
  return /^[+-]?\d*\.?\d+(E[+-]?\d+)?$/.test(expr)
    ? num(Number(expr) > 1 ? Number(expr) / 100 : Number(expr))
    : `IF(${expr}>1,${expr}/100,${expr})`;
}

/**
 * `FINAL(kpi_score, feedback_score, [kpi_weight], [feedback_weight])`: ROUND((kw·k + fw·f) /
 * (kw + fw), 2); a blank feedback score gives ROUND(k, 2). One weight given: the other is
 * its complement.
 */
export function nativeFinal(call: NativeCall): NativeFormula {
  const [k, f, kw, fw] = [0, 1, 2, 3].map((i) => numberArg(readOperand(call.args[i])));
  const kwFraction = fraction(kw.expr);
  const fwFraction = fraction(fw.expr);
  const kwExpr = ifThen(kw.given, kwFraction, ifThen(fw.given, `(1-${fwFraction})`, num(DEFAULTS.kpiWeight)));
  const fwExpr = ifThen(
    fw.given,
    fwFraction,
    ifThen(kw.given, `(1-${kwFraction})`, num(DEFAULTS.feedbackWeight)),
  );
  const guards = new Guards().add(k.bad).add(not(k.given), NA_ERROR).add(f.bad).add(kw.bad).add(fw.bad);
  const weightedScore = `ROUND((${kwExpr}*${k.expr}+${fwExpr}*${f.expr})/(${kwExpr}+${fwExpr}),2)`;
  const checked = new Guards()
    .add(`OR(${kwExpr}<0,${fwExpr}<0)`)
    .add(`(${kwExpr}+${fwExpr})=0`)
    .wrap(weightedScore);
  return { formula: guards.wrap(ifThen(f.given, checked, `ROUND(${k.expr},2)`)) };
}

/** `QUADRANT(importance, urgency, [important_min], [urgent_min])`: "Q1".."Q4"; ranges element-wise. */
export function nativeQuadrant(call: NativeCall): NativeFormula {
  const [i, u, im, um] = [0, 1, 2, 3].map((k) => numberArg(elementOf(readOperand(call.args[k]), call.row)));
  const imExpr = numberOr(im, DEFAULTS.importantMin);
  const umExpr = numberOr(um, DEFAULTS.urgentMin);
  const guards = new Guards()
    .add(im.bad)
    .add(um.bad)
    .add(i.bad)
    .add(u.bad)
    .add(not(i.given), NA_ERROR)
    .add(not(u.given), NA_ERROR);
  const important = `${i.expr}>=${imExpr}`;
  const urgent = `${u.expr}>=${umExpr}`;
  return {
    formula: guards.wrap(`IF(${important},IF(${urgent},"Q1","Q2"),IF(${urgent},"Q3","Q4"))`),
  };
}

/**
 * `COMPLETION(actuals, targets, [directions])`: the share met (higher and binary a ≥ T, lower
 * a ≤ T) among rows with a target; a blank actual is not met. Directions: omitted (higher),
 * one literal word, one cell, or a range with a word per row (blank = higher).
 */
export function nativeCompletion(call: NativeCall): NativeFormula {
  const a = rangeOperand(readOperand(call.args[0]), "COMPLETION", "actuals");
  const t = rangeOperand(readOperand(call.args[1]), "COMPLETION", "targets");
  const d = readOperand(call.args[2]);
  const n = cellCount(t);
  if (cellCount(a) !== n) return errorFormula(VALUE_ERROR);
  const [A, T] = [a.text, t.text];
  const counted = `(${T}<>"")`;
  const guards = new Guards()
    .add(hasNonNumber(T))
    .add(`SUMPRODUCT(${counted}*(${A}<>"")*(1-ISNUMBER(${A})))>0`);
  const higherMet = `(${A}>=${T})`;
  const lowerMet = `(${A}<=${T})`;
  let met: string;
  if (d.kind === "omitted" || d.kind === "text") {
    let direction: Direction = "higher";
    try {
      direction = parseDirection(d.kind === "text" ? d.value : null);
    } catch {
      guards.add(`SUMPRODUCT(--${counted})>0`);
    }
    met = direction === "lower" ? lowerMet : higherMet;
  } else if (d.kind === "ref") {
    if (cellCount(d) !== 1 && cellCount(d) !== n) return errorFormula(VALUE_ERROR);
    const D = d.text;
    const recognised = `(TRIM(${D})="")+${isWord(D, "higher")}+${isWord(D, "lower")}+${isWord(D, "binary")}`;
    guards.add(`SUMPRODUCT(${counted}*((${recognised})=0))>0`);
    met = `(${isWord(D, "lower")}*${lowerMet}+(1-${isWord(D, "lower")})*${higherMet})`;
  } else {
    throw new Error("COMPLETION: the native form needs directions as a word or a range");
  }
  guards.add(`SUMPRODUCT(--${counted})=0`, NA_ERROR);
  return { formula: guards.wrap(`SUMPRODUCT(${counted}*(${A}<>"")*${met})/SUMPRODUCT(--${counted})`) };
}
