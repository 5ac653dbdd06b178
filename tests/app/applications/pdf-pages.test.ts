import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { PDFDocument } from "@cantoo/pdf-lib";
import { afterEach, describe, expect, it } from "vitest";
import {
  closePdfWorker,
  countPdfPages,
  countPdfPagesOffThread,
} from "../../../app/applications/models/pdf-pages.server";
import { tinyPdf } from "../../fixtures/applications";

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, "../../fixtures/pdf", name)));
const latin1 = (text: string) => Buffer.from(text, "latin1");

/** A classic PDF with a cross-reference table, then `updates` appended as incremental saves. */
function incrementallySaved(updates: string[]): Uint8Array {
  const page = (n: number) => `${n} 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n`;
  let file = `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n`;
  file += `2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >> endobj\n${page(3)}${page(4)}${page(5)}`;
  file += `xref\n0 6\n0000000000 65535 f \ntrailer << /Size 6 /Root 1 0 R >>\nstartxref\n0\n%%EOF\n`;
  for (const update of updates) {
    file += `${update}xref\n0 1\n0000000000 65535 f \ntrailer << /Size 6 /Root 1 0 R /Prev 0 >>\nstartxref\n0\n%%EOF\n`;
  }
  return latin1(file);
}

describe("PDF pages", () => {
  it("a hand-written PDF's pages are counted", async () => {
    expect(await countPdfPages(tinyPdf(3))).toEqual({ ok: true, pages: 3 });
  });

  it("a PDF saved incrementally counts its last revision's pages, not every copy of its page objects", async () => {
    // Two later saves rewrite pages 2 and 3 (new copies of their objects), then one removes page 3:
    // five page objects stand in the file, two pages remain.
    const rewritten = `4 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] >> endobj\n5 0 obj << /Type /Page /Parent 2 0 R /Rotate 90 >> endobj\n`;
    const removed = `2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n`;
    expect(await countPdfPages(incrementallySaved([rewritten]))).toEqual({ ok: true, pages: 3 });
    expect(await countPdfPages(incrementallySaved([rewritten, removed]))).toEqual({ ok: true, pages: 2 });
  });

  it("pages compressed in object streams, as current producers write them, are counted", async () => {
    const document = await PDFDocument.create();
    for (let i = 0; i < 7; i++) document.addPage();
    const bytes = await document.save({ useObjectStreams: true });
    expect(Buffer.from(bytes).toString("latin1")).toContain("/ObjStm");
    expect(await countPdfPages(bytes)).toEqual({ ok: true, pages: 7 });
  });

  it("pages inside compressed object streams (PDF 1.5 and later) are counted, and a damaged one makes the file unreadable", async () => {
    // Five pages: two as plain objects, three compressed in an object stream, as most producers write today.
    const inner = Array.from({ length: 3 }, () => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>").join("\n");
    const offsets = [0, 1, 2].map((i) => `${6 + i} ${i * (inner.indexOf("\n") + 1)}`).join(" ");
    const compressed = deflateSync(Buffer.from(`${offsets}\n${inner}`, "latin1"));
    const pdf = Buffer.concat([
      Buffer.from(
        "%PDF-1.5\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [9 0 R 10 0 R 6 0 R 7 0 R 8 0 R] /Count 5 >> endobj\n",
        "latin1",
      ),
      Buffer.from(
        `3 0 obj << /Type /ObjStm /N 3 /First ${offsets.length + 1} /Filter /FlateDecode /Length ${compressed.length} >>\nstream\n`,
        "latin1",
      ),
      compressed,
      Buffer.from(
        "\nendstream\nendobj\n9 0 obj << /Type /Page /Parent 2 0 R >> endobj\n10 0 obj << /Type /Page /Parent 2 0 R >> endobj\n%%EOF\n",
        "latin1",
      ),
    ]);
    expect(await countPdfPages(new Uint8Array(pdf))).toEqual({ ok: true, pages: 5 });
    const damaged = Buffer.from(
      pdf.toString("latin1").replace(/stream\n[\s\S]*?\nendstream/, "stream\nnot deflate\nendstream"),
      "latin1",
    );
    expect(await countPdfPages(new Uint8Array(damaged))).toEqual({ ok: false, reason: "unreadable" });
  });

  it("a linearised PDF (fast web view) counts its pages once", async () => {
    expect(await countPdfPages(fixture("linearised.pdf"))).toEqual({ ok: true, pages: 4 });
  });

  it("an encrypted PDF that opens without a password is counted, even with its pages in encrypted object streams", async () => {
    expect(await countPdfPages(fixture("owner-password.pdf"))).toEqual({ ok: true, pages: 4 });
  });

  it("a PDF that needs a password to open is refused as protected", async () => {
    expect(await countPdfPages(fixture("user-password.pdf"))).toEqual({ ok: false, reason: "protected" });
  });

  it("the leaves of the page tree are counted, whatever its /Count says", async () => {
    const lying = latin1(
      "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 1 >> endobj\n" +
        "3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n4 0 obj << /Type /Page /Parent 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    );
    expect(await countPdfPages(lying)).toEqual({ ok: true, pages: 2 });
  });

  it("a page tree that loops, a file without a catalogue and a file with no pages are unreadable, never a crash", async () => {
    const looping = latin1(
      "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R 2 0 R] /Count 1 >> endobj\n" +
        "3 0 obj << /Type /Page /Parent 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    );
    const noCatalogue = latin1("%PDF-1.4\n1 0 obj << /Type /Font >> endobj\ntrailer << >>\n%%EOF\n");
    const noPages = latin1(
      "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    );
    for (const bytes of [looping, noCatalogue, noPages, latin1("%PDF-1.7\n\u0000\u0001 not a document")]) {
      expect(await countPdfPages(bytes)).toEqual({ ok: false, reason: "unreadable" });
    }
  });

  it("an object stream that would inflate beyond 64 MB is refused before the parser opens it", async () => {
    const bomb = deflateSync(Buffer.alloc(65 * 1024 * 1024));
    const bytes = Buffer.concat([
      latin1(
        "%PDF-1.5\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n",
      ),
      latin1(`4 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`),
      bomb,
      latin1("\nendstream\nendobj\n3 0 obj << /Type /Page /Parent 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
    ]);
    expect(bytes.byteLength).toBeLessThan(1024 * 1024);
    expect(await countPdfPages(bytes)).toEqual({ ok: false, reason: "unreadable" });
  });
});

describe("PDF pages of an upload, counted in the PDF worker", () => {
  afterEach(async () => {
    delete process.env.PDF_PAGES_TIMEOUT_MS;
    await closePdfWorker();
  });

  /** "%PDF-" then `megabytes` of junk: the parser tries every byte (~4 s a megabyte on one core here). */
  const junk = (megabytes: number) =>
    new Uint8Array(Buffer.concat([latin1("%PDF-1.4\n"), Buffer.alloc(megabytes * 1024 * 1024, "z")]));

  it("an upload's pages are counted in the worker, as on this thread", async () => {
    expect(await countPdfPagesOffThread(tinyPdf(3), "applicant-1")).toEqual({ ok: true, pages: 3 });
    expect(await countPdfPagesOffThread(fixture("user-password.pdf"), "applicant-1")).toEqual({
      ok: false,
      reason: "protected",
    });
  });

  it("junk that starts like a PDF is read while this thread keeps answering, and is unreadable once its time is up", async () => {
    // 16 MB of junk would hold the parser about a minute: the limit ends it (the test's own limit is 30 s).
    process.env.PDF_PAGES_TIMEOUT_MS = "1000";
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 20);
    try {
      expect(await countPdfPagesOffThread(junk(16), "applicant-1")).toEqual({ ok: false, reason: "unreadable" });
    } finally {
      clearInterval(ticking);
    }
    // On this thread the parser would have held the event loop the whole second: no tick at all.
    expect(ticks).toBeGreaterThan(10);
    // The worker that overran was ended; the next upload gets a new one.
    expect(await countPdfPagesOffThread(tinyPdf(2), "applicant-1")).toEqual({ ok: true, pages: 2 });
  }, 30_000);

  it("a worker lost for another reason (the server stopping) is not blamed on the file: it asks for the upload again", async () => {
    const counting = countPdfPagesOffThread(junk(4), "applicant-1");
    await closePdfWorker();
    expect(await counting).toEqual({ ok: false, reason: "unchecked" });
  });

  it("one person's files are read one at a time, and no more than four wait for the worker", async () => {
    const first = countPdfPagesOffThread(junk(4), "applicant-1");
    // The same person's next file is refused while the first is read: no one fills the queue alone.
    expect(await countPdfPagesOffThread(tinyPdf(1), "applicant-1")).toEqual({ ok: false, reason: "busy" });
    const waiting = ["applicant-2", "applicant-3", "applicant-4", "applicant-5"].map((owner) =>
      countPdfPagesOffThread(junk(1), owner),
    );
    // A sixth person's file would wait behind four: they are asked to upload it again in a moment.
    expect(await countPdfPagesOffThread(tinyPdf(1), "applicant-6")).toEqual({ ok: false, reason: "unchecked" });
    await closePdfWorker();
    for (const counting of [first, ...waiting]) expect(await counting).toEqual({ ok: false, reason: "unchecked" });
    // Once their file is answered, the same person may upload again.
    expect(await countPdfPagesOffThread(tinyPdf(1), "applicant-1")).toEqual({ ok: true, pages: 1 });
  });
});
