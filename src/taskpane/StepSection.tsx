import * as React from "react";
import { Body1, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  // Headings inside a step are spaced by the step's gap, not by the browser's margins.
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    "& h3, & h4": { margin: 0 },
  },
  title: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
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
      <Subtitle1 as="h2" id={`${id}-title`} className={styles.title}>
        {title}
      </Subtitle1>
      <Body1 className={styles.intro}>{intro}</Body1>
      {children}
    </section>
  );
}
