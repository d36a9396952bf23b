/**
 * PERF.SCORE natively (SPEC §4): the same curve as core/scoring.ts scoreKpi, written as
 * nested IFs with the same arithmetic in the same order, so both forms give the same double.
 * A literal direction is resolved at build time (every spelling the JS form accepts); a
 * direction in a cell is matched at recalculation time (see words.ts).
 */
import { parseDirection } from "../../core/scoring";
import { DEFAULTS } from "../../core/settings-defaults";
import { Direction } from "../../core/vocabulary";
import type { NativeCall, NativeFormula } from "../types";
import {
  allOf,
  anyOf,
  elementOf,
  Guards,
  NumberArg,
  ifThen,
  not,
  NA_ERROR,
  num,
  numberArg,
  numberOr,
  readOperand,
  textOf,
  VALUE_ERROR,
} from "./operands";
import { isWord } from "./words";

interface CurveExprs {
  a: string;
  t: string;
  h: NumberArg;
  s: NumberArg;
  cap: string;
}

/** The score for one non-binary direction, after validation (scoreKpi's branches). */
function directedScore(direction: "higher" | "lower", c: CurveExprs): string {
  const { a, t, h, s, cap } = c;
  const higher = direction === "higher";
  const beyond = higher ? `(${a}-${t})` : `(${t}-${a})`;
  const clamp = (x: string) => `MAX(0,MIN(${cap},${x}))`;
  const ratioLine = higher ? `(100*${a})/${t}` : `100*(2-${a}/${t})`;
  const ratio = `IF(${t}=0,IF(${beyond}=0,100,IF(${beyond}>0,${cap},0)),${clamp(ratioLine)})`;
  const fromThreshold = higher ? `(${a}-${h.expr})` : `(${h.expr}-${a})`;
  const ts = DEFAULTS.thresholdScore;
  const aboveTarget = ifThen(s.given, clamp(`100+((${cap}-100)*${beyond})/ABS(${s.expr}-${t})`), ratio);
  const belowTarget = ifThen(
    h.given,
    `IF(${fromThreshold}<0,0,${clamp(`${num(ts)}+(${num(100 - ts)}*${fromThreshold})/ABS(${t}-${h.expr})`)})`,
    ratio,
  );
  return `IF(${beyond}>=0,${aboveTarget},${belowTarget})`;
}

/** validateCurve's checks for a non-binary direction, as one condition. */
function curveInvalid(direction: "higher" | "lower", c: CurveExprs): string {
  const { t, h, s } = c;
  const worse = (x: string) => (direction === "higher" ? `${x}<${t}` : `${x}>${t}`);
  return anyOf([
    `${t}<0`,
    allOf([`${t}=0`, not(h.given)]),
    allOf([h.given, `NOT(${worse(h.expr)})`]),
    allOf([s.given, `OR(${worse(s.expr)},${s.expr}=${t})`]),
  ]);
}

function scoreFor(direction: Direction, c: CurveExprs): string {
  if (direction === "binary") return `IF(${c.a}>=${c.t},100,0)`;
  return ifThen(curveInvalid(direction, c), VALUE_ERROR, directedScore(direction, c));
}

/**
 * `SCORE(actual, target, [direction], [threshold], [stretch], [cap])`; range arguments are
 * read element-wise (the output row's cell of each range). Checks come in the JS form's
 * order: cap, direction, then non-numbers (#VALUE!), then blanks (#N/A), then the curve.
 */
export function nativeScore(call: NativeCall): NativeFormula {
  const [actualOp, targetOp, directionOp, thresholdOp, stretchOp, capOp] = [0, 1, 2, 3, 4, 5].map((k) =>
    elementOf(readOperand(call.args[k]), call.row),
  );
  const [actual, target, threshold, stretch, cap] = [actualOp, targetOp, thresholdOp, stretchOp, capOp].map(
    numberArg,
  );
  const guards = new Guards().add(cap.bad);
  let literalDirection: Direction | undefined;
  let body: string;
  const capExpr = numberOr(cap, DEFAULTS.maxScore);
  const c: CurveExprs = { a: actual.expr, t: target.expr, h: threshold, s: stretch, cap: capExpr };
  if (directionOp.kind === "omitted") literalDirection = "higher";
  else if (directionOp.kind === "text" || directionOp.kind === "number") {
    try {
      literalDirection = parseDirection(directionOp.kind === "text" ? directionOp.value : directionOp.value);
    } catch {
      guards.add("TRUE");
    }
  }
  if (literalDirection) {
    body = scoreFor(literalDirection, c);
  } else {
    const d = textOf(directionOp);
    const isHigher = `OR(TRIM(${d})="",${isWord(d, "higher")})`;
    guards.add(`NOT(OR(${isHigher},${isWord(d, "lower")},${isWord(d, "binary")}))`);
    body = `IF(${isHigher},${scoreFor("higher", c)},IF(${isWord(d, "lower")},${scoreFor("lower", c)},${scoreFor(
      "binary",
      c,
    )}))`;
  }
  guards
    .add(target.bad)
    .add(threshold.bad)
    .add(stretch.bad)
    .add(actual.bad)
    .add(not(target.given), NA_ERROR)
    .add(not(actual.given), NA_ERROR)
    .add(`${capExpr}<100`);
  return { formula: guards.wrap(body) };
}
