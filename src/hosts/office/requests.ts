/**
 * Sending queued operations to Excel in as few requests as the 5 MB payload limit allows.
 * The renderer lists its writes as steps with an estimated payload; steps are queued in
 * order and `context.sync()` is called only when the next step would push the current
 * request over the budget, and once at the end.
 */

/** A unit of work: queues its Office.js operations when run, costing about `bytes` of payload. */
export interface Step {
  bytes: number;
  run: () => void;
}

/** Excel on the web refuses requests over 5 MB; leave room for the protocol's own framing. */
export const DEFAULT_REQUEST_BYTES = 4_500_000;

/**
 * Payload of one queued operation besides its arguments: object path, action type and
 * property name in Office.js's request JSON. An over-estimate, so that a request planned
 * under the budget stays under it.
 */
export const OPERATION_BYTES = 256;

/**
 * Upper bound of the UTF-8 size of a value serialised to JSON. Non-ASCII characters count
 * 6 bytes, as if written `\uXXXX`, so the bound holds however the host escapes them.
 *
 * @example jsonBytes([["a", 1]]) // 9
 */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) bytes += 5;
  return bytes;
}

/**
 * Runs the steps, syncing whenever the next step would take the request over `budget`
 * bytes, and after the last. Returns the number of syncs (0 when there is nothing to do).
 * A single step larger than the budget is refused: the caller must split it.
 */
export async function runSteps(
  context: { sync(): Promise<unknown> },
  steps: Step[],
  budget: number,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  let syncs = 0;
  let queuedBytes = 0;
  let done = 0;
  const flush = async (upTo: number) => {
    // Each sync sends one request of at most `budget` bytes: the count grows with data volume only.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    syncs++;
    queuedBytes = 0;
    done = upTo;
    onProgress?.(done, steps.length);
  };
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step.bytes > budget)
      throw new Error(`one write of ${step.bytes} bytes exceeds the request budget of ${budget}`);
    if (queuedBytes > 0 && queuedBytes + step.bytes > budget) await flush(i);
    step.run();
    queuedBytes += step.bytes;
  }
  if (done < steps.length) await flush(steps.length);
  return syncs;
}
