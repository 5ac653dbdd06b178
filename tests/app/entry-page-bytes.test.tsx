// The app's server entry renders every page through pageBytes (decision 057): a page of
// multi-byte text, through Remix's own request handler and the app's entry, has no NUL byte.
import { createRequestHandler } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { rootManifestRoute, serverBuildOf } from "../support/server-build";

const TEXTS = ["أهداف التعلم الرقمي", "学习平台与开放教育资源", "Éducation numérique inclusive", "🌱 🌍 📚"];

// Where React's 2,048-byte views end depends on all that comes before (Remix's own markup too):
// the same list after 0 to 5 more bytes meets them at other characters.
let shift = 0;

function Page() {
  return (
    <html lang="ar" dir="rtl">
      <body>
        <p>{"x".repeat(shift)}</p>
        <ul>
          {Array.from({ length: 240 }, (_, i) => (
            <li key={i}>{TEXTS[i % TEXTS.length]}</li>
          ))}
        </ul>
      </body>
    </html>
  );
}

const build = serverBuildOf(
  { root: { id: "root", path: "", module: { default: Page } } },
  { root: rootManifestRoute() },
);

describe("pages the server entry renders", () => {
  it("a page of Arabic, Chinese, French and emoji text is sent without a NUL byte, every text whole", async () => {
    const handler = createRequestHandler(build, "production");
    for (shift = 0; shift < 6; shift++) {
      const response = await handler(new Request("http://localhost/"), { nonce: "test-nonce" });
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(response.status).toBe(200);
      expect({ shift, nul: bytes.indexOf(0) }).toEqual({ shift, nul: -1 });
      const html = bytes.toString("utf8");
      expect(html.match(/<li>([^<]*)<\/li>/g)).toEqual(
        Array.from({ length: 240 }, (_, i) => `<li>${TEXTS[i % TEXTS.length]}</li>`),
      );
    }
  });
});
