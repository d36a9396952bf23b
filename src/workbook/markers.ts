/**
 * Generated sheets carry a marker so they can be regenerated; a sheet without one is the
 * user's and is never overwritten or deleted (SPEC §1, §8). The marker is a workbook-level
 * defined name `PerfSheet.<kind>` that refers to A1 of the sheet: it survives renaming the
 * sheet and saving by Excel or LibreOffice, and both hosts can read and write it.
 */

const PREFIX = "PerfSheet.";

/** `review:E-001` -> `PerfSheet.review_E_001` (defined names allow letters, digits, `_` and `.`). */
export function markerName(kind: string): string {
  return PREFIX + kind.replace(/[^\p{L}\p{N}_.]/gu, "_");
}

export function isMarkerName(name: string): boolean {
  return name.startsWith(PREFIX);
}

/** The marker of make-portable's helper sheet: users' own formulas use its cells. */
export const HELPER_MARKER = markerName("helpers");

/** A marker of a sheet the review run owns (all but the helper sheet, which a run keeps). */
export function isReportMarker(name: string): boolean {
  return isMarkerName(name) && name !== HELPER_MARKER;
}

/** The absolute reference a marker points at. */
export function markerRef(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!$A$1`;
}

/** Sheet name of a marker reference such as `'Scorecard'!$A$1` or `Scorecard!$A$1`. */
export function sheetOfMarkerRef(ref: string): string | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(ref.trim().replace(/^=/, ""));
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}
