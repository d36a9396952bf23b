/**
 * Sending queued operations to Excel in as few requests as the 5 MB payload limit allows.
 * The renderer lists its writes as steps with an estimated payload; steps are queued in
 * order and `context.sync()` is called only when the next step would push the current
 * request over the budget, and once at the end.
 */

/**
 * A unit of work: queues its Office.js operations when run, costing about `bytes` of payload.
 * A large write may offer to `split` itself into a part of at most `maxBytes` and the rest,
 * so that it can fill what is left of a request (undefined when no part fits).
 */
export interface Step {
  bytes: number;
  run: () => void;
  split?: (maxBytes: number) => [Step, Step] | undefined;
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
 * Runs the steps in order, syncing whenever the next step would take the request over
 * `budget` bytes (a splittable step first fills what is left), and after the last. So the
 * writes take ceil(volume / budget) requests, give or take a small step that did not fit
 * the end of one. Progress is reported in estimated bytes. Returns the number of syncs.
 */
export async function runSteps(
  context: { sync(): Promise<unknown> },
  steps: Step[],
  budget: number,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const total = steps.reduce((sum, s) => sum + s.bytes, 0);
  const pending = [...steps];
  let syncs = 0;
  let queued = 0;
  let done = 0;
  const flush = async () => {
    // Each sync sends one request of at most `budget` bytes: the count grows with data volume only.
    await context.sync();
    syncs++;
    queued = 0;
    // A split step repeats its small per-operation overhead, so the estimate may pass the total.
    onProgress?.(pending.length === 0 ? total : Math.min(done, total), total);
  };
  while (pending.length > 0) {
    const step = pending.shift()!;
    const room = budget - queued;
    if (step.bytes > room) {
      const parts = step.split?.(room);
      if (parts) {
        pending.unshift(...parts);
        continue;
      }
      if (queued === 0)
        throw new Error(`one write of ${step.bytes} bytes exceeds the request budget of ${budget}`);
      pending.unshift(step);
      await flush();
      continue;
    }
    step.run();
    queued += step.bytes;
    done += step.bytes;
  }
  if (queued > 0 || (syncs === 0 && steps.length > 0)) await flush();
  return syncs;
}
