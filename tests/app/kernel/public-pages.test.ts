import { describe, expect, it } from "vitest";
import { isPublicPagePath, matchesIfNoneMatch, stablePage } from "../../../app/kernel/server/public-pages.server";

const page = (nonce: string, text = "Call for nominations") =>
  `<html><body><p>${text}</p><script nonce="${nonce}">window.__remixContext = {"nonce":"${nonce}"};</script>` +
  `<script nonce="${nonce}" type="module">import("/build/entry.client.js");</script></body></html>`;

describe("public pages", () => {
  it("names the pages anyone reads, and no other", () => {
    for (const path of ["/", "/call", "/laureates", "/laureates/2023", "/privacy", "/verify/ABCD1234EFGH"]) {
      expect(isPublicPagePath(path), path).toBe(true);
    }
    for (const path of ["/login", "/dashboard", "/laureates/2023/extra", "/verify/ABCD/statement.json", "/callx"]) {
      expect(isPublicPagePath(path), path).toBe(false);
    }
  });

  it("gives the same page the same nonce and validator, whatever nonce the request drew", () => {
    const a = stablePage(page("Zm9vYmFyYmF6cXV4MTIzNA=="), "Zm9vYmFyYmF6cXV4MTIzNA==");
    const b = stablePage(page("cXV4YmF6YmFyZm9vOTg3Ng=="), "cXV4YmF6YmFyZm9vOTg3Ng==");
    expect(b).toEqual(a);
    expect(a.etag).toMatch(/^W\/"[\w-]+"$/);
    expect(a.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("puts its nonce in every place the request's nonce was, and leaves the request's nowhere", () => {
    const requestNonce = "Zm9vYmFyYmF6cXV4MTIzNA==";
    const { body, nonce } = stablePage(page(requestNonce), requestNonce);
    expect(body).not.toContain(requestNonce);
    expect(body.split(`nonce="${nonce}"`)).toHaveLength(3);
    expect(body).toContain(`{"nonce":"${nonce}"}`);
  });

  it("gives another page another nonce and validator", () => {
    const nonce = "Zm9vYmFyYmF6cXV4MTIzNA==";
    const a = stablePage(page(nonce), nonce);
    const b = stablePage(page(nonce, "Call for nominations, deadline moved"), nonce);
    expect(b.etag).not.toBe(a.etag);
    expect(b.nonce).not.toBe(a.nonce);
  });

  it("does not give markup slipped into a page the nonce of the page it was slipped into", () => {
    const nonce = "Zm9vYmFyYmF6cXV4MTIzNA==";
    const clean = stablePage(page(nonce), nonce);
    const injected = stablePage(page(nonce, `<script nonce="${clean.nonce}">steal()</script>`), nonce);
    expect(injected.nonce).not.toBe(clean.nonce);
  });

  it("matches If-None-Match by weak comparison, in a list, or as a star", () => {
    const etag = 'W/"abc"';
    expect(matchesIfNoneMatch('W/"abc"', etag)).toBe(true);
    expect(matchesIfNoneMatch('"abc"', etag)).toBe(true);
    expect(matchesIfNoneMatch('W/"zzz", W/"abc"', etag)).toBe(true);
    expect(matchesIfNoneMatch("*", etag)).toBe(true);
    expect(matchesIfNoneMatch('W/"abcd"', etag)).toBe(false);
    expect(matchesIfNoneMatch(null, etag)).toBe(false);
  });
});
