// A page rendered whole, as UTF-8 bytes (docs/decisions/028-pages-sent-whole.md), without the NUL
// bytes React 18.3 writes into it (docs/decisions/057-no-nul-in-pages.md).
import { PassThrough } from "node:stream";
import type { ReactElement } from "react";
import { renderToPipeableStream } from "react-dom/server";

/**
 * React 18.3's server renderer encodes text into 2,048-byte views. When a character of two to
 * four bytes does not fit at the end of a view, it sends the whole view, unused bytes included,
 * and starts the character in the next one (`writeStringChunk`: `currentView` where React 19
 * writes `currentView.subarray(0, writtenBytes)`, react#31134). Those one to three bytes are the
 * view's zeros, and nothing is lost or moved: taking every NUL out gives the page React meant.
 * A NUL carries nothing in HTML (a parse error: dropped from text, U+FFFD in an attribute, a
 * textarea or a script), so none of the page's own is lost either; and a browser would send a
 * textarea's U+FFFD back with the form, into the data.
 */
export function withoutNulBytes(bytes: Buffer): Buffer {
  let at = bytes.indexOf(0);
  if (at === -1) return bytes;
  const out = Buffer.allocUnsafe(bytes.length);
  let length = 0;
  let from = 0;
  while (at !== -1) {
    length += bytes.copy(out, length, from, at);
    from = at + 1;
    at = bytes.indexOf(0, from);
  }
  length += bytes.copy(out, length, from);
  return out.subarray(0, length);
}

/**
 * The element's whole HTML, UTF-8. An error in the shell rejects; an error below it (React then
 * renders that part in the browser) goes to `onError`, or rejects when there is none. Aborted
 * after `abortAfterMs`.
 */
export function pageBytes(
  element: ReactElement,
  { nonce, abortAfterMs, onError }: { nonce?: string; abortAfterMs: number; onError?: (error: unknown) => void },
): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on("data", (chunk: Buffer) => chunks.push(chunk));
    // Bytes, not a string: a string body is encoded again on its way out (at 165 kB, decoding
    // and encoding the page cost more than compressing it).
    sink.on("end", () => resolve(withoutNulBytes(Buffer.concat(chunks))));
    sink.on("error", reject);
    let failed = false;
    let shellReady = false;
    const { pipe, abort } = renderToPipeableStream(element, {
      nonce,
      onShellReady() {
        shellReady = true;
      },
      onAllReady() {
        if (!failed) pipe(sink);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        // An error in the shell is onShellError's (and Remix logs it); below it, onError's.
        if (onError) return shellReady ? onError(error) : undefined;
        failed = true;
        reject(error);
      },
    });
    setTimeout(abort, abortAfterMs);
  });
}
