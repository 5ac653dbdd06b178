// A small PDF 1.4 writer: one landscape A4 page of centred text lines in the standard
// Helvetica fonts (no embedding), WinAnsi encoding. Enough for a diploma; Arabic is not needed.

// Helvetica advance widths (1/1000 em) for ASCII 32–126, from the standard AFM.
const WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

// Characters of WinAnsiEncoding outside Latin-1, by code point.
const WIN_ANSI: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x0152: 0x8c,
  0x0153: 0x9c,
  0x0160: 0x8a,
  0x0161: 0x9a,
  0x0178: 0x9f,
  0x017d: 0x8e,
  0x017e: 0x9e,
};

/** Text as WinAnsi bytes (a latin1 string); characters it cannot carry become "?". */
export function winAnsi(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x20 && cp <= 0x7e) out += ch;
    else if (cp >= 0xa0 && cp <= 0xff) out += ch;
    else if (WIN_ANSI[cp]) out += String.fromCharCode(WIN_ANSI[cp]);
    else if (cp === 0x202f || cp === 0x2009) out += " ";
    else out += "?";
  }
  return out;
}

function textWidth(text: string, size: number, bold: boolean): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    w += c >= 32 && c <= 126 ? WIDTHS[c - 32] : 556;
  }
  return (w * size * (bold ? 1.06 : 1)) / 1000;
}

const escape = (s: string) => s.replace(/\\/g, "\\\\").replace(/\(/g, "\\(").replace(/\)/g, "\\)");

export interface PdfLine {
  text: string;
  size: number;
  bold?: boolean;
  /** Gap before this line, in points (default: the size × 0.8). */
  gap?: number;
}

/** Wraps a long line at spaces so it fits `maxWidth` points. */
export function wrap(line: PdfLine, maxWidth: number): PdfLine[] {
  const words = winAnsi(line.text).split(" ");
  const out: PdfLine[] = [];
  let current = "";
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (current && textWidth(next, line.size, !!line.bold) > maxWidth) {
      out.push({ ...line, text: current, gap: out.length ? line.size * 0.35 : line.gap });
      current = word;
    } else current = next;
  }
  out.push({ ...line, text: current, gap: out.length ? line.size * 0.35 : line.gap });
  return out;
}

/** A one-page landscape A4 PDF with the lines centred, from the top. */
export function pdfDocument({
  title,
  lines,
  footer,
  qr,
}: {
  title: string;
  lines: PdfLine[];
  footer?: { left: string; right: string };
  /** A QR code centred between the signatures, with its text (the verification URL) under it. */
  qr?: { modules: boolean[][]; caption: string };
}): Buffer {
  const W = 842;
  const H = 595;
  const all = lines.flatMap((l) => wrap(l, W - 140));
  let y = H - 90;
  let content = "0.11 0.37 0.66 RG 3 w 30 30 782 535 re S 0.5 w 40 40 762 515 re S\n0 0 0 rg\n";
  for (const line of all) {
    y -= (line.gap ?? line.size * 0.8) + line.size;
    const text = winAnsi(line.text);
    const x = (W - textWidth(text, line.size, !!line.bold)) / 2;
    content += `BT /${line.bold ? "F2" : "F1"} ${line.size} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td (${escape(text)}) Tj ET\n`;
  }
  if (footer) {
    const left = winAnsi(footer.left);
    const right = winAnsi(footer.right);
    content += `0 0 0 RG 0.8 w 110 130 m 330 130 l S 512 130 m 732 130 l S\n`;
    content += `BT /F1 11 Tf ${(220 - textWidth(left, 11, false) / 2).toFixed(2)} 112 Td (${escape(left)}) Tj ET\n`;
    content += `BT /F1 11 Tf ${(622 - textWidth(right, 11, false) / 2).toFixed(2)} 112 Td (${escape(right)}) Tj ET\n`;
  }
  if (qr) content += qrContent(qr, W / 2);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${W} ${H}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}endstream`,
    `<< /Title (${escape(winAnsi(title))}) /Producer (ict-prize) >>`,
  ];
  let pdf = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, "latin1"));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

/** The QR code's dark modules as filled rectangles (one per horizontal run), 2 pt a module, and its caption. */
function qrContent({ modules, caption }: { modules: boolean[][]; caption: string }, centre: number): string {
  const unit = 2;
  const size = modules.length * unit;
  const left = centre - size / 2;
  const top = 74 + size;
  let out = "0 0 0 rg\n";
  modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let end = x;
      while (end + 1 < row.length && row[end + 1]) end++;
      out += `${(left + x * unit).toFixed(2)} ${(top - (y + 1) * unit).toFixed(2)} ${(end - x + 1) * unit} ${unit} re\n`;
      x = end;
    }
  });
  out += "f\n";
  const text = winAnsi(caption);
  out += `BT /F1 8 Tf ${(centre - textWidth(text, 8, false) / 2).toFixed(2)} 62 Td (${escape(text)}) Tj ET\n`;
  return out;
}
