/**
 * Errors raised by the engine. `kind` says which Excel error value a formula shows
 * (`#VALUE!` for bad arguments, `#N/A` for missing data); `code` is a stable id that
 * the message catalogue (core/messages.ts) turns into en-US or zh-CN text.
 */
export type ErrorKind = "value" | "na";

export type MessageParams = Record<string, string | number>;

export class PerfError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly params: MessageParams = {},
  ) {
    super(message);
    this.name = "PerfError";
  }
}

/** A bad argument or an inconsistent input: shows as `#VALUE!`. */
export function valueError(code: string, message: string, params: MessageParams = {}): PerfError {
  return new PerfError("value", code, message, params);
}

/** Missing data: shows as `#N/A`. */
export function missingError(code: string, message: string, params: MessageParams = {}): PerfError {
  return new PerfError("na", code, message, params);
}

export function isPerfError(e: unknown): e is PerfError {
  return e instanceof PerfError;
}
