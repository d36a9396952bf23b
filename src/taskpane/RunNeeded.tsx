import * as React from "react";
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import type { Analysis } from "./cycle-view";
import type { UiText } from "./strings";

const useStyles = makeStyles({
  note: { fontStyle: "italic", color: tokens.colorNeutralForeground3 },
});

/**
 * What a step shows before it has figures: ask for a check first, or point at the errors.
 * Nothing once the workbook has been checked and runs.
 */
export function RunNeeded({ analysis, t }: { analysis: Analysis | null; t: UiText }) {
  const styles = useStyles();
  if (analysis?.run) return null;
  return <Body1 className={styles.note}>{t(analysis ? "needsValidWorkbook" : "needsCheck")}</Body1>;
}
