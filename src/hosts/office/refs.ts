/** A1 references as the Office host writes and reads them. Pure. */
import { cellAddress } from "../../workbook/a1";

/**
 * A1 text of a rectangle (1-based, inclusive).
 *
 * @example rectText({ top: 2, left: 1, bottom: 9, right: 3 }) // "A2:C9"
 */
export function rectText(rect: { top: number; left: number; bottom: number; right: number }): string {
  const from = cellAddress(rect.top, rect.left);
  const to = cellAddress(rect.bottom, rect.right);
  return from === to ? from : `${from}:${to}`;
}

/**
 * The sheet (unquoted) and address (without `$`) of a reference; no `!` gives no sheet.
 *
 * @example splitSheetRef("'Score card'!$B$2:$B$9") // { sheet: "Score card", address: "B2:B9" }
 */
export function splitSheetRef(ref: string): { sheet?: string; address: string } {
  const text = ref.trim().replace(/^=/, "");
  const bang = text.lastIndexOf("!");
  const address = text.slice(bang + 1).replace(/\$/g, "");
  if (bang < 0) return { address };
  const sheet = text.slice(0, bang);
  const quoted = /^'(.*)'$/.exec(sheet);
  return { sheet: quoted ? quoted[1].replace(/''/g, "'") : sheet, address };
}
