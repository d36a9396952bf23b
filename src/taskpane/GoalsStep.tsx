import * as React from "react";
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { goalCounts, stageProblems } from "./cycle-view";
import { FigureList } from "./FigureList";
import { ProblemList } from "./ProblemList";
import { RunNeeded } from "./RunNeeded";
import { StepActions } from "./StepActions";
import { StepSection } from "./StepSection";
import type { StepProps } from "./step-props";

export interface GoalsStepProps extends StepProps {
  onWrite?(): void;
}

/** Goals: the cascade's size and its checks (shares, weights, unknown ids) on the goal sheets. */
export function GoalsStep({ t, mode, busy, analysis, onSelectCell, onWrite }: GoalsStepProps) {
  const problems = analysis ? stageProblems(analysis.problems, "goals") : [];
  const run = analysis?.run;
  const counts = run ? goalCounts(run) : undefined;
  return (
    <StepSection id="step-goals" title={t("step_goals")} intro={t("stepIntro_goals")}>
      <RunNeeded analysis={analysis} t={t} />
      {counts && (
        <FigureList
          figures={[
            { label: t("strategyGoals"), value: counts.strategyGoals },
            { label: t("kpis"), value: counts.kpis },
            { label: t("positions"), value: counts.positions },
            { label: t("employees"), value: counts.employees },
            { label: t("scorecardLines"), value: counts.scorecardLines },
          ]}
        />
      )}
      {analysis &&
        (problems.length > 0 ? (
          <ProblemList problems={problems} t={t} onSelect={onSelectCell} />
        ) : (
          <MessageBar intent="success">
            <MessageBarBody>{t("goalChecksPassed")}</MessageBarBody>
          </MessageBar>
        ))}
      {mode === "excel" && onWrite && (
        <StepActions>
          <Button appearance="primary" disabled={busy || !run} onClick={onWrite}>
            {t("writeGoals")}
          </Button>
        </StepActions>
      )}
    </StepSection>
  );
}
