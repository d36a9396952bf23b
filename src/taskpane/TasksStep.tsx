import * as React from "react";
import { Body1, Button, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { stageProblems, taskCounts } from "./cycle-view";
import { FigureList } from "./FigureList";
import { ProblemList } from "./ProblemList";
import { RunNeeded } from "./RunNeeded";
import { StepActions } from "./StepActions";
import { StepSection } from "./StepSection";
import type { StepProps } from "./step-props";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export interface TasksStepProps extends StepProps {
  onWrite?(): void;
}

/** Tasks: how the allocation came out — assigned, over capacity, unassigned (and why), at risk. */
export function TasksStep({ t, lang, mode, busy, analysis, onSelectCell, onWrite }: TasksStepProps) {
  const styles = useStyles();
  const run = analysis?.run;
  const counts = run ? taskCounts(run.tasks, lang) : null;
  const problems = analysis ? stageProblems(analysis.problems, "tasks") : [];
  return (
    <StepSection id="step-tasks" title={t("step_tasks")} intro={t("stepIntro_tasks")}>
      <RunNeeded analysis={analysis} t={t} />
      {run && !counts && <Body1>{t("noPeriod")}</Body1>}
      {counts && (
        <FigureList
          figures={[
            { label: t("tasksTotal"), value: counts.total },
            { label: t("tasksAssigned"), value: counts.assigned },
            { label: t("tasksOverCapacity"), value: counts.overCapacity, alert: counts.overCapacity > 0 },
            { label: t("tasksUnassigned"), value: counts.unassigned, alert: counts.unassigned > 0 },
            { label: t("tasksAtRisk"), value: counts.atRisk, alert: counts.atRisk > 0 },
          ]}
        />
      )}
      {counts && counts.unassignedWhy.length > 0 && (
        <>
          <Subtitle2 as="h3">{t("unassignedWhy")}</Subtitle2>
          <ul className={styles.list}>
            {counts.unassignedWhy.map((u) => (
              <li key={u.taskId}>
                <Body1>{u.message}</Body1>
              </li>
            ))}
          </ul>
        </>
      )}
      {problems.length > 0 && <ProblemList problems={problems} t={t} onSelect={onSelectCell} />}
      {mode === "excel" && onWrite && (
        <StepActions>
          <Button appearance="primary" disabled={busy || !counts} onClick={onWrite}>
            {t("writeTasks")}
          </Button>
        </StepActions>
      )}
    </StepSection>
  );
}
