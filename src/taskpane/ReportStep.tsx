import * as React from "react";
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { stageProblems } from "./cycle-view";
import { ProblemList } from "./ProblemList";
import { RunNeeded } from "./RunNeeded";
import { StepActions } from "./StepActions";
import { StepSection } from "./StepSection";
import type { StepProps } from "./step-props";

const useStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface ReportStepProps extends StepProps {
  /** Writes the Dashboard and Analysis sheets (Excel). */
  onWrite?(): void;
  /** Downloads every employee's personal review file, zipped. */
  onExportPersonal(): void;
  /** Makes the workbook portable (in Excel in place; in file mode as a download). */
  onMakePortable(): void;
}

/** Report: dashboard and analysis, personal review files, a portable workbook. */
export function ReportStep(props: ReportStepProps) {
  const { t, mode, busy, analysis, onSelectCell, onWrite, onExportPersonal, onMakePortable } = props;
  const styles = useStyles();
  const run = analysis?.run;
  const problems = analysis ? stageProblems(analysis.problems, "report") : [];
  return (
    <StepSection id="step-report" title={t("step_report")} intro={t("stepIntro_report")}>
      <RunNeeded analysis={analysis} t={t} />
      {problems.length > 0 && <ProblemList problems={problems} t={t} onSelect={onSelectCell} />}
      <StepActions>
        {mode === "excel" && onWrite && (
          <Button appearance="primary" disabled={busy || !run} onClick={onWrite}>
            {t("writeReport")}
          </Button>
        )}
        <Button disabled={busy || !run} onClick={onExportPersonal}>
          {t("exportPersonal")}
        </Button>
      </StepActions>
      <Body1 className={styles.hint}>{t("exportPersonalHint")}</Body1>
      <StepActions>
        <Button disabled={busy} onClick={onMakePortable}>
          {t("makePortable")}
        </Button>
      </StepActions>
      <Body1 className={styles.hint}>{t("makePortableHint")}</Body1>
    </StepSection>
  );
}
