import * as React from "react";
import {
  Button,
  Field,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from "@fluentui/react-components";
import { labels } from "../workbook/report/labels";
import { RunNeeded } from "./RunNeeded";
import { StepActions } from "./StepActions";
import { StepSection } from "./StepSection";
import type { StepProps } from "./step-props";

const useStyles = makeStyles({
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  numberHeader: { "& > *": { justifyContent: "flex-end", width: "100%" } },
});

export interface EvaluateStepProps extends StepProps {
  /** Writes one person's review form (Excel) or downloads that person's file (file mode). */
  onReview(employeeId: string): void;
  /** Writes the scorecard and every review form (Excel). */
  onWriteAll?(): void;
}

/** Evaluate: how the grades came out, and the review forms — one person's or everyone's. */
export function EvaluateStep({ t, lang, mode, busy, analysis, onReview, onWriteAll }: EvaluateStepProps) {
  const styles = useStyles();
  const run = analysis?.run;
  const employees = run?.result.employees ?? [];
  const [chosen, setChosen] = React.useState<string>("");
  const selected = employees.some((e) => e.id === chosen) ? chosen : (employees[0]?.id ?? "");
  const word = labels(lang);
  return (
    <StepSection id="step-evaluate" title={t("step_evaluate")} intro={t("stepIntro_evaluate")}>
      <RunNeeded analysis={analysis} t={t} />
      {run && (
        <Table size="small" aria-label={t("gradeDistribution")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{word("grade")}</TableHeaderCell>
              <TableHeaderCell className={styles.numberHeader}>{word("count")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {run.result.incentives.byGrade.map((g) => (
              <TableRow key={g.grade}>
                <TableCell>{g.grade}</TableCell>
                <TableCell className={styles.number}>{g.count}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {run && (
        <Field label={t("reviewOf")}>
          <Select value={selected} onChange={(_, d) => setChosen(d.value)}>
            {employees.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name} ({e.id}){e.grade ? ` · ${e.grade}` : ""}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <StepActions>
        <Button appearance="primary" disabled={busy || !run || !selected} onClick={() => onReview(selected)}>
          {t(mode === "excel" ? "writeOneReview" : "downloadOneReview")}
        </Button>
        {mode === "excel" && onWriteAll && (
          <Button disabled={busy || !run} onClick={onWriteAll}>
            {t("writeAllReviews")}
          </Button>
        )}
      </StepActions>
    </StepSection>
  );
}
