// One landscape A4 page of centred text lines, for the diploma: @cantoo/pdf-lib writes the file,
// with the repository's fonts embedded as subsets (only the glyphs the page uses), so a name in
// any script the fonts cover prints as written and the file stays small. Glyphs are placed one
// by one where text-layout.server.ts put them, since pdf-lib's own drawText ignores the shaping
// engine's positions (Arabic marks, Thai tone marks, kerning) and knows no bidi order.
import {
  PDFDocument,
  PDFHexString,
  beginText,
  endText,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  showText,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
} from "@cantoo/pdf-lib";
import * as fontkit from "fontkit";
import { fontFile, layoutLine, type FontWeight, type ShapedLine } from "./text-layout.server";

export interface PdfLine {
  text: string;
  size: number;
  bold?: boolean;
  /** Gap before this line, in points (default: the size × 0.8). */
  gap?: number;
}

const W = 842;
const H = 595;

/**
 * Wraps a long line at spaces so it fits `maxWidth` points, measured with the fonts it is printed
 * in: each word once (shaping is the costly part), the line as the sum of its words and spaces.
 */
export function wrap(line: PdfLine, maxWidth: number, base: "ltr" | "rtl"): PdfLine[] {
  const weight: FontWeight = line.bold ? "bold" : "regular";
  const width = (text: string) => layoutLine(text, weight, base).width * line.size;
  const space = width(" ");
  const out: PdfLine[] = [];
  let current = "";
  let currentWidth = 0;
  for (const word of line.text.split(" ")) {
    const wordWidth = width(word);
    if (current && currentWidth + space + wordWidth > maxWidth) {
      out.push({ ...line, text: current, gap: out.length ? line.size * 0.35 : line.gap });
      current = word;
      currentWidth = wordWidth;
    } else {
      current = current ? `${current} ${word}` : word;
      currentWidth = current === word ? wordWidth : currentWidth + space + wordWidth;
    }
  }
  out.push({ ...line, text: current, gap: out.length ? line.size * 0.35 : line.gap });
  return carryIsolates(out);
}

const [INITIATORS, PDI] = ["\u2066\u2067\u2068", "\u2069"];

/**
 * A line cut inside an isolate (a name in FSI … PDI) closes it at its end and opens it again at
 * the start of the next, so each part is still laid out apart from the sentence around it.
 */
function carryIsolates(lines: PdfLine[]): PdfLine[] {
  let open = "";
  return lines.map((line) => {
    const text = open + line.text;
    const stack: string[] = [];
    for (const ch of text) {
      if (INITIATORS.includes(ch)) stack.push(ch);
      else if (ch === PDI) stack.pop();
    }
    open = stack.join("");
    return { ...line, text: text + PDI.repeat(stack.length) };
  });
}

/** Embeds each font file once per document, on first use, as a subset. */
function fontEmbedder(doc: PDFDocument) {
  const embedded = new Map<string, Promise<PDFFont>>();
  return (file: string) => {
    let font = embedded.get(file);
    if (!font) {
      font = doc.embedFont(fontFile(file).bytes, { subset: true });
      embedded.set(file, font);
    }
    return font;
  };
}

/** Draws a shaped line with its left end at (x, y), `size` points high. */
async function drawLine(
  page: PDFPage,
  embed: (file: string) => Promise<PDFFont>,
  line: ShapedLine,
  x: number,
  y: number,
  size: number,
): Promise<void> {
  const ops: PDFOperator[] = [pushGraphicsState(), setFillingRgbColor(0, 0, 0), beginText()];
  for (const segment of line.segments) {
    const font = await embed(segment.file);
    const key = fontKey(page, font);
    // The encoder lays the text out as fontkit did here, so its glyph codes pair with our positions.
    const codes = font.encodeText(segment.text).asString().match(/.{4}/g) ?? [];
    if (codes.length !== segment.glyphs.length) throw new Error(`Glyphs of "${segment.text}" differ from its layout`);
    ops.push(setFontAndSize(key, size));
    segment.glyphs.forEach((glyph, i) => {
      const gx = x + (segment.x + glyph.x) * size;
      const gy = y + glyph.y * size;
      ops.push(setTextMatrix(1, 0, 0, 1, round(gx), round(gy)), showText(PDFHexString.of(codes[i])));
    });
  }
  ops.push(endText(), popGraphicsState());
  page.pushOperators(...ops);
}

const fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

/** The page's resource name of a font, added once. */
function fontKey(page: PDFPage, font: PDFFont): PDFName {
  const keys = fontKeys.get(page) ?? new Map<PDFFont, PDFName>();
  fontKeys.set(page, keys);
  let key = keys.get(font);
  if (!key) {
    key = page.node.newFontDictionary(font.name, font.ref);
    keys.set(font, key);
  }
  return key;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A one-page landscape A4 PDF with the lines centred, from the top. */
export async function pdfDocument({
  title,
  lang,
  lines,
  footer,
  qr,
}: {
  title: string;
  /** The document's language; Arabic lays the lines out right to left. */
  lang: string;
  lines: PdfLine[];
  footer?: { left: string; right: string };
  /** A QR code centred between the signatures, with its text (the verification URL) under it. */
  qr?: { modules: boolean[][]; caption: string };
}): Promise<Uint8Array> {
  const base = lang === "ar" ? "rtl" : "ltr";
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit as unknown as Parameters<PDFDocument["registerFontkit"]>[0]);
  doc.setTitle(title);
  doc.setLanguage(lang);
  doc.setProducer("ict-prize");
  doc.setCreator("ict-prize");
  const embed = fontEmbedder(doc);
  const page = doc.addPage([W, H]);
  const blue = rgb(0.11, 0.37, 0.66);
  page.drawRectangle({ x: 30, y: 30, width: 782, height: 535, borderColor: blue, borderWidth: 3 });
  page.drawRectangle({ x: 40, y: 40, width: 762, height: 515, borderColor: blue, borderWidth: 0.5 });

  const centred = async (text: string, weight: FontWeight, size: number, centre: number, y: number) => {
    const shaped = layoutLine(text, weight, base);
    await drawLine(page, embed, shaped, centre - (shaped.width * size) / 2, y, size);
  };
  let y = H - 90;
  for (const line of lines.flatMap((l) => wrap(l, W - 140, base))) {
    y -= (line.gap ?? line.size * 0.8) + line.size;
    await centred(line.text, line.bold ? "bold" : "regular", line.size, W / 2, y);
  }
  if (footer) {
    const black = rgb(0, 0, 0);
    page.drawLine({ start: { x: 110, y: 130 }, end: { x: 330, y: 130 }, thickness: 0.8, color: black });
    page.drawLine({ start: { x: 512, y: 130 }, end: { x: 732, y: 130 }, thickness: 0.8, color: black });
    // Read from the right in Arabic: the first signature is the right-hand one.
    const [left, right] = base === "rtl" ? [footer.right, footer.left] : [footer.left, footer.right];
    await centred(left, "regular", 11, 220, 112);
    await centred(right, "regular", 11, 622, 112);
  }
  if (qr) {
    page.pushOperators(...qrOperators(qr.modules, W / 2));
    await centred(qr.caption, "regular", 8, W / 2, 62);
  }
  return doc.save();
}

/** The QR code's dark modules as filled rectangles (one per horizontal run), 2 pt a module. */
function qrOperators(modules: boolean[][], centre: number): PDFOperator[] {
  const unit = 2;
  const size = modules.length * unit;
  const left = centre - size / 2;
  const top = 74 + size;
  const ops: PDFOperator[] = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let end = x;
      while (end + 1 < row.length && row[end + 1]) end++;
      ops.push(rectangle(left + x * unit, top - (y + 1) * unit, (end - x + 1) * unit, unit));
      x = end;
    }
  });
  ops.push(fill(), popGraphicsState());
  return ops;
}
