// Pages of an uploaded PDF, read by a maintained PDF parser (decision 011). A regular expression
// over the bytes over-counts files saved incrementally (each save appends new copies of the page
// objects it changed) and cannot see into encrypted ones; the parser reads the file as a reader
// does — the last revision of each object, object streams, cross-reference streams, linearised
// files, and encryption with an empty user password (an "owner password" that only restricts
// printing or copying) — and counts the leaves of the page tree itself, never its /Count, which a
// file could set to anything.
//
// The parser reads a file that is not one slowly (~4 s a megabyte of junk after "%PDF-": it tries
// every byte), so an upload's pages are counted in a worker thread of their own with a time limit
// (decision 038): the request thread, /healthz included, keeps answering, and a file the parser
// cannot finish within PDF_PAGES_TIMEOUT_MS is unreadable. A real 20 MB PDF loads in ~0.1 s.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from "@cantoo/pdf-lib";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { constants as zlibConstants, inflateSync } from "node:zlib";
import { WorkerOverran, WorkerPool } from "../../kernel/server/worker-pool.server";

export type PdfPages = { ok: true; pages: number } | { ok: false; reason: "protected" | "unreadable" };

/**
 * Not read: the worker was lost for a reason other than the file (a crash, the server stopping),
 * or too many files wait for it (`unchecked`: worth a retry); another file of the same person is
 * still being read (`busy`).
 */
export type PdfPagesChecked = PdfPages | { ok: false; reason: "unchecked" | "busy" };

// The parser inflates object streams and cross-reference streams while it loads, with no limit of
// its own; a stream that inflates beyond this is a decompression bomb, not a document.
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
const LOADED_STREAM = /\/Type\s*\/(?:ObjStm|XRef)(?![a-zA-Z])[\s\S]*?stream\r?\n/g;

function inflatesWithinLimit(buffer: Buffer): boolean {
  const text = buffer.toString("latin1");
  let total = 0;
  for (const match of text.matchAll(LOADED_STREAM)) {
    const start = match.index + match[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) continue;
    try {
      total += inflateSync(buffer.subarray(start, end), {
        maxOutputLength: MAX_INFLATED_BYTES,
        finishFlush: zlibConstants.Z_SYNC_FLUSH,
      }).byteLength;
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return false;
      // Not Flate, or encrypted: the parser decides what it can read.
    }
    if (total > MAX_INFLATED_BYTES) return false;
  }
  return true;
}

class Unreadable extends Error {}

/** The pages under a node of the page tree; a kid that is missing, not a page or seen twice (a loop) is unreadable. */
function leaves(document: PDFDocument, node: PDFDict, seen: Set<string>): number {
  const kids = node.lookupMaybe(PDFName.of("Kids"), PDFArray);
  if (!kids) throw new Unreadable("a page tree node without kids");
  let pages = 0;
  for (let i = 0; i < kids.size(); i++) {
    const ref = kids.get(i);
    if (!(ref instanceof PDFRef) || seen.has(ref.toString())) throw new Unreadable("a kid that is not a new reference");
    seen.add(ref.toString());
    const kid = document.context.lookup(ref);
    if (!(kid instanceof PDFDict)) throw new Unreadable("a kid that does not exist");
    const type = kid.lookupMaybe(PDFName.of("Type"), PDFName)?.asString();
    if (type === "/Page") pages += 1;
    else if (type === "/Pages") pages += leaves(document, kid, seen);
    else throw new Unreadable("a kid that is neither a page nor a page tree");
  }
  return pages;
}

/**
 * Counts the pages of a PDF. A file protected by a password (the jury could not open it) is
 * `protected`; one the parser cannot read, whose page tree loops, or whose compressed parts would
 * inflate beyond 64 MB, is `unreadable`.
 */
export async function countPdfPages(bytes: Uint8Array): Promise<PdfPages> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!inflatesWithinLimit(buffer)) return { ok: false, reason: "unreadable" };
  try {
    // An empty password opens every file whose owner only restricted printing or copying.
    const document = await PDFDocument.load(bytes, { password: "", updateMetadata: false });
    const pages = leaves(document, document.catalog.lookup(PDFName.of("Pages"), PDFDict), new Set());
    return pages > 0 ? { ok: true, pages } : { ok: false, reason: "unreadable" };
  } catch (error) {
    if (error instanceof Error && /NEEDS PASSWORD|password/i.test(error.message)) {
      return { ok: false, reason: "protected" };
    }
    // Malformed files, missing catalogues, missing pages, page trees that loop: never a 500.
    return { ok: false, reason: "unreadable" };
  }
}

const ROLE = "pdf-pages-worker";

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
  parentPort!.on("message", async ({ id, message }: { id: number; message: Uint8Array }) => {
    try {
      parentPort!.postMessage({ id, ok: true, value: await countPdfPages(message) });
    } catch (error) {
      parentPort!.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  });
  parentPort!.postMessage({ ready: true });
}

/** PDF_PAGES_TIMEOUT_MS (default 10,000): how long the parser may read one upload before it is unreadable. */
const timeoutMs = () => {
  const ms = Number(process.env.PDF_PAGES_TIMEOUT_MS ?? 10_000);
  return Number.isFinite(ms) && ms > 0 ? ms : 10_000;
};

let pool: WorkerPool | null = null;

/**
 * How many files may wait for the worker: each may hold it up to the time limit, and a queue that
 * only grows made a real PDF wait 80 s behind eight junk ones (each waiting file is in memory).
 */
const MAX_WAITING = 4;

/** Whose files are being read now: one at a time each, so that no one fills the queue alone. */
const reading = new Set<string>();

/**
 * The pages of an uploaded PDF, counted in the PDF worker thread (started at the first upload),
 * for `owner` (the uploader's id): one of their files at a time.
 */
export async function countPdfPagesOffThread(bytes: Uint8Array, owner: string): Promise<PdfPagesChecked> {
  pool ??= new WorkerPool({
    script: import.meta.url,
    workerData: { role: ROLE },
    timeoutMs: timeoutMs(),
    name: "The PDF worker thread",
  });
  if (reading.has(owner)) return { ok: false, reason: "busy" };
  if (pool.waiting >= MAX_WAITING) return { ok: false, reason: "unchecked" };
  reading.add(owner);
  try {
    return await pool.run<PdfPages>(bytes);
  } catch (error) {
    // An overrun is the file's doing (the parser could not finish it); any other loss is not.
    if (error instanceof WorkerOverran) return { ok: false, reason: "unreadable" };
    return { ok: false, reason: "unchecked" };
  } finally {
    reading.delete(owner);
  }
}

/** Ends the PDF worker (tests; the next upload starts another). */
export async function closePdfWorker(): Promise<void> {
  const ending = pool;
  pool = null;
  await ending?.close();
}
