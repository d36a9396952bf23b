/**
 * Named cell styles used by sheet plans. Hosts translate each into their own API
 * (exceljs style objects, office-js range.format), so a plan says "score" and every
 * host shows one decimal the same way.
 */

export interface CellStyle {
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string; // font colour, RRGGBB
  fill?: string; // background, RRGGBB
  align?: "left" | "center" | "right";
  valign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  border?: boolean;
}

const BRAND = "1F4E79";

export const STYLES = {
  title: { bold: true, size: 16, color: BRAND },
  subtitle: { italic: true, color: "595959" },
  header: {
    bold: true,
    color: "FFFFFF",
    fill: BRAND,
    align: "center",
    valign: "middle",
    wrap: true,
    border: true,
  },
  /** Header of an optional input column: lighter than a required one's. */
  headerOptional: {
    bold: true,
    color: "FFFFFF",
    fill: "5B87B5",
    align: "center",
    valign: "middle",
    wrap: true,
    border: true,
  },
  heading: { bold: true, size: 12, color: BRAND },
  label: { bold: true, color: "404040" },
  text: {},
  wrap: { wrap: true, valign: "top" },
  id: { align: "left" },
  integer: { numFmt: "0" },
  number: { numFmt: "#,##0.00" },
  score: { numFmt: "0.0" },
  percent: { numFmt: "0%" },
  percent1: { numFmt: "0.0%" },
  currency: { numFmt: "#,##0.00" },
  date: { numFmt: "yyyy-mm-dd" },
  input: { fill: "FFF2CC", border: true },
  inputWrap: { fill: "FFF2CC", border: true, wrap: true, valign: "top" },
  good: { color: "006100", fill: "C6EFCE" },
  bad: { color: "9C0006", fill: "FFC7CE" },
  warn: { color: "9C5700", fill: "FFEB9C" },
  note: { italic: true, color: "7F7F7F", wrap: true },
  total: { bold: true, border: true },
} satisfies Record<string, CellStyle>;

export type StyleName = keyof typeof STYLES;

/** Grade colours used by conditional formats and charts. */
export const GRADE_COLORS: Record<string, string> = {
  S: "2E7D32",
  A: "66BB6A",
  B: "42A5F5",
  C: "FFA726",
  D: "EF5350",
};
