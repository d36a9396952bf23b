import * as React from "react";
import { Body1, Button, Caption1, Label, Link, makeStyles, tokens, useId } from "@fluentui/react-components";
import type { UiText } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  input: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    maxWidth: "100%",
    "::file-selector-button": {
      marginRight: tokens.spacingHorizontalS,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      borderRadius: tokens.borderRadiusMedium,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorNeutralForeground1,
      fontFamily: tokens.fontFamilyBase,
      cursor: "pointer",
    },
  },
  hint: { color: tokens.colorNeutralForeground3 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "center" },
});

export interface FilePanelProps {
  t: UiText;
  busy: boolean;
  /** Name of the chosen workbook, null before one is chosen. */
  fileName: string | null;
  onChoose(file: File): void;
  onGenerate(): void;
  onDownloadTemplate(withSample: boolean): void;
}

/** Outside Office: choose the input workbook, Generate, and the template for a first start. */
export function FilePanel({ t, busy, fileName, onChoose, onGenerate, onDownloadTemplate }: FilePanelProps) {
  const styles = useStyles();
  const inputId = useId("workbook-file");
  const hintId = useId("workbook-hint");
  return (
    <div className={styles.root}>
      <Label htmlFor={inputId} weight="semibold">
        {t("chooseFile")}
      </Label>
      <input
        id={inputId}
        className={styles.input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby={hintId}
        disabled={busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onChoose(file);
        }}
      />
      <Caption1 id={hintId} className={styles.hint}>
        {t("chooseFileHint")}
      </Caption1>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={busy || !fileName}
          onClick={onGenerate}
          title={t("generateHint")}
        >
          {t("generate")}
        </Button>
        {!fileName && <Body1 className={styles.hint}>{t("noFileYet")}</Body1>}
      </div>
      <Caption1 className={styles.hint}>{t("newUserHint")}</Caption1>
      <div className={styles.row}>
        <Link as="button" disabled={busy} onClick={() => onDownloadTemplate(true)}>
          {t("downloadSample")}
        </Link>
        <Link as="button" disabled={busy} onClick={() => onDownloadTemplate(false)}>
          {t("downloadTemplate")}
        </Link>
      </div>
    </div>
  );
}
