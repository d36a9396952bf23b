import * as React from "react";
import { Button, Checkbox, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../workbook/schema";
import { StepActions } from "./StepActions";
import { StepSection } from "./StepSection";
import type { StepProps } from "./step-props";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface SetupStepProps extends Pick<StepProps, "t" | "lang" | "mode" | "busy"> {
  onCreateTemplate(lang: Lang, withSample: boolean): void;
}

/** Setup: the input template in a chosen language, empty or with the sample department. */
export function SetupStep({ t, lang, mode, busy, onCreateTemplate }: SetupStepProps) {
  const styles = useStyles();
  const [templateLang, setTemplateLang] = React.useState<Lang>(lang);
  const [withSample, setWithSample] = React.useState(false);
  React.useEffect(() => setTemplateLang(lang), [lang]);
  return (
    <StepSection id="step-setup" title={t("step_setup")} intro={t("stepIntro_setup")}>
      <div className={styles.form}>
        <Field label={t("templateLanguage")}>
          <Select value={templateLang} onChange={(_, d) => setTemplateLang(d.value as Lang)}>
            <option value="zh-CN">{t("langChinese")}</option>
            <option value="en-US">{t("langEnglish")}</option>
          </Select>
        </Field>
        <Checkbox
          checked={withSample}
          onChange={(_, d) => setWithSample(d.checked === true)}
          label={t("withSample")}
        />
      </div>
      <StepActions>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => onCreateTemplate(templateLang, withSample)}
        >
          {t(mode === "excel" ? "createTemplate" : "createTemplateFile")}
        </Button>
      </StepActions>
    </StepSection>
  );
}
