/**
 * codec.ts for the browser (the task pane outside Office): the same deflate, inflate and CRC-32
 * in JavaScript, with pako. webpack.config.js puts this module in codec.ts's place in the pane's
 * bundle; test/hosts/file/codec.test.ts holds the two to the same results.
 */
import { Deflate, inflateRaw, type DeflateOptions, type FlushValues } from "pako";

/** Raw deflate of one piece: `last` ends the stream, otherwise it ends on a sync flush. */
export function deflatePiece(bytes: Uint8Array, level: number, last: boolean): Uint8Array {
  const deflator = new Deflate({ raw: true, level: level as DeflateOptions["level"] });
  // Z_FINISH ends the stream; Z_SYNC_FLUSH ends the piece on a byte boundary, as zlib does.
  deflator.push(bytes, (last ? 4 : 2) as FlushValues);
  if (deflator.err) throw new Error(`deflate failed: ${deflator.msg}`);
  return deflator.result as Uint8Array;
}

export function inflate(bytes: Uint8Array): Uint8Array {
  return inflateRaw(bytes);
}

const TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** The CRC-32 of `bytes`, continuing from `crc`. */
export function crc32(bytes: Uint8Array, crc: number): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
