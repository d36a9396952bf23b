import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  label: { color: tokens.colorNeutralForeground2 },
  value: {
    margin: 0,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
  },
  alert: { color: tokens.colorPaletteRedForeground1 },
});

export interface Figure {
  label: string;
  value: string | number;
  /** Shown in red: something to act on (over capacity, unassigned …). */
  alert?: boolean;
}

/** Labelled figures of a step, as a description list. */
export function FigureList({ figures }: { figures: readonly Figure[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.root}>
      {figures.map((f) => (
        <React.Fragment key={f.label}>
          <dt className={styles.label}>{f.label}</dt>
          <dd className={mergeClasses(styles.value, f.alert && styles.alert)}>{f.value}</dd>
        </React.Fragment>
      ))}
    </dl>
  );
}
