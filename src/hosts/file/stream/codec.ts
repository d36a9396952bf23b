/**
 * Deflate, inflate and CRC-32 for the ZIP package (zip.ts), on Node's native zlib. The task
 * pane's bundle replaces this module with codec-browser.ts (webpack.config.js), which does the
 * same in JavaScript: the streaming writer then runs in the browser as well.
 */
import { constants, crc32 as nodeCrc32, deflateRawSync, inflateRawSync } from "node:zlib";

/** Raw deflate of one piece: `last` ends the stream, otherwise it ends on a sync flush. */
export function deflatePiece(bytes: Uint8Array, level: number, last: boolean): Uint8Array {
  return deflateRawSync(bytes, last ? { level } : { level, finishFlush: constants.Z_SYNC_FLUSH });
}

export function inflate(bytes: Uint8Array): Uint8Array {
  return inflateRawSync(bytes);
}

/** The CRC-32 of `bytes`, continuing from `crc`. */
export function crc32(bytes: Uint8Array, crc: number): number {
  return nodeCrc32(bytes, crc);
}
