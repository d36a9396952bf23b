import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** The buttons of a step, in one wrapping row. */
export function StepActions({ children }: { children?: React.ReactNode }) {
  const styles = useStyles();
  return <div className={styles.root}>{children}</div>;
}
