// A QR code encoder (ISO/IEC 18004): byte mode, error correction level M, versions 1–10, which
// holds up to 213 bytes — a verification URL needs fewer than 80. Written here because the app
// takes no new dependency for what a diploma needs once per download.

/** Level M per version: EC codewords per block, then (blocks, data codewords each) of both groups. */
const LEVEL_M: readonly (readonly [number, number, number, number, number])[] = [
  [10, 1, 16, 0, 0],
  [16, 1, 28, 0, 0],
  [26, 1, 44, 0, 0],
  [18, 2, 32, 0, 0],
  [24, 2, 43, 0, 0],
  [16, 4, 27, 0, 0],
  [18, 4, 31, 0, 0],
  [22, 2, 38, 2, 39],
  [22, 3, 36, 2, 37],
  [26, 4, 43, 1, 44],
];

/** Centre rows and columns of the alignment patterns, per version. */
const ALIGNMENT: readonly (readonly number[])[] = [
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
];

export const QR_MAX_VERSION = LEVEL_M.length;

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255];
}
const gfMul = (a: number, b: number) => (a && b ? EXP[LOG[a] + LOG[b]] : 0);

/** The Reed–Solomon error correction codewords of `data` (the remainder by the generator polynomial). */
export function reedSolomon(data: readonly number[], degree: number): number[] {
  let generator = [1];
  for (let i = 0; i < degree; i++) {
    const next = new Array<number>(generator.length + 1).fill(0);
    generator.forEach((c, j) => {
      next[j] ^= c;
      next[j + 1] ^= gfMul(c, EXP[i]);
    });
    generator = next;
  }
  const work = [...data, ...new Array<number>(degree).fill(0)];
  for (let i = 0; i < data.length; i++) {
    const factor = work[i];
    if (factor) generator.forEach((c, j) => (work[i + j] ^= gfMul(c, factor)));
  }
  return work.slice(data.length);
}

/** The 15 format bits (level M, mask), BCH-protected and XOR-masked as the standard says. */
export function formatBits(mask: number): number {
  const data = (0b00 << 3) | mask; // level M is 00
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  return ((data << 10) | rem) ^ 0x5412;
}

/** The 18 version bits (versions 7 and above), BCH-protected. */
export function versionBits(version: number): number {
  let rem = version;
  for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
  return (version << 12) | rem;
}

const dataCapacity = (v: number) => {
  const [, b1, d1, b2, d2] = LEVEL_M[v - 1];
  return b1 * d1 + b2 * d2;
};

/** The data codewords: mode, length, bytes, terminator, padding. */
export function dataCodewords(bytes: Uint8Array, version: number): number[] {
  const bits: number[] = [];
  const push = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  push(0b0100, 4);
  push(bytes.length, version < 10 ? 8 : 16);
  bytes.forEach((b) => push(b, 8));
  const capacity = dataCapacity(version) * 8;
  push(0, Math.min(4, capacity - bits.length));
  while (bits.length % 8) bits.push(0);
  const out: number[] = [];
  for (let i = 0; i < bits.length; i += 8) out.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  for (let pad = 0xec; out.length < capacity / 8; pad ^= 0xec ^ 0x11) out.push(pad);
  return out;
}

/** Data and EC codewords split into blocks and interleaved, in the order they are placed. */
export function interleaved(data: readonly number[], version: number): number[] {
  const [ec, b1, d1, b2, d2] = LEVEL_M[version - 1];
  const blocks: number[][] = [];
  let at = 0;
  for (let i = 0; i < b1 + b2; i++) {
    const length = i < b1 ? d1 : d2;
    blocks.push(data.slice(at, at + length));
    at += length;
  }
  const out: number[] = [];
  for (let i = 0; i < Math.max(d1, d2); i++) for (const b of blocks) if (i < b.length) out.push(b[i]);
  const ecBlocks = blocks.map((b) => reedSolomon(b, ec));
  for (let i = 0; i < ec; i++) for (const b of ecBlocks) out.push(b[i]);
  return out;
}

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

class QrSymbol {
  readonly size: number;
  readonly dark: boolean[][];
  readonly reserved: boolean[][];

  constructor(readonly version: number) {
    this.size = 17 + 4 * version;
    this.dark = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.reserved = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.drawFunctionPatterns();
  }

  set(x: number, y: number, dark: boolean) {
    this.dark[y][x] = dark;
    this.reserved[y][x] = true;
  }

  private drawFunctionPatterns() {
    const { size } = this;
    for (let i = 0; i < size; i++) {
      this.set(6, i, i % 2 === 0);
      this.set(i, 6, i % 2 === 0);
    }
    for (const [cx, cy] of [
      [3, 3],
      [size - 4, 3],
      [3, size - 4],
    ])
      for (let dy = -4; dy <= 4; dy++)
        for (let dx = -4; dx <= 4; dx++) {
          const x = cx + dx;
          const y = cy + dy;
          const ring = Math.max(Math.abs(dx), Math.abs(dy));
          if (x >= 0 && x < size && y >= 0 && y < size) this.set(x, y, ring !== 2 && ring !== 4);
        }
    const centres = ALIGNMENT[this.version - 1];
    const last = centres.length - 1;
    centres.forEach((cy, i) =>
      centres.forEach((cx, j) => {
        if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
        for (let dy = -2; dy <= 2; dy++)
          for (let dx = -2; dx <= 2; dx++) this.set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }),
    );
    this.drawFormat(0);
    if (this.version >= 7) {
      const bits = versionBits(this.version);
      for (let i = 0; i < 18; i++) {
        const bit = ((bits >>> i) & 1) === 1;
        const a = size - 11 + (i % 3);
        const b = Math.floor(i / 3);
        this.set(a, b, bit);
        this.set(b, a, bit);
      }
    }
  }

