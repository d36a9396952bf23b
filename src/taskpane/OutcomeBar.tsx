import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { Download } from "./host";
import type { UiText } from "./strings";

/** What the last job came to, as the pane tells it. */
export interface Outcome {
  intent: "success" | "error" | "warning" | "info";
  title: string;
  text: string;
  /** A file the job produced, offered again from the message. */
  download?: Download;
}

export interface OutcomeBarProps {
  outcome: Outcome;
  t: UiText;
  onDownload(file: Download): void;
}

/** A Fluent message bar with the outcome, and the file to download again if there is one. */
export function OutcomeBar({ outcome, t, onDownload }: OutcomeBarProps) {
  const { download } = outcome;
  return (
    <MessageBar
      intent={outcome.intent}
      layout="multiline"
      role={outcome.intent === "error" ? "alert" : "status"}
    >
      <MessageBarBody>
        <MessageBarTitle>{outcome.title}</MessageBarTitle>
        {outcome.text}
      </MessageBarBody>
      {download && (
        <MessageBarActions>
          <Button size="small" onClick={() => onDownload(download)}>
            {t("downloadAgain", { file: download.fileName })}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
