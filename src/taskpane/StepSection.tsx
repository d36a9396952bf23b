import * as React from "react";
import { Body1, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import type { Analysis } from "./cycle-view";
import type { UiText } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: { color: tokens.colorNeutralForeground2 },
  note: { fontStyle: "italic", color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface StepSectionProps {
  id: string;
  title: string;
  intro: string;
  children?: React.ReactNode;
}

/** A step's frame: its heading, what it is for, then its figures and actions. */
export function StepSection({ id, title, intro, children }: StepSectionProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby={`${id}-title`}>
      <Subtitle1 as="h2" id={`${id}-title`}>
        {title}
      </Subtitle1>
      <Body1 className={styles.intro}>{intro}</Body1>
      {children}
    </section>
  );
}

/** The buttons of a step, in one wrapping row. */
export function StepActions({ children }: { children?: React.ReactNode }) {
  const styles = useStyles();
  return <div className={styles.actions}>{children}</div>;
}

/**
 * What a step shows before it has figures: ask for a check first, or point at the errors.
 * Null when the workbook has been checked and runs.
 */
export function RunNeeded({ analysis, t }: { analysis: Analysis | null; t: UiText }) {
  const styles = useStyles();
  if (analysis?.run) return null;
  return <Body1 className={styles.note}>{t(analysis ? "needsValidWorkbook" : "needsCheck")}</Body1>;
}
