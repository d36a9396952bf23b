import * as React from "react";
import {
  Caption1,
  Divider,
  FluentProvider,
  Subtitle1,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import type { Lang } from "../workbook/schema";
import {
  analyse,
  previewIncentives,
  reviewPlan,
  stagePlan,
  STAGES,
  type Analysis,
  type Stage,
} from "./cycle-view";
import { DataStep } from "./DataStep";
import { offerDownload as browserDownload, templateFile } from "./files";
import { EvaluateStep } from "./EvaluateStep";
import { ExcelToolbar } from "./ExcelToolbar";
import type { FileHost } from "./file-host";
import { FilePanel } from "./FilePanel";
import { GoalsStep } from "./GoalsStep";
import { breathe, problemOfError, type Download, type Job, type PaneHost, type Written } from "./host";
import { IncentivesStep } from "./IncentivesStep";
import { LanguageSwitch } from "./LanguageSwitch";
import { OutcomeBar, type Outcome } from "./OutcomeBar";
import { ProblemList } from "./ProblemList";
import { ProgressPanel } from "./ProgressPanel";
import { ReportStep } from "./ReportStep";
import { SetupStep } from "./SetupStep";
import { settingTexts, unreadKeys } from "./settings-edits";
import { uiText } from "./strings";
import { TasksStep } from "./TasksStep";
import { useJob, type JobResult } from "./useJob";

const useStyles = makeStyles({
  // On a page of its own, not on the provider: Fluent gives the provider's classes to the
  // portals (tooltips) too, which would then cover the pane.
  page: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  root: {
    maxWidth: "720px",
    margin: "0 auto",
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    boxSizing: "border-box",
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalM,
  },
  title: { margin: 0, display: "block" },
  subtitle: { color: tokens.colorNeutralForeground2 },
  checks: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, "& h3": { margin: 0 } },
  checksTitle: {
    margin: 0,
    display: "flex",
    alignItems: "baseline",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
  },
  checksCount: { color: tokens.colorNeutralForeground2 },
  tabs: { flexWrap: "wrap" },
  panel: { paddingTop: tokens.spacingVerticalXS },
});

export interface AppProps {
  /** The workbook the pane works on: Excel's open workbook, or a chosen file outside Office. */
  host: PaneHost | FileHost;
  /** Starting language (Office's display language, else the browser's). */
  initialLang: Lang;
  /** Fluent theme following the Office theme. */
  theme?: Theme;
  /** Starts a browser download; replaced in tests. */
  offerDownload?(file: Download): void;
  /** ISO date for a blank `as_of`; default today. */
  today?: string;
}

const isFileHost = (host: PaneHost): host is FileHost => host.mode === "file";

