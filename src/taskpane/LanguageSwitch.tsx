import * as React from "react";
import { Select, makeStyles, tokens, useId } from "@fluentui/react-components";
import type { Lang } from "../workbook/schema";
import type { UiText } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexShrink: 0 },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, whiteSpace: "nowrap" },
});

export interface LanguageSwitchProps {
  lang: Lang;
  t: UiText;
  onChange(lang: Lang): void;
}

/** The pane's language, switchable at any time (each language names itself). */
export function LanguageSwitch({ lang, t, onChange }: LanguageSwitchProps) {
  const styles = useStyles();
  const id = useId("pane-language");
  return (
    <div className={styles.root}>
      <label htmlFor={id} className={styles.label}>
        {t("language")}
      </label>
      <Select id={id} size="small" value={lang} onChange={(_, d) => onChange(d.value as Lang)}>
        <option value="en-US" lang="en">
          English
        </option>
        <option value="zh-CN" lang="zh">
          中文
        </option>
      </Select>
    </div>
  );
}
