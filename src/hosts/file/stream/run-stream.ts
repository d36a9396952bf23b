/**
 * The CLI's one-click run on an .xlsx (Node only): the fast reader, the cycle, and the review
 * workbook streamed to a sink part by part (write-package.ts). Same outcome as
 * hosts/file/run.ts `runWorkbookFile` (the exceljs path the task pane keeps), without exceljs's
 * in-memory workbook: the input's parts are copied as they are and the generated sheets are
 * written straight from the plan.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { runCycleReleasing, type CycleRun } from "../../../workbook/pipeline";
import type { Problem } from "../../../workbook/problems";
import type { Lang } from "../../../workbook/schema";
import type { LoadOptions } from "../../../workbook/load";
import type { Progress } from "../run";
import type { RawWorkbook } from "../../../workbook/raw";
import type { XlsxPackage } from "./package";
import { collectGarbage, LARGE_SHEET_CELLS } from "./heap";
import { readXlsxFast } from "./read-fast";
import { writeReviewPackage } from "./write-package";
import type { ZipSink } from "./zip";

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
  opts: LoadOptions & { onProgress?: Progress } = {},
): StreamRunOutcome {
  const progress = opts.onProgress ?? (() => undefined);
  progress("read", 0, 4);
  const read: { pkg: XlsxPackage; raw?: RawWorkbook } = readXlsxFast(bytes);
  const { pkg } = read;
  collectGarbage(); // the inflated XML the cells were read from
  progress("compute", 1, 4);
  // The cells read go once the cycle has read them, before the review workbook is planned.
  const outcome = runCycleReleasing(read, opts);
  if (!outcome.ok) return outcome;
  collectGarbage(); // the cells, and what computing the cycle made along the way
  progress("render", 2, 4);
  const sink = target.open();
  try {
    writeReviewPackage(pkg, outcome.run.deferredPlan, sink, {
      onSheetsWritten: () => progress("charts", 3, 4),
      onSheetWritten: (cells) => {
        if (cells >= LARGE_SHEET_CELLS) collectGarbage();
      },
    });
  } catch (e) {
    target.abort();
    throw e;
  }
  target.commit();
  progress("done", 4, 4);
  return { ok: true, run: outcome.run };
}

/** A file written through a temporary name and renamed when complete. */
export function fileTarget(path: string): PackageTarget {
  const temporary = `${path}.partial-${process.pid}`;
  let fd: number | undefined;
  return {
    open() {
      fd = openSync(temporary, "w");
      const file = fd;
      return (chunk) => {
        let done = 0;
        while (done < chunk.byteLength) done += writeSync(file, chunk, done, chunk.byteLength - done);
      };
    },
    commit() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      renameSync(temporary, path);
    },
    abort() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      rmSync(temporary, { force: true });
    },
  };
}

/** The package in memory (tests, small workbooks). */
export function memoryTarget(): PackageTarget & { bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  return {
    open: () => (chunk) => chunks.push(Uint8Array.from(chunk)),
    commit: () => undefined,
    abort: () => (chunks.length = 0),
    bytes: () => Buffer.concat(chunks),
  };
}

/**
 * The streaming run with the outcome of `runWorkbookFile` (the package's bytes in memory), so
 * tests can hold the two paths side by side.
 */
export async function runWorkbookFileStreamed(
  bytes: Uint8Array,
  opts: LoadOptions & { onProgress?: Progress } = {},
): Promise<{ ok: true; xlsx: Uint8Array; run: CycleRun } | { ok: false; lang: Lang; problems: Problem[] }> {
  const target = memoryTarget();
  const outcome = runWorkbookStreaming(bytes, target, opts);
  return outcome.ok ? { ok: true, xlsx: target.bytes(), run: outcome.run } : outcome;
}