  drawFormat(mask: number) {
    const { size } = this;
    const bits = formatBits(mask);
    const bit = (i: number) => ((bits >>> i) & 1) === 1;
    for (let i = 0; i <= 5; i++) this.set(8, i, bit(i));
    this.set(8, 7, bit(6));
    this.set(8, 8, bit(7));
    this.set(7, 8, bit(8));
    for (let i = 9; i < 15; i++) this.set(14 - i, 8, bit(i));
    for (let i = 0; i < 8; i++) this.set(size - 1 - i, 8, bit(i));
    for (let i = 8; i < 15; i++) this.set(8, size - 15 + i, bit(i));
    this.set(8, size - 8, true); // the dark module
  }

  /** Codewords in the two-column zigzag from the bottom right, skipping the timing column. */
  placeCodewords(codewords: readonly number[]) {
    const { size } = this;
    let i = 0;
    for (let right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      const upward = ((right + 1) & 2) === 0;
      for (let vert = 0; vert < size; vert++)
        for (let j = 0; j < 2; j++) {
          const x = right - j;
          const y = upward ? size - 1 - vert : vert;
          if (this.reserved[y][x] || i >= codewords.length * 8) continue;
          this.dark[y][x] = ((codewords[i >>> 3] >>> (7 - (i & 7))) & 1) === 1;
          i++;
        }
    }
  }

  applyMask(mask: number) {
    for (let y = 0; y < this.size; y++)
      for (let x = 0; x < this.size; x++)
        if (!this.reserved[y][x] && MASKS[mask](x, y)) this.dark[y][x] = !this.dark[y][x];
  }
}

/** The penalty score of a masked symbol, by the four rules of ISO/IEC 18004 (7.8.3). */
export function penalty(dark: readonly (readonly boolean[])[]): number {
  const size = dark.length;
  const lines: boolean[][] = [];
  for (let i = 0; i < size; i++) {
    lines.push([...dark[i]]);
    lines.push(dark.map((row) => row[i]));
  }
  let score = 0;
  for (const line of lines) {
    // Rule 1: five or more same-coloured modules in a row: 3, plus 1 per module beyond five.
    let run = 1;
    for (let i = 1; i <= size; i++) {
      if (i < size && line[i] === line[i - 1]) run++;
      else {
        if (run >= 5) score += run - 2;
        run = 1;
      }
    }
    // Rule 3: 1:1:3:1:1 finder-like pattern with four light modules on either side (the quiet zone counts as light).
    const padded = [...new Array<boolean>(4).fill(false), ...line, ...new Array<boolean>(4).fill(false)];
    const core = [true, false, true, true, true, false, true];
    for (let i = 0; i + 7 <= padded.length; i++) {
      if (!core.every((c, k) => padded[i + k] === c)) continue;
      const before = i >= 4 && padded.slice(i - 4, i).every((c) => !c);
      const after = i + 11 <= padded.length && padded.slice(i + 7, i + 11).every((c) => !c);
      if (before) score += 40;
      if (after) score += 40;
    }
  }
  // Rule 2: each 2×2 block of one colour: 3.
  for (let y = 0; y + 1 < size; y++)
    for (let x = 0; x + 1 < size; x++) {
      const c = dark[y][x];
      if (dark[y][x + 1] === c && dark[y + 1][x] === c && dark[y + 1][x + 1] === c) score += 3;
    }
  // Rule 4: 10 per full 5% the proportion of dark modules strays from 50%.
  const darkCount = dark.reduce((n, row) => n + row.filter(Boolean).length, 0);
  score += 10 * Math.floor(Math.abs((darkCount * 100) / (size * size) - 50) / 5);
  return score;
}

export interface QrCode {
  version: number;
  mask: number;
  /** Rows of modules, true for dark; no quiet zone (leave four modules around it). */
  modules: boolean[][];
}

/**
 * The QR code of a text (UTF-8 bytes), level M, in the smallest version that holds it, with the
 * mask of lowest penalty unless one is asked for. Throws when the text needs more than version 10.
 */
export function qrCode(text: string, { mask: forcedMask }: { mask?: number } = {}): QrCode {
  const bytes = new TextEncoder().encode(text);
  let version = 1;
  while (version <= QR_MAX_VERSION && 4 + (version < 10 ? 8 : 16) + bytes.length * 8 > dataCapacity(version) * 8)
    version++;
  if (version > QR_MAX_VERSION) throw new Error(`Text too long for a version ${QR_MAX_VERSION} QR code`);
  const codewords = interleaved(dataCodewords(bytes, version), version);
  const candidates = forcedMask === undefined ? [0, 1, 2, 3, 4, 5, 6, 7] : [forcedMask];
  let best: QrCode | null = null;
  let bestScore = Infinity;
  for (const mask of candidates) {
    const symbol = new QrSymbol(version);
    symbol.placeCodewords(codewords);
    symbol.applyMask(mask);
    symbol.drawFormat(mask);
    const score = penalty(symbol.dark);
    if (score < bestScore) {
      bestScore = score;
      best = { version, mask, modules: symbol.dark };
    }
  }
  return best!;
}
