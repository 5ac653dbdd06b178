import { describe, expect, it } from "vitest";
import {
  dataCodewords,
  formatBits,
  interleaved,
  penalty,
  qrCode,
  reedSolomon,
  versionBits,
} from "../../../app/kernel/server/qr.server";

// A reader written from the standard, independent of the encoder's drawing code: it finds the
// format, unmasks, walks the zigzag, de-interleaves, checks every block's Reed–Solomon syndromes
// and decodes the byte-mode segment.
const BLOCKS_M: Record<number, [number, number[]]> = {
  1: [10, [16]],
  2: [16, [28]],
  3: [26, [44]],
  4: [18, [32, 32]],
  5: [24, [43, 43]],
  6: [16, [27, 27, 27, 27]],
  7: [18, [31, 31, 31, 31]],
  8: [22, [38, 38, 39, 39]],
  9: [22, [36, 36, 36, 37, 37]],
  10: [26, [43, 43, 43, 43, 44]],
};

function functionModules(version: number): boolean[][] {
  const size = 17 + 4 * version;
  const f = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const mark = (x0: number, y0: number, w: number, h: number) => {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if (x >= 0 && y >= 0) f[y][x] = true;
  };
  mark(0, 0, 9, 9);
  mark(size - 8, 0, 8, 9);
  mark(0, size - 8, 9, 8);
  mark(6, 0, 1, size);
  mark(0, 6, size, 1);
  const step =
    version === 1
      ? []
      : [
          [6, 18],
          [6, 22],
          [6, 26],
          [6, 30],
          [6, 34],
          [6, 22, 38],
          [6, 24, 42],
          [6, 26, 46],
          [6, 28, 50],
        ][version - 2];
  const last = step.length - 1;
  step.forEach((cy, i) =>
    step.forEach((cx, j) => {
      if (!((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0))) mark(cx - 2, cy - 2, 5, 5);
    }),
  );
  if (version >= 7) {
    mark(size - 11, 0, 3, 6);
    mark(0, size - 11, 6, 3);
  }
  return f;
}

function syndromesZero(block: number[], ec: number): boolean {
  const exp: number[] = [];
  let x = 1;
  for (let i = 0; i < 255; i++) {
    exp.push(x);
    x = (x << 1) ^ (x & 0x80 ? 0x11d : 0);
  }
  const log = new Map(exp.map((v, i) => [v, i]));
  const mul = (a: number, b: number) => (a && b ? exp[(log.get(a)! + log.get(b)!) % 255] : 0);
  return Array.from({ length: ec }, (_, i) => block.reduce((acc, c) => mul(acc, exp[i]) ^ c, 0)).every((s) => s === 0);
}

function decode(modules: boolean[][]): { text: string; mask: number; version: number } {
  const size = modules.length;
  const version = (size - 17) / 4;
  let format = 0;
  for (let i = 0; i <= 5; i++) format |= (modules[i][8] ? 1 : 0) << i;
  format |= (modules[7][8] ? 1 : 0) << 6;
  format |= (modules[8][8] ? 1 : 0) << 7;
  format |= (modules[8][7] ? 1 : 0) << 8;
  for (let i = 9; i < 15; i++) format |= (modules[8][14 - i] ? 1 : 0) << i;
  const unmasked = format ^ 0x5412;
  expect(unmasked >>> 13).toBe(0); // level M
  const mask = (unmasked >>> 10) & 7;
  const masks = [
    (c: number, r: number) => (c + r) % 2 === 0,
    (_: number, r: number) => r % 2 === 0,
    (c: number) => c % 3 === 0,
    (c: number, r: number) => (c + r) % 3 === 0,
    (c: number, r: number) => (Math.floor(c / 3) + Math.floor(r / 2)) % 2 === 0,
    (c: number, r: number) => ((c * r) % 2) + ((c * r) % 3) === 0,
    (c: number, r: number) => (((c * r) % 2) + ((c * r) % 3)) % 2 === 0,
    (c: number, r: number) => (((c + r) % 2) + ((c * r) % 3)) % 2 === 0,
  ];
  const f = functionModules(version);
  const bits: number[] = [];
  let upward = true;
  for (let right = size - 1; right > 0; right -= 2) {
    if (right === 6) right--;
    for (let v = 0; v < size; v++) {
      const row = upward ? size - 1 - v : v;
      for (const col of [right, right - 1])
        if (!f[row][col]) bits.push(modules[row][col] !== masks[mask](col, row) ? 1 : 0);
    }
    upward = !upward;
  }
  const [ec, lengths] = BLOCKS_M[version];
  const total = lengths.reduce((a, b) => a + b, 0) + ec * lengths.length;
  const codewords: number[] = [];
  for (let i = 0; i < total; i++) codewords.push(bits.slice(i * 8, i * 8 + 8).reduce((a, b) => (a << 1) | b, 0));
  const blocks = lengths.map(() => [] as number[]);
  let at = 0;
  for (let i = 0; i < Math.max(...lengths); i++) lengths.forEach((n, b) => i < n && blocks[b].push(codewords[at++]));
  for (let i = 0; i < ec; i++) blocks.forEach((b) => b.push(codewords[at++]));
  blocks.forEach((b) => expect(syndromesZero(b, ec)).toBe(true));
  const data = blocks.flatMap((b, i) => b.slice(0, lengths[i]));
  const stream = data.flatMap((byte) => Array.from({ length: 8 }, (_, k) => (byte >>> (7 - k)) & 1));
  const read = (from: number, n: number) => stream.slice(from, from + n).reduce((a, b) => (a << 1) | b, 0);
  expect(read(0, 4)).toBe(0b0100);
  const countBits = version < 10 ? 8 : 16;
  const length = read(4, countBits);
  const bytes = Uint8Array.from({ length }, (_, i) => read(4 + countBits + 8 * i, 8));
  return { text: new TextDecoder().decode(bytes), mask, version };
}

