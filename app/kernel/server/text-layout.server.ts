// One line of text as positioned glyphs, for the PDF writer: each character gets a font from a
// fallback chain (the first font that has it), the line is cut into runs of one font and one
// direction, the runs are put in visual order (a reduced Unicode bidi algorithm: enough for
// names and sentences in Latin, Arabic, Hebrew and the scripts that flow left to right, with
// numbers kept left to right), and fontkit shapes each run (Arabic joining, marks, kerning).
//
// The fonts are files of this repository (app/kernel/server/fonts, with their licences), read
// once per process. They are found from the working directory, which is the repository's root
// both for the tests and for the built server (`npm start`), where import.meta.url would name
// the bundle in build/ instead.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as fontkit from "fontkit";

export type FontWeight = "regular" | "bold";

const CJK = ["DroidSansFallback-CJK.ttf", "NotoSansCJKkr-Hangul.ttf"];

/** The fonts tried in turn for a character, by weight; CJK has no bold, the regular stands in. */
export const FALLBACK: Record<FontWeight, readonly string[]> = {
  regular: [
    "NotoSans-Regular.ttf",
    "NotoNaskhArabic-Regular.ttf",
    "NotoSansHebrew-Regular.ttf",
    "NotoSansThai-Regular.ttf",
    ...CJK,
  ],
  bold: ["NotoSans-Bold.ttf", "NotoNaskhArabic-Bold.ttf", "NotoSansHebrew-Bold.ttf", "NotoSansThai-Bold.ttf", ...CJK],
};

export function fontsDir(): string {
  return join(process.cwd(), "app", "kernel", "server", "fonts");
}

const loaded = new Map<string, { bytes: Uint8Array; font: fontkit.Font }>();

/** A font file's bytes and its parsed form, read on first use and kept for the process. */
export function fontFile(file: string): { bytes: Uint8Array; font: fontkit.Font } {
  let entry = loaded.get(file);
  if (!entry) {
    const bytes = new Uint8Array(readFileSync(join(fontsDir(), file)));
    entry = { bytes, font: fontkit.create(bytes) };
    loaded.set(file, entry);
  }
  return entry;
}

/** Unicode's bidi classes, reduced: left to right, right to left, European number, neutral. */
type Direction = "L" | "R" | "EN" | "N";

// Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms write right to left.
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;
const STRONG = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
// Directional controls steer the order and are not drawn. Isolates are honoured (below); the
// older embeddings and overrides (LRE, RLE, PDF, LRO, RLO) are only dropped.
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const [LRI, RLI, FSI, PDI] = ["\u2066", "\u2067", "\u2068", "\u2069"];
const ISOLATE_INITIATORS = [LRI, RLI, FSI];
const DIGIT = /\p{Nd}/u;

// In a right-to-left run these characters show their mirror image (Unicode's Bidi_Mirrored),
// which fontkit leaves to the font: they are swapped before shaping.
const MIRROR: Record<string, string> = {
  "(": ")",
  ")": "(",
  "[": "]",
  "]": "[",
  "{": "}",
  "}": "{",
  "<": ">",
  ">": "<",
  "«": "»",
  "»": "«",
  "‹": "›",
  "›": "‹",
};

function directionOf(ch: string): Direction {
  // Marks written to steer the order are strong letters of their direction that nobody sees.
  if (ch === "\u200e") return "L";
  if (ch === "\u200f" || ch === "\u061c") return "R";
  if (DIGIT.test(ch)) return "EN";
  if (RTL.test(ch) && STRONG.test(ch)) return "R";
  return STRONG.test(ch) ? "L" : "N";
}

/**
 * Each character's embedding level (even: left to right; odd: right to left), by a reduced form
 * of Unicode's bidi algorithm, for a run of text at `level`: marks take their base's class (W1),
 * a number after left-to-right text is left to right (W7), a neutral between two of one
 * direction takes it, numbers counting as right to left there (N1), other neutrals the run's
 * (N2); then rule I1 and I2.
 */
