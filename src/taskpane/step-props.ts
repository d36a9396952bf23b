/** What every step component is given. */
import type { Lang } from "../workbook/schema";
import type { Analysis } from "./cycle-view";
import type { UiText } from "./strings";

export interface StepProps {
  t: UiText;
  lang: Lang;
  mode: "excel" | "file";
  /** A job is running: actions wait. */
  busy: boolean;
  /** The last check of the workbook, null before the first. */
  analysis: Analysis | null;
  /** Selects a problem's cell in Excel (Excel mode only). */
  onSelectCell?(sheet: string, cell: string): void;
}
