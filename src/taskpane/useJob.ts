/**
 * One long job at a time: its progress for the progress bar, and a Cancel that takes effect
 * at the job's next step (hosts check it between steps, never in the middle of a write).
 */
import { useCallback, useRef, useState } from "react";
import { checkpoint, JobCancelled, type Job, type ProgressStep } from "./host";

export interface JobProgress {
  step: ProgressStep;
  done: number;
  total: number;
  /** False once a write that must run to its end has begun. */
  cancellable: boolean;
}

export type JobResult<T> =
  { ok: true; value: T } | { ok: false; cancelled: true } | { ok: false; cancelled: false; error: unknown };

export function useJob() {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(async <T>(work: (job: Job) => Promise<T>): Promise<JobResult<T>> => {
    const abort = new AbortController();
    controller.current = abort;
    setProgress({ step: "read", done: 0, total: 1, cancellable: true });
    const job: Job = {
      signal: abort.signal,
      step(step, done, total) {
        checkpoint(abort.signal);
        setProgress({ step, done, total, cancellable: true });
      },
      progress(step, done, total) {
        setProgress({ step, done, total, cancellable: false });
      },
    };
    try {
      return { ok: true, value: await work(job) };
    } catch (error) {
      return error instanceof JobCancelled
        ? { ok: false, cancelled: true }
        : { ok: false, cancelled: false, error };
    } finally {
      controller.current = null;
      setProgress(null);
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { progress, busy: progress !== null, run, cancel };
}