function flatLevelsOf(chars: string[], level: number): number[] {
  const dirs = chars.map(directionOf);
  dirs.forEach((d, i) => {
    if (i > 0 && MARK.test(chars[i])) dirs[i] = dirs[i - 1];
  });
  const baseDir: Direction = level % 2 === 1 ? "R" : "L";
  let strong = baseDir;
  dirs.forEach((d, i) => {
    if (d === "L" || d === "R") strong = d;
    else if (d === "EN" && strong === "L") dirs[i] = "L";
  });
  const around = (from: number, step: 1 | -1): Direction => {
    for (let i = from; i >= 0 && i < chars.length; i += step) if (dirs[i] !== "N") return dirs[i] === "L" ? "L" : "R";
    return baseDir;
  };
  return dirs.map((d, i) => {
    const resolved = d !== "N" ? d : around(i - 1, -1) === around(i + 1, 1) ? around(i - 1, -1) : baseDir;
    if (resolved === "EN") return level + (level % 2 === 0 ? 2 : 1);
    if (resolved === "R") return level % 2 === 0 ? level + 1 : level;
    return level % 2 === 0 ? level : level + 1;
  });
}

/**
 * The levels of a run that may hold isolates (LRI, RLI, FSI … PDI, rules X5a–X6a): a Latin name
 * wrapped in FSI … PDI inside an Arabic sentence is laid out as a paragraph of its own, so
 * its brackets and its trailing punctuation stay with it instead of taking the sentence's
 * direction. Outside, the isolate counts as one neutral character; its initiator and PDI take
 * the level around them (they are dropped before drawing). An initiator without its PDI runs
 * to the end of the text; a PDI without an initiator is a neutral.
 */
function levelsOf(chars: string[], level: number): number[] {
  const levels: number[] = new Array<number>(chars.length);
  // The isolates at this depth: [initiator, its PDI or the end of the text].
  const isolates: [number, number][] = [];
  for (let i = 0; i < chars.length; i++) {
    if (!ISOLATE_INITIATORS.includes(chars[i])) continue;
    let depth = 0;
    let end = i + 1;
    for (; end < chars.length; end++) {
      if (ISOLATE_INITIATORS.includes(chars[end])) depth++;
      else if (chars[end] === PDI && depth-- === 0) break;
    }
    isolates.push([i, end]);
    i = end;
  }
  // Outside: the text without the isolates' content, the initiator and PDI standing for it.
  const outside = chars.map((_, i) => i).filter((i) => !isolates.some(([from, to]) => i > from && i < to));
  flatLevelsOf(
    outside.map((i) => chars[i]),
    level,
  ).forEach((l, k) => (levels[outside[k]] = l));
  for (const [from, to] of isolates) {
    const content = chars.slice(from + 1, to);
    // FSI takes the direction of its first strong letter, not counting nested isolates' (P2).
    let nested = 0;
    const first = content.find((ch) => {
      if (ISOLATE_INITIATORS.includes(ch)) nested++;
      else if (ch === PDI) nested--;
      return nested === 0 && (directionOf(ch) === "L" || directionOf(ch) === "R");
    });
    const rtl = chars[from] === RLI || (chars[from] === FSI && first !== undefined && directionOf(first) === "R");
    const inner = level + 1 + ((level + 1) % 2 === (rtl ? 1 : 0) ? 0 : 1);
    levelsOf(content, inner).forEach((l, k) => (levels[from + 1 + k] = l));
  }
  return levels;
}

/** Glyph positions in ems (font size 1) from the run's start, and the advance of the whole run. */
export interface Segment {
  file: string;
  /** The text given to fontkit (and to the PDF font's encoder), which yields `glyphs` in order. */
  text: string;
  glyphs: { x: number; y: number }[];
  width: number;
}

export interface ShapedLine {
  width: number;
  /** In visual order, left to right. */
  segments: (Segment & { x: number })[];
}

const coverage = new Map<string, boolean>();

function has(file: string, ch: string): boolean {
  const key = `${file}\0${ch}`;
  let known = coverage.get(key);
  if (known === undefined) {
    known = fontFile(file).font.hasGlyphForCodePoint(ch.codePointAt(0)!);
    coverage.set(key, known);
  }
  return known;
}

