import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { safeRedirect } from "../../../app/kernel/server/http.server";

const saved = process.env.PUBLIC_URL;
beforeEach(() => {
  process.env.PUBLIC_URL = "https://prize.example.org";
});
afterEach(() => {
  if (saved === undefined) delete process.env.PUBLIC_URL;
  else process.env.PUBLIC_URL = saved;
});

/** Where a browser goes when it follows this Location from a page of the site. */
function followed(location: string): URL {
  return new URL(location, "https://prize.example.org/login");
}

describe("safeRedirect never leaves the site", () => {
  it.each([
    "//evil.example",
    "//evil.example/steal",
    "/\\evil.example",
    "\\/evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/ /evil.example",
    "/\u00a0/evil.example",
    "/\u200b/evil.example",
    "/\u0000/evil.example",
    "https://evil.example",
    "http://prize.example.org.evil.example/",
    "https:evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/x/..//evil.example",
    "/.//evil.example",
    "evil.example",
    // Only paths are accepted, even an absolute address of the site itself.
    "https://prize.example.org/account",
    "",
    "/" + "a".repeat(5000),
  ])("%j falls back to the default page", (target) => {
    expect(safeRedirect(target)).toBe("/dashboard");
  });

  it.each([undefined, null, 42, ["/x"], { to: "/x" }])(
    "a redirectTo that is not a string (%j) falls back",
    (target) => {
      expect(safeRedirect(target, "/")).toBe("/");
    },
  );

  it.each([
    ["/applications", "/applications"],
    ["/applications?page=2#top", "/applications?page=2#top"],
    [" /x", "/x"],
    ["/a\tb", "/ab"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/é", "/%C3%A9"],
    ["/日本", "/%E6%97%A5%E6%9C%AC"],
    ["/%E9", "/%E9"],
    ["/x?q=日本", "/x?q=%E6%97%A5%E6%9C%AC"],
    ["/x#é", "/x#%C3%A9"],
    ["/a/../b", "/b"],
  ])("%j stays on the site as %j", (target, expected) => {
    expect(safeRedirect(target)).toBe(expected);
  });

  it("whatever the input, the answer is ASCII and a browser following it stays on the site", () => {
    const hostile = [
      "/\t/evil",
      "/\\evil",
      "//evil",
      "/é",
      "/日本",
      "/\u2028/evil",
      "/\ud800",
      "/%",
      "/x?%zz",
      "/#\u0085",
    ];
    for (const target of hostile) {
      const location = safeRedirect(target);
      expect(location).toMatch(/^\/[\x21-\x7e]*$/);
      expect(followed(location).origin).toBe("https://prize.example.org");
    }
  });
});
