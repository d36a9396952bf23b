import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { UiText } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ExcelToolbarProps {
  t: UiText;
  busy: boolean;
  onCheck(): void;
  onGenerate(): void;
}

/** Inside Excel: check the open workbook, or run the whole cycle into it. */
export function ExcelToolbar({ t, busy, onCheck, onGenerate }: ExcelToolbarProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Button appearance="primary" disabled={busy} onClick={onGenerate} title={t("generateExcelHint")}>
        {t("generate")}
      </Button>
      <Button disabled={busy} onClick={onCheck}>
        {t("checkWorkbook")}
      </Button>
    </div>
  );
}
