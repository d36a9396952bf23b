/**
 * List validations in files. A list Excel accepts inline (`"a,b,c"`) is written so; longer
 * lists, or lists with commas or quotes, go to a hidden, marked sheet, one column per list, and
 * the validation refers to that column. Both file renderers put that sheet after the plan's
 * own sheets: the exceljs one finds the plan's lists first (`withListsSheet`), the streaming
 * one collects them as it writes the sheets one at a time.
 */
import { columnLetters } from "../../workbook/a1";
import type { SheetPlan, WorkbookPlan } from "../../workbook/plan";

/** Name of the hidden sheet holding list-validation values too long for an inline list. */
export const LISTS_SHEET = "PerfSheetLists";

/** Excel refuses an inline list formula longer than 255 characters. */
const INLINE_LIST_LIMIT = 255;

/** `"a,b,c"` when Excel accepts the list inline, else undefined. */
export function inlineList(values: string[]): string | undefined {
  if (values.some((v) => v.includes(",") || v.includes('"'))) return undefined;
  const formula = `"${values.join(",")}"`;
  return formula.length < INLINE_LIST_LIMIT ? formula : undefined;
}

/** The lists sheet being planned: a column per distinct list. */
export class ListsSheet {
  private readonly columns = new Map<string, string>();
  private readonly values: string[][] = [];

  /** The absolute range of the column holding `values` (added on first use). */
  rangeFor(values: string[]): string {
    const key = JSON.stringify(values);
    let ref = this.columns.get(key);
    if (ref === undefined) {
      const letter = columnLetters(this.values.length + 1);
      ref = `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${Math.max(values.length, 1)}`;
      this.values.push(values);
      this.columns.set(key, ref);
    }
    return ref;
  }

  /** The formula a list validation gets: inline, or the range of its column. */
  formulaFor(values: string[]): string {
    return inlineList(values) ?? this.rangeFor(values);
  }

  get needed(): boolean {
    return this.values.length > 0;
  }

  plan(): SheetPlan {
    const height = Math.max(...this.values.map((v) => v.length));
    const rows = Array.from({ length: height }, (_, i) => this.values.map((v) => v[i] ?? null));
    return { name: LISTS_SHEET, kind: "lists", generated: true, hidden: true, blocks: [{ at: "A1", rows }] };
  }
}

/** The plan's sheets followed by the lists sheet when a validation needs it, and the lists. */
export function withListsSheet(plan: WorkbookPlan): { sheets: SheetPlan[]; lists: ListsSheet } {
  const lists = new ListsSheet();
  for (const sheet of plan.sheets)
    for (const dv of sheet.dataValidations ?? []) if (dv.type === "list") lists.formulaFor(dv.values);
  return { sheets: lists.needed ? [...plan.sheets, lists.plan()] : plan.sheets, lists };
}
