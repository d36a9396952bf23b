/**
 * The one-click run on an .xlsx, for the CLI and the task pane outside Office: the fast reader,
 * the cycle, and the review workbook streamed to a sink part by part (write-package.ts), without
 * an in-memory workbook model: the input's parts are copied as they are and the generated
 * sheets are written straight from the plan. Runs in Node and in the browser (codec.ts); the
 * Node-only pieces (the output file, garbage collection) are in node.ts.
 */
import { runCycleReleasing, type CycleRun } from "../../../workbook/pipeline";
import type { Problem } from "../../../workbook/problems";
import type { Lang } from "../../../workbook/schema";
import type { LoadOptions } from "../../../workbook/load";
import type { Progress } from "../run";
import type { RawWorkbook } from "../../../workbook/raw";
import type { XlsxPackage } from "./package";
import { readXlsxFast } from "./read-fast";
import { writeReviewPackage } from "./write-package";
import { concatBytes, type ZipSink } from "./zip";

export interface StreamRunOptions extends LoadOptions {
  onProgress?: Progress;
  /**
   * Called where the run has just let go of a lot: after reading, after computing, and after
   * each generated sheet is written (with its number of cells). The CLI collects garbage there.
   */
  onLetGo?: (stage: "read" | "compute" | "sheet", cells?: number) => void;
}

export type StreamRunOutcome = { ok: true; run: CycleRun } | { ok: false; lang: Lang; problems: Problem[] };

/** Where the package goes: opened only once the run has passed validation. */
export interface PackageTarget {
  open(): ZipSink;
  /** The package is complete. */
  commit(): void;
  /** Writing failed: leave nothing behind. */
  abort(): void;
}

/**
 * Runs the cycle on the bytes of an .xlsx and streams the review workbook to `target`. With any
 * validation error nothing is written and the problems come back instead.
 */
export function runWorkbookStreaming(
  bytes: Uint8Array,
  target: PackageTarget,
  opts: StreamRunOptions = {},
): StreamRunOutcome {
  const stages = streamingStages(bytes, target, opts);
  for (;;) {
    const next = stages.next();
    if (next.done) return next.value;
  }
}

/** The run, pausing between its stages (read, compute, write) so a page can update meanwhile. */
function* streamingStages(
  bytes: Uint8Array,
  target: PackageTarget,
  opts: StreamRunOptions,
): Generator<void, StreamRunOutcome> {
  const progress = opts.onProgress ?? (() => undefined);
  const letGo = opts.onLetGo ?? (() => undefined);
  progress("read", 0, 4);
  const read: { pkg: XlsxPackage; raw?: RawWorkbook } = readXlsxFast(bytes);
  const { pkg } = read;
  letGo("read"); // the inflated XML the cells were read from
  yield;
  progress("compute", 1, 4);
  // The cells read go once the cycle has read them, before the review workbook is planned.
  const outcome = runCycleReleasing(read, opts);
  if (!outcome.ok) return outcome;
  letGo("compute"); // the cells, and what computing the cycle made along the way
  yield;
  progress("render", 2, 4);
  const sink = target.open();
  try {
    writeReviewPackage(pkg, outcome.run.deferredPlan, sink, {
      onSheetsWritten: () => progress("charts", 3, 4),
      onSheetWritten: (cells) => letGo("sheet", cells),
    });
  } catch (e) {
    target.abort();
    throw e;
  }
  target.commit();
  progress("done", 4, 4);
  return { ok: true, run: outcome.run };
}

/** The package in memory (tests, small workbooks). */
export function memoryTarget(): PackageTarget & { bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  return {
    open: () => (chunk) => chunks.push(Uint8Array.from(chunk)),
    commit: () => undefined,
    abort: () => (chunks.length = 0),
    bytes: () => concatBytes(chunks),
  };
}

/**
 * The streaming run with the package's bytes in memory (the task pane's download; tests). It
 * gives the event loop a turn between stages, so a page shows the progress and can cancel
 * (an `onProgress` that throws stops the run, and nothing is kept).
 */
export async function runWorkbookFileStreamed(
  bytes: Uint8Array,
  opts: StreamRunOptions = {},
): Promise<{ ok: true; xlsx: Uint8Array; run: CycleRun } | { ok: false; lang: Lang; problems: Problem[] }> {
  const target = memoryTarget();
  const stages = streamingStages(bytes, target, opts);
  for (;;) {
    const next = stages.next();
    if (next.done) {
      const outcome = next.value;
      return outcome.ok ? { ok: true, xlsx: target.bytes(), run: outcome.run } : outcome;
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
