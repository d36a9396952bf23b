import * as React from "react";
import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { JobProgress } from "./useJob";
import type { UiText } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  bar: { flexGrow: 1 },
});

export interface ProgressPanelProps {
  progress: JobProgress;
  t: UiText;
  onCancel(): void;
}

/** The current step of a long job, how far it is, and Cancel. */
export function ProgressPanel({ progress, t, onCancel }: ProgressPanelProps) {
  const styles = useStyles();
  const value = progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  return (
    <div className={styles.root} role="status" aria-live="polite">
      <Field className={styles.bar} label={t(`progress_${progress.step}`)} validationState="none">
        <ProgressBar value={value} thickness="large" />
      </Field>
      <Button onClick={onCancel} disabled={!progress.cancellable}>
        {t("cancel")}
      </Button>
    </div>
  );
}
