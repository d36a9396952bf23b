import * as React from "react";
import { Body1, Button, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { labels } from "../workbook/report/labels";
import { RELATIONSHIP_LABEL } from "../workbook/report/monitor";
import type { Relationship } from "../core/vocabulary";
import { dataCompleteness, stageProblems } from "./cycle-view";
import { FigureList } from "./FigureList";
import { ProblemList } from "./ProblemList";
import { RunNeeded } from "./RunNeeded";
import { StepActions } from "./StepActions";
import { StepSection } from "./StepSection";
import type { StepProps } from "./step-props";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** People short of raters listed on the pane; the Monitor sheet lists everyone. */
const SHORT_SHOWN = 8;

export interface DataStepProps extends StepProps {
  onWrite?(): void;
}

/** Data: actuals present against expected, and who is short of 360° raters (as the Monitor counts). */
export function DataStep({ t, lang, mode, busy, analysis, onSelectCell, onWrite }: DataStepProps) {
  const styles = useStyles();
  const data = analysis ? dataCompleteness(analysis) : null;
  const problems = analysis ? stageProblems(analysis.problems, "data") : [];
  const word = labels(lang);
  const groupName = (g: string) => word(RELATIONSHIP_LABEL[g as Relationship] ?? "group");
  return (
    <StepSection id="step-data" title={t("step_data")} intro={t("stepIntro_data")}>
      <RunNeeded analysis={analysis} t={t} />
      {data && (
        <FigureList
          figures={[
            { label: t("actualsPresent"), value: `${data.actualsPresent}/${data.actualsExpected}` },
            { label: t("actualsComplete"), value: `${data.actualsComplete}/${data.employees}` },
            { label: t("feedbackSufficient"), value: `${data.feedbackSufficient}/${data.employees}` },
          ]}
        />
      )}
      {data && (
        <>
          <Subtitle2 as="h3">
            {t("shortRaters")} ({data.short.length})
          </Subtitle2>
          {data.short.length === 0 ? (
            <Body1>{t("shortRatersNone")}</Body1>
          ) : (
            <ul className={styles.list}>
              {data.short.slice(0, SHORT_SHOWN).map((s) => (
                <li key={s.employeeId}>
                  <Body1>
                    {s.name} ({s.employeeId}): {s.groups.map(groupName).join(", ")}
                  </Body1>
                </li>
              ))}
              {data.short.length > SHORT_SHOWN && <li>…</li>}
            </ul>
          )}
        </>
      )}
      {problems.length > 0 && <ProblemList problems={problems} t={t} onSelect={onSelectCell} />}
      {mode === "excel" && onWrite && (
        <StepActions>
          <Button appearance="primary" disabled={busy || !data} onClick={onWrite}>
            {t("writeMonitor")}
          </Button>
        </StepActions>
      )}
    </StepSection>
  );
}
