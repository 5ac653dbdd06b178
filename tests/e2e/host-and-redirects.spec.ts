// Against the real server: it answers only for its configured address, never trusts a
// forwarded host it was not told to trust, refuses a mutation it cannot trace to itself, and
// never redirects anywhere else after sign-in or a language switch.
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { extractLink, waitForMail } from "./support/db";
import { rawRequest } from "./support/raw-http";
import { startServer } from "./support/server";
import { origin, registerApplicant, secretariatStatePath } from "./support/session";

/** A raw HTTP request (Host and the other headers exactly those given), its body as text. */
async function raw(path: string, options: Parameters<typeof rawRequest>[1] = {}) {
  const response = await rawRequest(path, options);
  return { ...response, body: response.body.toString("utf8") };
}

const form = (values: Record<string, string>) => ({
  "Content-Type": "application/x-www-form-urlencoded",
  body: new URLSearchParams(values).toString(),
});

test("a request for another host gets 421 before any page runs, with a short answer and no stack trace", async () => {
  for (const path of ["/", "/login", "/healthz", "/no-such-page"]) {
    const res = await raw(path, { headers: { Host: "evil.example" } });
    expect(res.status, path).toBe(421);
    expect(res.body.length).toBeLessThan(500);
    expect(res.body).not.toMatch(/\bat \w|node_modules|Error:/);
  }
  const { body, ...headers } = form({ email: "victim@e2e.test" });
  const post = await raw("/forgot-password", {
    method: "POST",
    headers: { ...headers, Host: "evil.example", Origin: "http://evil.example" },
    body,
  });
  expect(post.status).toBe(421);
});

test("X-Forwarded-Host is ignored: never a server error, never in an e-mail or a redirect", async ({ page }) => {
  for (const forwarded of ["evil.example", "evil.example:abc", "a b:c d", "[::1", "evil.example, other.example"]) {
    const res = await raw("/login", { headers: { "X-Forwarded-Host": forwarded, "X-Forwarded-Proto": "https" } });
    expect(res.status, forwarded).toBe(200);
  }
  const account = await registerApplicant(page, "forwarded");
  await page.context().clearCookies();
  const since = Date.now();
  const { body, ...headers } = form({ email: account.email });
  const reset = await raw("/forgot-password", {
    method: "POST",
    headers: { ...headers, Origin: origin(), "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" },
    body,
  });
  expect(reset.status).toBe(200);
  const mail = await waitForMail(account.email, { since, template: "password_reset" });
  expect(mail.text_body).not.toContain("evil.example");
  expect(new URL(extractLink(mail.text_body, "/reset-password/")).origin).toBe(origin());

  const switched = form({ lang: "fr", redirectTo: "/call" });
  const res = await raw("/language", {
    method: "POST",
    headers: { "Content-Type": switched["Content-Type"], Origin: origin(), "X-Forwarded-Host": "evil.example" },
    body: switched.body,
  });
  expect(res.status).toBe(302);
  expect(res.headers.location).toBe("/call");
});

test("a mutation with an unparseable Referer and no Origin is refused with 403", async () => {
  for (const referer of ["::::", "http://[broken", "not a url at all"]) {
    const { body, ...headers } = form({ lang: "fr", redirectTo: "/" });
    const res = await raw("/language", { method: "POST", headers: { ...headers, Referer: referer }, body });
    expect(res.status, referer).toBe(403);
  }
  const { body, ...headers } = form({ lang: "fr", redirectTo: "/" });
  const ours = await raw("/language", { method: "POST", headers: { ...headers, Referer: `${origin()}/login` }, body });
  expect(ours.status).toBe(302);
});

const HOSTILE = [
  "//evil.example",
  "/\\evil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "https://evil.example",
  "javascript:alert(1)",
  "/日本",
  "/x/..//evil.example",
];

function staysOnSite(location: string | undefined) {
  expect(location).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
  expect(new URL(location!, `${origin()}/login`).origin).toBe(origin());
}

test("after a language switch the redirect stays on the site, whatever redirectTo holds", async ({ request }) => {
  for (const redirectTo of HOSTILE) {
    const res = await request.post("/language", {
      form: { lang: "en", redirectTo },
      headers: { Origin: origin() },
      maxRedirects: 0,
    });
    expect(res.status(), redirectTo).toBe(302);
    staysOnSite(res.headers()["location"]);
  }
});

test("after sign-in the redirect stays on the site, whatever redirectTo holds", async ({ page }) => {
  const account = await registerApplicant(page, "redirects");
  for (const redirectTo of HOSTILE) {
    await page.context().clearCookies();
    const res = await page.request.post("/login", {
      form: { email: account.email, password: account.password, redirectTo },
      headers: { Origin: origin() },
      maxRedirects: 0,
    });
    expect(res.status(), redirectTo).toBe(302);
    staysOnSite(res.headers()["location"]);
  }
});

/** The same server under its other loopback name (localhost ↔ 127.0.0.1), which it also serves. */
function loopbackAlias(server = origin()): string {
  const url = new URL(server);
  url.hostname = url.hostname === "localhost" ? "127.0.0.1" : "localhost";
  return url.origin;
}

test("a form posted from the site's other loopback name is answered, not a server error @http", async () => {
  // A page read at 127.0.0.1 posting to localhost, and the other way round: both are this site.
  const alias = loopbackAlias();
  for (const [host, from] of [
    [new URL(origin()).host, alias],
    [new URL(alias).host, origin()],
  ]) {
    const { body, ...headers } = form({ lang: "fr", redirectTo: "/call" });
    const res = await raw("/language", { method: "POST", headers: { ...headers, Host: host, Origin: from }, body });
    expect(res.status, `${from} → ${host}`).toBe(302);
    expect(res.headers.location).toBe("/call");
  }
});

