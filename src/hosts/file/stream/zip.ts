/**
 * A small ZIP reader and writer for .xlsx packages (the streaming file path), on Node's native
 * zlib, or pako in the browser (codec.ts). Reading parses the central directory and
 * inflates a part only when asked. Writing goes out to a sink part by part: a part kept from
 * the input is copied still compressed, a new part is deflated in pieces as it is produced,
 * so no whole package (and no whole large part) is ever held in memory. No ZIP64: a package
 * and its parts stay under 4 GB.
 */
import { crc32, deflatePiece, inflate } from "./codec";

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder("utf-8");

/** A little-endian record of `size` bytes, its fields written by `fill`. */
function record(size: number, fill: (view: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(size);
  fill(new DataView(bytes.buffer));
  return bytes;
}

/** A part of a package as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the part's local header in the package. */
  headerOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Bit 11 of the general purpose flags: names are UTF-8. */
const UTF8_NAMES = 0x0800;

/** The parts of a package, by name, read from its central directory. */
export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = this.findEndOfCentralDirectory();
    const count = this.view.getUint16(end + 10, true);
    let at = this.view.getUint32(end + 16, true);
    for (let i = 0; i < count; i++) {
      if (this.view.getUint32(at, true) !== CENTRAL_HEADER) throw new Error("corrupt zip: central directory");
      const nameLength = this.view.getUint16(at + 28, true);
      const extraLength = this.view.getUint16(at + 30, true);
      const commentLength = this.view.getUint16(at + 32, true);
      const name = fromUtf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
      this.entries.set(name, {
        name,
        method: this.view.getUint16(at + 10, true),
        crc: this.view.getUint32(at + 16, true),
        compressedSize: this.view.getUint32(at + 20, true),
        size: this.view.getUint32(at + 24, true),
        headerOffset: this.view.getUint32(at + 42, true),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The compressed bytes of a part, as stored. */
  rawData(entry: ZipEntry): Uint8Array {
    const at = entry.headerOffset;
    if (this.view.getUint32(at, true) !== LOCAL_HEADER) throw new Error(`corrupt zip: ${entry.name}`);
    const start = at + 30 + this.view.getUint16(at + 26, true) + this.view.getUint16(at + 28, true);
    return this.bytes.subarray(start, start + entry.compressedSize);
  }

  /** The uncompressed bytes of a part, or undefined when the package has no such part. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const raw = this.rawData(entry);
    if (entry.method === 0) return raw;
    if (entry.method !== 8) throw new Error(`unsupported compression ${entry.method} in ${name}`);
    return inflate(raw);
  }

  /** A part as UTF-8 text (a byte order mark dropped, as TextDecoder does). */
  readText(name: string): string | undefined {
    const bytes = this.read(name);
    return bytes === undefined ? undefined : fromUtf8.decode(bytes);
  }

  private findEndOfCentralDirectory(): number {
    const min = Math.max(0, this.bytes.byteLength - 22 - 0xffff);
    for (let at = this.bytes.byteLength - 22; at >= min; at--) {
      if (this.view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
    }
    throw new Error("not a zip file (no end of central directory)");
  }
}

/** Receives the package's bytes in order. */
export type ZipSink = (chunk: Uint8Array) => void;

/** Chunks a sink received, as one array. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

/** Text is gathered up to this many bytes before it is deflated as one piece. */
const PIECE_BYTES = 1 << 20;

interface WrittenEntry {
  name: Uint8Array;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/**
 * Writes a package to a sink. Each part is whole before the next starts (one part open at a
 * time). `level` is zlib's deflate level: 1 is the fastest, and XML still shrinks about tenfold.
 */
export class ZipWriter {
  private readonly written: WrittenEntry[] = [];
  private readonly names = new Set<string>();
  private offset = 0;
  private open = false;

  constructor(
    private readonly sink: ZipSink,
    private readonly level = 1,
  ) {}

  /** Copies a part of another package without inflating it. */
  copy(from: ZipReader, entry: ZipEntry, name = entry.name): void {
    const data = from.rawData(entry);
    this.entry(name, entry.method, entry.crc, entry.size, [data]);
  }

  /** Adds a whole part. */
  add(name: string, content: string | Uint8Array): void {
    const part = this.begin(name);
    part.write(content);
    part.end();
  }

  /**
   * Starts a part written in pieces: `write` text or bytes as they are produced, then `end`.
   * Compressed pieces are kept until `end` (the local header needs their sizes); they are about
   * a tenth of the text.
   */
  begin(name: string): { write(content: string | Uint8Array): void; end(): void } {
    if (this.open) throw new Error("a zip part is already open");
    this.open = true;
    const compressed: Uint8Array[] = [];
    // Text is encoded straight into one reused buffer (no joined string per piece).
    const buffer = new Uint8Array(PIECE_BYTES);
    let used = 0;
    let crc = 0;
    let size = 0;
    const deflate = (bytes: Uint8Array, last: boolean) => {
      crc = crc32(bytes, crc);
      size += bytes.byteLength;
      // Each piece is its own deflate run ending on a byte boundary (sync flush); only the last
      // one is final. Together they are one valid deflate stream.
      compressed.push(deflatePiece(bytes, this.level, last));
    };
    const flush = (last: boolean) => {
      if (used === 0 && !last) return;
      deflate(buffer.subarray(0, used), last);
      used = 0;
    };
    return {
      write: (content) => {
        // A UTF-16 code unit takes at most 3 bytes in UTF-8.
        if (typeof content === "string" && content.length * 3 <= PIECE_BYTES) {
          if (used + content.length * 3 > PIECE_BYTES) flush(false);
          used += utf8.encodeInto(content, buffer.subarray(used)).written;
        } else {
          flush(false);
          deflate(typeof content === "string" ? utf8.encode(content) : content, false);
        }
      },
      end: () => {
        flush(true);
        this.open = false;
        this.entry(name, 8, crc >>> 0, size, compressed);
      },
    };
  }

  /** Writes the central directory; the package is complete. */
  finish(): void {
    if (this.open) throw new Error("a zip part is still open");
    const start = this.offset;
    for (const e of this.written) {
      this.out(
        record(46, (v) => {
          v.setUint32(0, CENTRAL_HEADER, true);
          v.setUint16(4, 20, true); // made by: version 2.0
          v.setUint16(6, 20, true); // needed to extract
          v.setUint16(8, UTF8_NAMES, true);
          v.setUint16(10, e.method, true);
          v.setUint32(12, DOS_DATE_TIME, true);
          v.setUint32(16, e.crc, true);
          v.setUint32(20, e.compressedSize, true);
          v.setUint32(24, e.size, true);
          v.setUint16(28, e.name.byteLength, true);
          v.setUint32(42, e.offset, true);
        }),
      );
      this.out(e.name);
    }
    const count = this.written.length;
    this.out(
      record(22, (v) => {
        v.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
        v.setUint16(8, count, true);
        v.setUint16(10, count, true);
        v.setUint32(12, this.offset - start, true);
        v.setUint32(16, start, true);
      }),
    );
  }

  private entry(name: string, method: number, crc: number, size: number, data: Uint8Array[]): void {
    if (this.names.has(name)) throw new Error(`duplicate zip part ${name}`);
    this.names.add(name);
    const nameBytes = utf8.encode(name);
    const compressedSize = data.reduce((n, d) => n + d.byteLength, 0);
    if (this.offset + compressedSize > 0xffffffff) throw new Error("package larger than 4 GB (no ZIP64)");
    const header = record(30, (v) => {
      v.setUint32(0, LOCAL_HEADER, true);
      v.setUint16(4, 20, true);
      v.setUint16(6, UTF8_NAMES, true);
      v.setUint16(8, method, true);
      v.setUint32(10, DOS_DATE_TIME, true);
      v.setUint32(14, crc, true);
      v.setUint32(18, compressedSize, true);
      v.setUint32(22, size, true);
      v.setUint16(26, nameBytes.byteLength, true);
    });
    this.written.push({ name: nameBytes, method, crc, compressedSize, size, offset: this.offset });
    this.out(header);
    this.out(nameBytes);
    for (const d of data) this.out(d);
  }

  private out(chunk: Uint8Array): void {
    this.offset += chunk.byteLength;
    this.sink(chunk);
  }
}

/** 1980-01-01 00:00, the DOS epoch: parts carry no meaningful time, and output is reproducible. */
const DOS_DATE_TIME = (((1980 - 1980) << 9) | (1 << 5) | 1) << 16;