describe("QR code encoder", () => {
  it("computes the error correction codewords of the standard's 01234567 1-M example", () => {
    // ISO/IEC 18004 annex I: the data codewords of "01234567" (numeric mode) at 1-M and their EC codewords.
    const data = [16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17];
    expect(reedSolomon(data, 10)).toEqual([165, 36, 212, 193, 237, 54, 199, 135, 44, 85]);
  });

  it("writes the format bits of level M as the standard's table lists them", () => {
    expect(formatBits(0)).toBe(0b101010000010010);
    expect(formatBits(1)).toBe(0b101000100100101);
    expect(formatBits(4)).toBe(0b100010111111001);
    expect(formatBits(7)).toBe(0b100101010100000);
  });

  it("writes the version information of version 7 as the standard's table lists it", () => {
    expect(versionBits(7)).toBe(0b000111110010010100);
  });

  it("pads the data with the terminator and alternating 0xEC 0x11 bytes", () => {
    const words = dataCodewords(new TextEncoder().encode("A"), 1);
    expect(words.slice(0, 4)).toEqual([0x40, 0x14, 0x10, 0xec]);
    expect(words.length).toBe(16);
    expect(words.slice(4, 6)).toEqual([0x11, 0xec]);
  });

  it("interleaves the codewords of a version with blocks of two sizes", () => {
    const data = Array.from({ length: 154 }, (_, i) => i & 255);
    const out = interleaved(data, 8);
    expect(out.length).toBe(154 + 4 * 22);
    expect(out.slice(0, 4)).toEqual([0, 38, 76, 115]);
    // The last data codewords come only from the two longer blocks.
    expect(out.slice(150, 154)).toEqual([113, 152, 114, 153]);
  });

  it("draws the three finder patterns with their separators and the dark module", () => {
    const { modules } = qrCode("https://example.org/verify/ABCDEFGH2345");
    const size = modules.length;
    const finder = ["1111111", "1000001", "1011101", "1011101", "1011101", "1000001", "1111111"];
    for (const [x0, y0] of [
      [0, 0],
      [size - 7, 0],
      [0, size - 7],
    ])
      finder.forEach((row, dy) =>
        expect(
          modules[y0 + dy]
            .slice(x0, x0 + 7)
            .map(Number)
            .join(""),
        ).toBe(row),
      );
    expect(modules[7].slice(0, 8).every((m) => !m)).toBe(true);
    expect(modules[size - 8][8]).toBe(true);
  });

  it("chooses the mask with the lowest penalty", () => {
    const text = "https://prize.example.org/verify/K7M2QX9T4R8P";
    const chosen = qrCode(text);
    for (let mask = 0; mask < 8; mask++)
      expect(penalty(qrCode(text, { mask }).modules)).toBeGreaterThanOrEqual(penalty(chosen.modules));
  });

  it.each([
    ["A", 1],
    ["01234567", 1],
    ["https://prize.example.org/verify/K7M2QX9T4R8P", 4],
    ["https://ict-education-prize.unesco.example.org/verify/K7M2QX9T4R8P/a/longer/path", 5],
    ["Łódź, Hà Nội, القاهرة — ".repeat(4), 9],
    ["x".repeat(213), 10],
  ])("encodes %j so that a reader decodes it back, in version %i", (text, version) => {
    const code = qrCode(text);
    expect(code.version).toBe(version);
    expect(code.modules.length).toBe(17 + 4 * version);
    for (const mask of [code.mask, (code.mask + 3) % 8]) {
      const decoded = decode(qrCode(text, { mask }).modules);
      expect(decoded).toEqual({ text, mask, version });
    }
  });

  it("refuses a text longer than version 10 holds", () => {
    expect(() => qrCode("x".repeat(214))).toThrow(/too long/);
  });
});
