import * as React from "react";
import { Badge, Caption1, Link, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Problem } from "../workbook/problems";
import { problemsBySheet } from "./cycle-view";
import type { UiText } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "baseline",
  },
  where: { fontFamily: tokens.fontFamilyMonospace },
  message: { gridColumnStart: 2 },
});

export interface ProblemListProps {
  problems: readonly Problem[];
  t: UiText;
  /** Selects the cell in Excel; absent in file mode, where the location is shown as text. */
  onSelect?(sheet: string, cell: string): void;
  /** Heading level of the sheet names. */
  headingLevel?: "h3" | "h4";
}

/** Problems grouped by sheet, errors first; each location selects its cell in Excel. */
export function ProblemList({ problems, t, onSelect, headingLevel = "h3" }: ProblemListProps) {
  const styles = useStyles();
  if (problems.length === 0) return <Text>{t("checksNone")}</Text>;
  return (
    <div className={styles.root}>
      {problemsBySheet(problems).map((group) => (
        <section key={group.sheet} aria-label={group.sheet || t("thisWorkbook")}>
          <Subtitle2 as={headingLevel}>
            {group.sheet || t("thisWorkbook")} ({group.problems.length})
          </Subtitle2>
          <ul className={styles.list}>
            {group.problems.map((p, i) => {
              const where = `${p.sheet}!${p.cell}`;
              return (
                <li key={`${p.cell}-${p.code}-${i}`} className={styles.item}>
                  <Badge
                    appearance="tint"
                    color={p.severity === "error" ? "danger" : "warning"}
                    aria-label={t(p.severity === "error" ? "error" : "warning")}
                  >
                    {t(p.severity === "error" ? "error" : "warning")}
                  </Badge>
                  {onSelect && p.sheet ? (
                    <Link
                      as="button"
                      className={styles.where}
                      onClick={() => onSelect(p.sheet, p.cell)}
                      aria-label={t("selectCell", { sheet: p.sheet, cell: p.cell })}
                    >
                      {where}
                    </Link>
                  ) : (
                    <Caption1 className={styles.where}>{where}</Caption1>
                  )}
                  <Text className={styles.message}>{p.message}</Text>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
