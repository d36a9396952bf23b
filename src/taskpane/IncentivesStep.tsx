import * as React from "react";
import {
  Body1,
  Button,
  Field,
  Input,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { labels } from "../workbook/report/labels";
import {
  incentiveSettings,
  stageProblems,
  type IncentivePreview,
  type IncentiveSettings,
} from "./cycle-view";
import { ProblemList } from "./ProblemList";
import { RunNeeded } from "./RunNeeded";
import { coefficientsText } from "./settings-edits";
import { StepActions } from "./StepActions";
import { StepSection } from "./StepSection";
import type { StepProps } from "./step-props";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(72px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  field: { minWidth: 0 },
  input: { minWidth: 0, width: "100%" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  numberHeader: { "& > *": { justifyContent: "flex-end", width: "100%" } },
  changed: { fontWeight: tokens.fontWeightSemibold },
});

export interface IncentivesStepProps extends StepProps {
  /** The incentives with these settings (key → text), computed without writing anything. */
  preview(values: Record<string, string>): IncentivePreview;
  /** Writes the settings to the Settings sheet (Excel) or into the chosen file. */
  onSaveSettings(values: Record<string, string>): void;
  /** Writes the Incentives sheet (Excel). */
  onWrite?(): void;
}

/** The settings as a run reads them: the pool and the coefficients table. */
export function settingValues(edit: IncentiveSettings): Record<string, string> {
  return { bonus_pool: edit.pool.trim(), coefficients: coefficientsText(edit.coefficients) };
}

/** Incentives: edit the pool and coefficients, preview the totals by grade, then write. */
export function IncentivesStep(props: IncentivesStepProps) {
  const { t, lang, mode, busy, analysis, onSelectCell, preview, onSaveSettings, onWrite } = props;
  const styles = useStyles();
  const run = analysis?.run;
  const initial = React.useMemo(() => (run ? incentiveSettings(run) : undefined), [run]);
  const [edit, setEdit] = React.useState<IncentiveSettings | undefined>(initial);
  React.useEffect(() => setEdit(initial), [initial]);

  const values = edit ? settingValues(edit) : undefined;
  const changed = !!(values && initial && JSON.stringify(values) !== JSON.stringify(settingValues(initial)));
  // Keyed on the values' text: the same edit is previewed once, however often the pane renders.
  const valuesKey = changed ? JSON.stringify(values) : "";
  const previewed = React.useMemo(
    () => (valuesKey ? preview(JSON.parse(valuesKey) as Record<string, string>) : undefined),
    [valuesKey, preview],
  );
  // Whole amounts without decimals, others with both (158,075.60, not 158,075.6).
  const money = {
    format: (x: number) =>
      x.toLocaleString(lang, {
        minimumFractionDigits: Number.isInteger(x) ? 0 : 2,
        maximumFractionDigits: 2,
      }),
  };
  const word = labels(lang);
  const problems = analysis ? stageProblems(analysis.problems, "incentives") : [];
  const now = run?.result.incentives;

  const setCoefficient = (grade: string, value: string) =>
    edit &&
    setEdit({ ...edit, coefficients: edit.coefficients.map(([g, v]) => [g, g === grade ? value : v]) });

  return (
    <StepSection id="step-incentives" title={t("step_incentives")} intro={t("stepIntro_incentives")}>
      <RunNeeded analysis={analysis} t={t} />
      {edit && (
        <>
          <Field label={t("bonusPool")}>
            <Input
              value={edit.pool}
              inputMode="decimal"
              onChange={(_, d) => setEdit({ ...edit, pool: d.value })}
            />
          </Field>
          <div className={styles.grid}>
            {edit.coefficients.map(([grade, value]) => (
              <Field key={grade} label={t("coefficientOf", { grade })} className={styles.field}>
                <Input
                  className={styles.input}
                  value={value}
                  inputMode="decimal"
                  onChange={(_, d) => setCoefficient(grade, d.value)}
                />
              </Field>
            ))}
          </div>
        </>
      )}
      {now && (
        <>
          <Subtitle2 as="h3">{t("previewTitle")}</Subtitle2>
          <Table size="small" aria-label={t("previewTitle")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{word("grade")}</TableHeaderCell>
                <TableHeaderCell className={styles.numberHeader}>{word("count")}</TableHeaderCell>
                <TableHeaderCell className={styles.numberHeader}>{t("now")}</TableHeaderCell>
                <TableHeaderCell className={styles.numberHeader}>{t("preview")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[
                ...now.byGrade,
                {
                  grade: word("total"),
                  count: now.byGrade.reduce((n, g) => n + g.count, 0),
                  bonus: now.allocated,
                },
              ].map((g, i) => {
                const after =
                  previewed?.ok === true
                    ? i < now.byGrade.length
                      ? previewed.byGrade.find((p) => p.grade === g.grade)?.bonus
                      : previewed.allocated
                    : undefined;
                return (
                  <TableRow key={g.grade}>
                    <TableCell>{g.grade}</TableCell>
                    <TableCell className={styles.number}>{g.count}</TableCell>
                    <TableCell className={styles.number}>{money.format(g.bonus)}</TableCell>
                    <TableCell className={styles.number}>
                      <span className={after !== undefined && after !== g.bonus ? styles.changed : undefined}>
                        {after === undefined ? "–" : money.format(after)}
                      </span>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          {!changed && <Body1>{t("unchanged")}</Body1>}
          {previewed?.ok === false && (
            <>
              <Body1>{t("previewBlocked")}</Body1>
              <ProblemList problems={previewed.problems} t={t} headingLevel="h4" />
            </>
          )}
        </>
      )}
      {problems.length > 0 && <ProblemList problems={problems} t={t} onSelect={onSelectCell} />}
      <StepActions>
        <Button
          appearance="primary"
          disabled={busy || !values || !changed || previewed?.ok !== true}
          onClick={() => values && onSaveSettings(values)}
        >
          {t(mode === "excel" ? "saveSettings" : "saveSettingsFile")}
        </Button>
        {mode === "excel" && onWrite && (
          <Button disabled={busy || !run || changed} onClick={onWrite}>
            {t("writeIncentives")}
          </Button>
        )}
      </StepActions>
    </StepSection>
  );
}