/** The task pane: the cycle's steps over one workbook, in Excel or on a chosen file. */
export function App({
  host,
  initialLang,
  theme = webLightTheme,
  offerDownload = browserDownload,
  today,
}: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const t = React.useMemo(() => uiText(lang), [lang]);
  const [stage, setStage] = React.useState<Stage>(host.mode === "file" ? "goals" : "setup");
  const [checked, setChecked] = React.useState<{ analysis: Analysis; lang: Lang } | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const [fileName, setFileName] = React.useState<string | null>(host.workbookName());
  const { progress, busy, run, cancel } = useJob();

  React.useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // Problems follow the language: a check made in the other language is re-read in this one.
  const analysis = React.useMemo(
    () =>
      checked
        ? checked.lang === lang
          ? checked.analysis
          : analyse(checked.analysis.raw, lang, today)
        : null,
    [checked, lang, today],
  );
  const workbook = () => host.workbookName() ?? t("thisWorkbook");
  const errorCount = (a: Analysis) => a.problems.filter((p) => p.severity === "error").length;

  /** Reads and checks the workbook (part of a job); keeps the result for the steps. */
  const readAndCheck = async (job: Job): Promise<Analysis> => {
    const raw = await host.read(job);
    job.step("compute", 1, 2);
    await breathe(job.signal);
    const fresh = analyse(raw, lang, today);
    setChecked({ analysis: fresh, lang });
    return fresh;
  };

  /** Tells how a job ended; `done` gives the success message. */
  const finish = <T,>(result: JobResult<T>, done: (value: T) => Outcome | null) => {
    if (result.ok) {
      setOutcome(done(result.value));
      return;
    }
    if (result.cancelled) {
      setOutcome({ intent: "warning", title: t("failure"), text: t("cancelled") });
      return;
    }
    const problem = problemOfError(result.error, lang);
    const message =
      problem?.message ?? (result.error instanceof Error ? result.error.message : String(result.error));
    setOutcome({
      intent: "error",
      title: t("failure"),
      text: problem ? message : t("unexpected", { message }),
    });
  };
  const refused = (a: Analysis): Outcome => ({
    intent: "error",
    title: t("failure"),
    text: t("checkedErrors", { file: workbook(), errors: errorCount(a) }),
  });
  const deliver = (written: Written, text: string): Outcome => {
    if (written.download) offerDownload(written.download);
    return { intent: "success", title: t("success"), text, download: written.download };
  };

  const checkedOutcome = (a: Analysis): Outcome =>
    a.run
      ? {
          intent: "info",
          title: t("checked"),
          text: t("checkedOk", {
            file: workbook(),
            employees: a.run.result.employees.length,
            kpis: a.run.model.kpis.length,
            tasks: a.run.model.tasks.length,
            warnings: a.problems.length,
          }),
        }
      : refused(a);

  const check = async () => {
    setOutcome(null);
    finish(await run(readAndCheck), checkedOutcome);
  };

  /** Reading the chosen file is part of its check's job, so no other action starts meanwhile. */
  const chooseFile = async (file: File) => {
    if (!isFileHost(host)) return;
    setOutcome(null);
    const result = await run(async (job) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      host.useFile({ name: file.name, bytes });
      setFileName(file.name);
      setChecked(null);
      return readAndCheck(job);
    });
    finish(result, checkedOutcome);
  };

  const generate = async () => {
    setOutcome(null);
    const result = await run(async (job) => {
      const outcome = await host.generate(lang, job);
      // A refused run: check again so the steps and Checks show where the problems are.
      if (!outcome.ok) await readAndCheck(job);
      return outcome;
    });
    finish(result, (o) => {
      if (!o.ok) {
        return {
          intent: "error",
          title: t("failure"),
          text: t("checkedErrors", {
            file: workbook(),
            errors: o.problems.filter((p) => p.severity === "error").length,
          }),
        };
      }
      const text = o.written.download
        ? t("generatedFile", { file: o.written.download.fileName, employees: o.employees, sheets: o.sheets })
        : t("wroteSheets", { count: o.written.sheets.length, sheets: o.written.sheets.join(", ") });
      return deliver(o.written, text);
    });
  };

  const createTemplate = async (templateLang: Lang, withSample: boolean) => {
    setOutcome(null);
    const { plan, fileName: name } = templateFile(templateLang, withSample);
    const result = await run(async (job) => {
      const written = await host.createTemplate(plan, job, name);
      if (!written.download) await readAndCheck(job);
      return written;
    });
    finish(result, (w) =>
      deliver(
        w,
        w.download
          ? t("templateDownloaded", { file: w.download.fileName })
          : t("templateWritten", { sheets: w.sheets.join(", ") }),
      ),
    );
  };

  /** Excel: read and validate afresh, then write only the sheets `pick` chooses. */
  const writeFresh = (pick: (a: Analysis) => ReturnType<typeof stagePlan> | undefined) => async () => {
    setOutcome(null);
    const write = host.writeSheets;
    if (!write) return;
    const result = await run(async (job) => {
      const fresh = await readAndCheck(job);
      const plan = fresh.run ? pick(fresh) : undefined;
      if (!plan) return { fresh, written: undefined };
      return { fresh, written: await write(plan, job) };
    });
    finish(result, ({ fresh, written }) =>
      written
        ? deliver(
            written,
            t("wroteSheets", { count: written.sheets.length, sheets: written.sheets.join(", ") }),
          )
        : refused(fresh),
    );
  };
  const writeStage = (s: Stage) => writeFresh((a) => stagePlan(a.run!.plan, s));

  const review = async (employeeId: string) => {
    if (host.mode === "excel") return writeFresh((a) => reviewPlan(a, employeeId))();
    if (!analysis) return;
    setOutcome(null);
    const result = await run(async (job) => {
      job.step("render", 0, 1);
      const { personalFile } = await import("./personal-files");
      return personalFile(analysis, employeeId);
    });
    finish(result, (file) =>
      file ? deliver({ sheets: [], download: file }, file.fileName) : refused(analysis),
    );
  };

  const saveSettings = async (values: Record<string, string>) => {
    setOutcome(null);
    const result = await run(async (job) => {
      await host.writeSettings(values, job);
      const fresh = await readAndCheck(job);
      return settingTexts(fresh.raw, Object.keys(values));
    });
    finish(result, (readBack) => {
      const missed = unreadKeys(values, readBack);
      if (missed.length > 0)
        return {
          intent: "warning",
          title: t("failure"),
          text: t("settingsNotReadBack", { key: missed.join(", ") }),
        };
      const shown = {
        pool: readBack.bonus_pool || t("none"),
        coefficients: readBack.coefficients || t("none"),
        file: workbook(),
      };
      return {
        intent: "success",
        title: t("success"),
        text: t(host.mode === "excel" ? "settingsSaved" : "settingsApplied", shown),
      };
    });
  };

  const exportPersonal = async () => {
    setOutcome(null);
    const zipName = `${(host.workbookName() ?? "perfsheet").replace(/\.xlsx$/i, "")}-personal.zip`;
    const result = await run(async (job) => {
      const current = host.mode === "excel" || !analysis ? await readAndCheck(job) : analysis;
      if (!current.run) return { current, zip: undefined };
      // Loaded on demand: the personal files bring the workbook library with them.
      const { personalFilesZip } = await import("./personal-files");
      return { current, zip: await personalFilesZip(current, job, zipName) };
    });
    finish(result, ({ current, zip }) =>
      zip
        ? deliver(
            { sheets: [], download: zip },
            t("personalDownloaded", { count: zip.count, file: zip.fileName }),
          )
        : refused(current),
    );
  };

  const onMakePortable = async () => {
    setOutcome(null);
    const result = await run((job) => host.makePortable(job));
    finish(result, ({ written, rewritten, skipped }) =>
      deliver(written, t(skipped > 0 ? "portableSkipped" : "portableDone", { rewritten, skipped })),
    );
  };

  const selectCell = host.selectCell
    ? (sheet: string, cell: string) => {
        host.selectCell!(sheet, cell).catch((e: unknown) =>
          setOutcome({
            intent: "error",
            title: t("failure"),
            text: t("unexpected", { message: String((e as Error).message ?? e) }),
          }),
        );
      }
    : undefined;

  const preview = React.useCallback(
    (values: Record<string, string>) =>
      analysis ? previewIncentives(analysis.raw, values, lang, today) : { ok: false as const, problems: [] },
    [analysis, lang, today],
  );

  React.useEffect(() => {
    // Inside Excel the workbook is there from the start: check it once.
    if (host.mode === "excel") void check();
  }, []);

  const common = { t, lang, mode: host.mode, busy, analysis, onSelectCell: selectCell };
  const excel = host.mode === "excel";
  const errors = analysis ? errorCount(analysis) : 0;

  return (
    <FluentProvider theme={theme}>
      <div className={styles.page}>
        <main className={styles.root}>
          <header className={styles.header}>
            <div>
              <Title3 as="h1" className={styles.title}>
                {t("appTitle")}
              </Title3>
              <Caption1 className={styles.subtitle}>
                {t(excel ? "appSubtitleExcel" : "appSubtitleFile")}
              </Caption1>
            </div>
            <LanguageSwitch lang={lang} t={t} onChange={setLang} />
          </header>

          {excel ? (
            <ExcelToolbar t={t} busy={busy} onCheck={check} onGenerate={generate} />
          ) : (
            <FilePanel
              t={t}
              busy={busy}
              fileName={fileName}
              onChoose={chooseFile}
              onGenerate={generate}
              onDownloadTemplate={(withSample) => createTemplate(lang, withSample)}
            />
          )}

          {progress && <ProgressPanel progress={progress} t={t} onCancel={cancel} />}
          {outcome && <OutcomeBar outcome={outcome} t={t} onDownload={offerDownload} />}

          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={stage}
            onTabSelect={(_, d) => setStage(d.value as Stage)}
            aria-label={t("steps")}
          >
            {STAGES.map((s, i) => (
              <Tab key={s} value={s} id={`tab-${s}`} aria-controls="step-panel">
                {`${i + 1} ${t(`step_${s}`)}`}
              </Tab>
            ))}
          </TabList>

          <div id="step-panel" role="tabpanel" aria-labelledby={`tab-${stage}`} className={styles.panel}>
            {stage === "setup" && <SetupStep {...common} onCreateTemplate={createTemplate} />}
            {stage === "goals" && <GoalsStep {...common} onWrite={excel ? writeStage("goals") : undefined} />}
            {stage === "tasks" && <TasksStep {...common} onWrite={excel ? writeStage("tasks") : undefined} />}
            {stage === "data" && <DataStep {...common} onWrite={excel ? writeStage("data") : undefined} />}
            {stage === "evaluate" && (
              <EvaluateStep
                {...common}
                onReview={review}
                onWriteAll={excel ? writeStage("evaluate") : undefined}
              />
            )}
            {stage === "incentives" && (
              <IncentivesStep
                {...common}
                preview={preview}
                onSaveSettings={saveSettings}
                onWrite={excel ? writeStage("incentives") : undefined}
              />
            )}
            {stage === "report" && (
              <ReportStep
                {...common}
                onWrite={excel ? writeStage("report") : undefined}
                onExportPersonal={exportPersonal}
                onMakePortable={onMakePortable}
              />
            )}
          </div>

          {analysis && (
            <section aria-labelledby="checks-title" className={styles.checks}>
              <Divider />
              <div className={styles.checksTitle}>
                <Subtitle1 as="h2" id="checks-title" className={styles.title}>
                  {t("checks")}
                </Subtitle1>
                <Caption1 className={styles.checksCount}>
                  {t("errorsWarnings", { errors, warnings: analysis.problems.length - errors })}
                </Caption1>
              </div>
              <ProblemList problems={analysis.problems} t={t} onSelect={selectCell} />
            </section>
          )}
        </main>
      </div>
    </FluentProvider>
  );
}
