/**
 * Garbage collection between the stages of a large streaming run (Node only).
 *
 * V8 collects its old generation lazily: after a stage that held a lot (the input's cells while
 * the cycle is computed, a sheet's plan of millions of cells while it is written), it lets the
 * heap grow by a multiple of what was alive before collecting again. A run of 50,000 employees
 * held about 1.2 GB at most but peaked at 2.1 GB of memory for that reason. A full collection
 * where a stage has just let go of its data keeps the footprint near what is alive; it takes
 * well under a second even at that size, and nothing when little was allocated.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** A sheet of this many cells or more is collected after it is written (~100 MB of plan). */
export const LARGE_SHEET_CELLS = 1_000_000;

let collect: (() => void) | undefined;

/** Runs a full garbage collection. */
export function collectGarbage(): void {
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
