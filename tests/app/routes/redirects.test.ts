// After signing in or switching language, the redirect chosen by the form never leaves the
// site and never breaks the Location header, whatever redirectTo holds.
import { describe, expect, it } from "vitest";
import * as language from "../../../app/routes/language";
import * as login from "../../../app/routes/login";
import { makeUser, PASSWORD, request, run } from "../../fixtures/builders";

const args = (req: Request) => ({ request: req, params: {}, context: { clientAddress: "203.0.113.10" } });
const HOSTILE = [
  "//evil.example",
  "/\\evil.example",
  "\\/evil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "https://evil.example",
  "javascript:alert(1)",
  "/x/..//evil.example",
];

function staysOnSite(location: string | null) {
  expect(location).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
  expect(new URL(location!, "http://localhost:3000/login").origin).toBe("http://localhost:3000");
}

describe("redirects chosen by the request stay on the site", () => {
  it.each(HOSTILE)("the language switch with redirectTo %j redirects on the site", async (redirectTo) => {
    const res = await run(() => language.action(args(request("/language", { form: { lang: "fr", redirectTo } }))));
    expect(res.status).toBe(302);
    staysOnSite(res.headers.get("Location"));
  });

  it.each(HOSTILE)("sign-in with redirectTo %j redirects on the site", async (redirectTo) => {
    const user = await makeUser();
    const res = await run(() =>
      login.action(args(request("/login", { form: { email: user.email, password: PASSWORD, redirectTo } }))),
    );
    expect(res.status).toBe(302);
    staysOnSite(res.headers.get("Location"));
  });

  it("a redirectTo with characters beyond Latin-1 is encoded, not a server error", async () => {
    const switched = await run(() =>
      language.action(args(request("/language", { form: { lang: "ar", redirectTo: "/laureates?country=日本" } }))),
    );
    expect(switched).toMatchObject({ status: 302 });
    expect(switched.headers.get("Location")).toBe("/laureates?country=%E6%97%A5%E6%9C%AC");
    const user = await makeUser();
    const signedIn = await run(() =>
      login.action(args(request("/login", { form: { email: user.email, password: PASSWORD, redirectTo: "/é" } }))),
    );
    expect(signedIn.headers.get("Location")).toBe("/%C3%A9");
  });
});
