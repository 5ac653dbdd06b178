// Pages without React 18.3's stray NUL bytes (app/kernel/server/page-bytes.server.ts, decision 057):
// a character of two to four bytes that does not fit at the end of one of React's 2,048-byte
// views used to bring the view's unused zeros into the page, and a textarea sent back without
// JavaScript then carried U+FFFD into the data.
import { PassThrough } from "node:stream";
import type { ReactElement } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { pageBytes, withoutNulBytes } from "../../../app/kernel/server/page-bytes.server";

const TEXTS = ["أهداف التعلم الرقمي", "学习平台与开放教育资源", "Éducation numérique inclusive", "🌱 🌍 📚"];

/** A page of many short texts (each under React's own-chunk size) in Arabic, Chinese, French and emoji. */
function page(): ReactElement {
  return (
    <html lang="ar" dir="rtl">
      <body>
        <ul>
          {Array.from({ length: 240 }, (_, i) => (
            <li key={i} title={TEXTS[(i + 1) % TEXTS.length]}>
              {TEXTS[i % TEXTS.length]}
            </li>
          ))}
        </ul>
        <textarea name="organisationDescription" defaultValue={" " + "学习".repeat(300)} />
      </body>
    </html>
  );
}

/** What React's own stream writes, untouched. */
function reactBytes(element: ReactElement): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on("data", (chunk: Buffer) => chunks.push(chunk));
    sink.on("end", () => resolve(Buffer.concat(chunks)));
    const { pipe } = renderToPipeableStream(element, { onAllReady: () => pipe(sink), onShellError: reject });
  });
}

describe("pages sent without NUL bytes", () => {
  it("React 18.3 writes NUL bytes into a page of multi-byte text (if not, decision 057's workaround can go)", async () => {
    expect((await reactBytes(page())).includes(0)).toBe(true);
  });

  it("a page of Arabic, Chinese, French and emoji text comes out as React renders it as a string, without a NUL", async () => {
    const bytes = await pageBytes(page(), { abortAfterMs: 5_000 });
    expect(bytes.includes(0)).toBe(false);
    expect(bytes.toString("utf8")).toBe(`<!DOCTYPE html>${renderToString(page())}`);
  });

  it("a textarea's text crossing React's views comes out whole", async () => {
    const html = (await pageBytes(page(), { abortAfterMs: 5_000 })).toString("utf8");
    expect(html).toContain(`name="organisationDescription"> ${"学习".repeat(300)}</textarea>`);
    expect(html).not.toContain("\ufffd");
  });

  it("every NUL is taken out, wherever it is, and the rest kept in order", () => {
    const cases: [number[], number[]][] = [
      [[0], []],
      [
        [0, 0, 0x61, 0, 0xd8, 0xa3, 0, 0, 0],
        [0x61, 0xd8, 0xa3],
      ],
      [
        [0xe5, 0xad, 0xa6, 0, 0, 0x62],
        [0xe5, 0xad, 0xa6, 0x62],
      ],
      [
        [0x61, 0x62],
        [0x61, 0x62],
      ],
      [[], []],
    ];
    expect(cases.map(([input]) => [...withoutNulBytes(Buffer.from(input))])).toEqual(cases.map(([, out]) => out));
  });

  it("a page without a NUL is given back as it is, not copied", () => {
    const bytes = Buffer.from("<p>Ça va</p>");
    expect(withoutNulBytes(bytes)).toBe(bytes);
  });

  it("an error in the shell rejects the page", async () => {
    function Broken(): ReactElement {
      throw new Error("broken shell");
    }
    await expect(
      pageBytes(
        <div>
          <Broken />
        </div>,
        { abortAfterMs: 5_000, onError: () => undefined },
      ),
    ).rejects.toThrow("broken shell");
  });
});
