/**
 * The Node-only pieces of the streaming run (the CLI's): the output file, and garbage
 * collection between the stages of a large run.
 *
 * V8 collects its old generation lazily: after a stage that held a lot (the input's cells while
 * the cycle is computed, a sheet's plan of millions of cells while it is written), it lets the
 * heap grow by a multiple of what was alive before collecting again. A run of 50,000 employees
 * held about 1.2 GB at most but peaked at 2.1 GB of memory for that reason. A full collection
 * where a stage has just let go of its data keeps the footprint near what is alive; it takes
 * well under a second even at that size, and nothing when little was allocated.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { PackageTarget } from "./run-stream";

/** A sheet of this many cells or more is collected after it is written (~100 MB of plan). */
const LARGE_SHEET_CELLS = 1_000_000;

let collect: (() => void) | undefined;

/** Runs a full garbage collection. */
function collectGarbage(): void {
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collect = exposed;
    else {
      // `gc` is exposed to contexts created after the flag is set (Node's own tests do this).
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as () => void;
    }
  }
  collect();
}

/** The streaming run's `onLetGo`: collects after reading, computing and every large sheet. */
export function collectAfter(stage: "read" | "compute" | "sheet", cells = 0): void {
  if (stage !== "sheet" || cells >= LARGE_SHEET_CELLS) collectGarbage();
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
