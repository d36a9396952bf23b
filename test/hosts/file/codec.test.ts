/**
 * The two codecs of the ZIP package: Node's zlib (CLI) and pako (the task pane's bundle) must
 * give streams either side inflates, and the same CRC-32.
 */
import { describe, expect, it } from "vitest";
import * as nodeCodec from "../../../src/hosts/file/stream/codec";
import * as browserCodec from "../../../src/hosts/file/stream/codec-browser";
import { seededRandom } from "../../../src/core/random";

function sampleBytes(length: number, seed: number): Uint8Array {
  const random = seededRandom(seed);
  const words = ['<row r="', '"><c r="A', '" t="inlineStr"><is><t>', "绩效", "</t></is></c>", "</row>"];
  const text = Array.from({ length: length / 8 }, () => words[Math.floor(random() * words.length)]).join("");
  return new TextEncoder().encode(text);
}

describe("codecs", () => {
  const codecs = [
    ["node", nodeCodec],
    ["browser", browserCodec],
  ] as const;

  it.each(codecs)(
    "%s: pieces ending on a sync flush, then a last one, inflate as one stream with either codec",
    (_, codec) => {
      const pieces = [
        sampleBytes(70_000, 1),
        sampleBytes(5_000, 2),
        new Uint8Array(0),
        sampleBytes(40_000, 3),
      ];
      const deflated = pieces.map((p, i) => codec.deflatePiece(p, 1, i === pieces.length - 1));
      const joined = Buffer.concat(deflated);
      const whole = Buffer.concat(pieces);
      expect(Buffer.from(nodeCodec.inflate(joined)).equals(whole)).toBe(true);
      expect(Buffer.from(browserCodec.inflate(joined)).equals(whole)).toBe(true);
    },
  );

  it("computes the same CRC-32, continued piece by piece", () => {
    const a = sampleBytes(10_000, 4);
    const b = sampleBytes(3_000, 5);
    const node = nodeCodec.crc32(b, nodeCodec.crc32(a, 0));
    expect(browserCodec.crc32(b, browserCodec.crc32(a, 0))).toBe(node);
    expect(browserCodec.crc32(new TextEncoder().encode("123456789"), 0)).toBe(0xcbf43926);
  });
});