function fontFor(ch: string, chain: readonly string[]): string {
  return chain.find((file) => has(file, ch)) ?? chain[0];
}

function shape(file: string, text: string): Segment & { rtl: boolean } {
  const { font } = fontFile(file);
  const run = font.layout(text);
  const glyphs: { x: number; y: number }[] = [];
  let pen = 0;
  run.positions.forEach((p) => {
    glyphs.push({ x: (pen + p.xOffset) / font.unitsPerEm, y: p.yOffset / font.unitsPerEm });
    pen += p.xAdvance;
  });
  return { file, text, glyphs, width: pen / font.unitsPerEm, rtl: run.direction === "rtl" };
}

/**
 * fontkit orders a run by its script: Arabic and Hebrew right to left, the rest left to right.
 * When that is not the run's direction (punctuation alone in a right-to-left line, Arabic-Indic
 * digits, which read left to right), the run is shaped a character at a time, in visual order.
 */
function shapeRun(file: string, text: string, rtl: boolean): Segment[] {
  const whole = shape(file, text);
  if (whole.rtl === rtl || [...text].length === 1) return [whole];
  const chars = [...text];
  return (rtl ? chars.reverse() : chars).map((c) => shape(file, c));
}

/**
 * Lays out one line. `base` is the paragraph's direction: "rtl" for an Arabic diploma, where
 * runs of Latin text (a laureate's name) keep their own order inside the right-to-left line.
 */
export function layoutLine(text: string, weight: FontWeight, base: "ltr" | "rtl"): ShapedLine {
  const chain = FALLBACK[weight];
  // Directional controls take part in the levels, then are dropped: no font draws them.
  const all = [...text.normalize("NFC")];
  const allLevels = levelsOf(all, base === "rtl" ? 1 : 0);
  const drawn = all.map((_, i) => i).filter((i) => !BIDI_CONTROL.test(all[i]));
  const chars = drawn.map((i) => all[i]);
  const levels = drawn.map((i) => allLevels[i]);

  const fonts: string[] = [];
  chars.forEach((ch, i) => {
    if (directionOf(ch) === "N" || directionOf(ch) === "EN" || MARK.test(ch)) {
      // Spaces, punctuation and digits stay in the font around them, so as not to break a run.
      const previous = fonts[i - 1];
      const next = chars.slice(i + 1).find((c) => directionOf(c) === "L" || directionOf(c) === "R");
      if (previous && has(previous, ch)) fonts.push(previous);
      else if (next && has(fontFor(next, chain), ch)) fonts.push(fontFor(next, chain));
      else fonts.push(fontFor(ch, chain));
    } else fonts.push(fontFor(ch, chain));
  });

  // Runs of one font and one level, in logical order. A mirrored character is a run of its own:
  // shaped alone, it is not mirrored back by a font's own right-to-left forms.
  const runs: { file: string; level: number; text: string; alone: boolean }[] = [];
  chars.forEach((ch, i) => {
    const mirrored = levels[i] % 2 === 1 && MIRROR[ch] !== undefined;
    const last = runs.at(-1);
    if (last && !last.alone && !mirrored && last.file === fonts[i] && last.level === levels[i]) last.text += ch;
    else runs.push({ file: fonts[i], level: levels[i], text: mirrored ? MIRROR[ch] : ch, alone: mirrored });
  });

  // Unicode's rule L2: from the highest level down to the lowest odd one, reverse every
  // sequence of runs at that level or higher.
  const visual = [...runs];
  const max = Math.max(0, ...visual.map((r) => r.level));
  for (let level = max; level >= 1; level--) {
    for (let i = 0; i < visual.length; i++) {
      if (visual[i].level < level) continue;
      let end = i;
      while (end + 1 < visual.length && visual[end + 1].level >= level) end++;
      visual.splice(i, end - i + 1, ...visual.slice(i, end + 1).reverse());
      i = end;
    }
  }

  const segments: (Segment & { x: number })[] = [];
  let x = 0;
  for (const run of visual) {
    for (const piece of shapeRun(run.file, run.text, run.level % 2 === 1)) {
      segments.push({ ...piece, x });
      x += piece.width;
    }
  }
  return { width: x, segments };
}