test("behind a proxy that forwards its loopback upstream Host, a form posted from PUBLIC_URL's pages is answered @http", async () => {
  const server = await startServer({ extraEnv: { PUBLIC_URL: "https://prize.example.org" } });
  try {
    const upstream = new URL(server.baseURL);
    for (const host of [upstream.host, new URL(loopbackAlias(server.baseURL)).host]) {
      const { body, ...headers } = form({ lang: "fr", redirectTo: "/call" });
      const res = await raw("/language", {
        method: "POST",
        headers: { ...headers, Host: host, Origin: "https://prize.example.org" },
        body,
        server: server.baseURL,
      });
      expect(res.status, host).toBe(302);
      expect(res.headers.location).toBe("/call");
    }
    // Another site's page still cannot post.
    const { body, ...headers } = form({ lang: "fr", redirectTo: "/call" });
    const foreign = await raw("/language", {
      method: "POST",
      headers: { ...headers, Host: upstream.host, Origin: "https://evil.example" },
      body,
      server: server.baseURL,
    });
    expect(foreign.status).toBe(403);
  } finally {
    await server.stop();
  }
});

test("TRACE, PUT, DELETE and PATCH get 405 with the methods allowed, never a server error @http", async () => {
  for (const method of ["TRACE", "PUT", "DELETE", "PATCH", "PROPFIND"]) {
    for (const path of ["/", "/login", "/healthz", "/secretariat/screening/export.csv"]) {
      const res = await raw(path, { method, headers: { Origin: origin() } });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.allow).toBe("GET, HEAD, POST");
      expect(res.body).not.toMatch(/Unexpected Server Error|\bat \w|Error:/);
    }
  }
});

test("a path that cannot be decoded gets 400 in the visitor's language, with no stack in the answer or the log @http", async () => {
  const logFile = process.env.E2E_SERVER_LOG;
  if (!logFile) throw new Error("E2E_SERVER_LOG is not set: is tests/e2e/global-setup.ts running?");
  const before = readFileSync(logFile, "utf8").length;
  const paths = ["/%", "/applications/%E0%A4%A", "/laureates/%zz", "/build/%", "/login?x=1&y=%"];
  for (const path of paths.slice(0, 4)) {
    const res = await raw(path, { headers: { "Accept-Language": "fr" } });
    expect(res.status, path).toBe(400);
    expect(res.body, path).toMatch(/^Requête incorrecte : cette adresse est illisible/);
    expect(res.body).not.toMatch(/\bat \w|Error|URIError/);
  }
  const arabic = await raw("/%", { headers: { "Accept-Language": "ar" } });
  expect(arabic.body).toMatch(/^طلب غير صحيح/);
  // A query is the page's to read: the sign-in page answers as ever.
  expect((await raw(paths[4])).status).toBe(200);
  await new Promise((r) => setTimeout(r, 200));
  expect(readFileSync(logFile, "utf8").slice(before)).not.toMatch(/URIError|decode_param/);
});

test("OPTIONS answers the methods allowed and nothing else: never a page, never a download @http", async () => {
  const state = JSON.parse(readFileSync(secretariatStatePath(), "utf8")) as {
    cookies: { name: string; value: string }[];
  };
  const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const download = await raw("/account/data.zip", { headers: { Cookie: cookie } });
  expect(download.status).toBe(200);
  expect(download.headers["content-type"]).toMatch(/zip/);
  for (const path of ["/", "/login", "/account/data.zip"]) {
    const res = await raw(path, { method: "OPTIONS", headers: { Cookie: cookie } });
    expect(res.status, path).toBe(204);
    expect(res.headers.allow).toBe("GET, HEAD, POST");
    expect(res.body).toBe("");
  }
});

test("a path naming a folder of the static files is never answered with a redirect echoing the path @http", async () => {
  // Each was a 301 to the path plus "/"; the first one's Location led a browser to evil.example.
  for (const path of ["/\\evil.example/%2e%2e", "/nomination-letters/%2e%2e", "/build/%2e%2e", "/build"]) {
    const res = await raw(path);
    expect(res.headers.location, path).toBeUndefined();
    expect([200, 404], path).toContain(res.status);
  }
});

/** Sends `first` on a raw socket, then a byte every 200 ms; resolves with what came back once the server closes it. */
function trickle(server: string, first: string): Promise<string> {
  const base = new URL(server);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(base.port), base.hostname, () => socket.write(first));
    let answer = "";
    const drip = setInterval(() => socket.writable && socket.write("a"), 200);
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => (answer += chunk));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearInterval(drip);
      resolve(answer);
    });
    setTimeout(() => reject(new Error(`still open; answered so far: ${answer}`)), 20_000).unref();
  });
}

test("a client that trickles its headers or its body is answered 408 and let go, never held for minutes @http", async () => {
  const server = await startServer({ extraEnv: { HEADERS_TIMEOUT_MS: "1000", REQUEST_TIMEOUT_MS: "3000" } });
  try {
    const host = new URL(server.baseURL).host;
    // Headers never finished (a "slow loris"): one more header letter every 200 ms.
    expect(await trickle(server.baseURL, `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `)).toMatch(/^HTTP\/1\.1 408/);
    // Headers in, then a body of 1 MB announced and sent a byte at a time.
    const post = `POST /login HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${server.baseURL}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1048576\r\n\r\n`;
    expect(await trickle(server.baseURL, post)).toMatch(/^HTTP\/1\.1 408/);
    // A request that takes its time within the limits is answered as ever.
    expect((await raw("/healthz", { server: server.baseURL })).status).toBe(200);
  } finally {
    await server.stop();
  }
});
