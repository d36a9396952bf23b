/**
 * The native-formula form of every PERF function (SPEC §9): classic Excel functions only, so
 * a workbook keeps working without the add-in. test/oracle/oracle.test.ts checks each against
 * the JS form through LibreOffice.
 */
import type { NativeBuilder, PerfFunctionName } from "../types";
import { nativeCompletion, nativeFeedback, nativeFinal, nativeQuadrant, nativeWeighted } from "./aggregates";
import { nativeDistribute, nativeGrade } from "./grading";
import { nativeAllocate, nativeBonus } from "./incentives";
import { nativeScore } from "./score";

export { cellOfRange } from "../../workbook/a1";

export const NATIVE: Record<PerfFunctionName, NativeBuilder> = {
  SCORE: nativeScore,
  WEIGHTED: nativeWeighted,
  FEEDBACK: nativeFeedback,
  FINAL: nativeFinal,
  GRADE: nativeGrade,
  DISTRIBUTE: nativeDistribute,
  BONUS: nativeBonus,
  ALLOCATE: nativeAllocate,
  QUADRANT: nativeQuadrant,
  COMPLETION: nativeCompletion,
};
