import * as React from "react";
import { FluentProvider, Title3, Body1, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

export interface AppProps {
  /** The Office host, or null outside Office. */
  host: Office.HostType | null;
}

export function App({ host }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Title3 as="h1">PerfSheet</Title3>
        <Body1>{host ? "Excel" : "Outside Office"}</Body1>
      </main>
    </FluentProvider>
  );
}
