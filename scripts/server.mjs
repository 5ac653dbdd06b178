// The production server: a Node process serving the Remix build, static assets and the
// e-mail sender, on one SQLite file; alone, or as one of several workers (scripts/cluster.mjs).
// Security headers and the Origin check sit here so that they apply to every response and every
// mutation, whatever route handles it.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";
import { servePrecompressed } from "./precompressed.mjs";
import { servePublicRoot } from "./public-root.mjs";

process.env.NODE_ENV ??= "production";
const build = await import(pathToFileURL(resolve("build/index.js")).href);
const {
  startup,
  startWorker,
  deliverDueMail,
  shutdown,
  siteOrigin,
  createHostGuard,
  isAllowedOrigin,
  plainRefusal,
  createAdmission,
} = build.entry.module;
// Fails at start on a malformed PUBLIC_URL rather than on the first e-mail.
const origin = siteOrigin();
// And on a malformed REQUEST_CONCURRENCY.
const admission = createAdmission(process.env);
const trustProxy = process.env.TRUST_PROXY === "1";
const hostAllowed = createHostGuard(process.env);

const app = express();
app.disable("x-powered-by");
// One hop, not `true`: with `true` Express takes the leftmost X-Forwarded-For entry, which the
// client writes itself, and the per-client sign-in lock and e-mail limits could be dodged.
app.set("trust proxy", trustProxy ? 1 : false);

// Pages answer GET and HEAD, forms POST; nothing else reaches a route.
const METHODS = new Set(["GET", "HEAD", "POST"]);

const contentSecurityPolicy = (nonce) =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");

app.use((req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.nonce = nonce;
  // A public page may put a nonce drawn from its own content instead, so that a 304 admits the
  // scripts of the page the browser kept (docs/decisions/022-cheap-public-pages.md).
  res.locals.setNonce = (pageNonce) => res.setHeader("Content-Security-Policy", contentSecurityPolicy(pageNonce));
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (process.env.NODE_ENV === "production" && req.secure) {
    res.setHeader("Strict-Transport-Security", "max-age=31536000");
  }
  next();
});

// Only the configured site is served (421 Misdirected Request otherwise), before any route
// runs. Forwarded headers from an untrusted client are dropped so that nothing downstream
// (Express, Remix's request URL) ever reads them.
app.use((req, res, next) => {
  if (!trustProxy) {
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
  } else if (req.headers["x-forwarded-host"]) {
    // Remix reads the port from the whole header: keep only the first proxy's value.
    req.headers["x-forwarded-host"] = String(req.headers["x-forwarded-host"]).split(",")[0].trim();
  }
  if (!req.url.startsWith("/")) {
    res.status(400).type("text/plain").send("Bad request: the request target must be a path.");
    return;
  }
  const allowed = hostAllowed({
    host: req.get("host"),
    forwardedHost: req.get("x-forwarded-host"),
    forwardedProto: req.get("x-forwarded-proto"),
  });
  if (allowed) return next();
  res.status(421).type("text/plain").send(`Misdirected request: this server answers only for ${origin}.`);
});

// Any other method is answered here: TRACE made the adapter's Request constructor throw (500),
// OPTIONS reached the download routes' loaders and answered with the file, PUT and DELETE got
// Remix's "Unexpected Server Error". OPTIONS gets what it asks for, the methods allowed.
app.use((req, res, next) => {
  if (METHODS.has(req.method)) return next();
  res.setHeader("Allow", "GET, HEAD, POST");
  if (req.method === "OPTIONS") {
    res.status(204).end();
    return;
  }
  refuse(req, res, 405, "method");
});

// A path that cannot be decoded (`/%`, `/applications/%E0%A4%A`) made Express's router throw
// a URIError for the pages' route: its own error page, in English, and the stack in the log at
// each request, from anyone. It is refused here, in the visitor's language, and not logged.
app.use((req, res, next) => {
  try {
    decodeURIComponent(req.path);
  } catch {
    refuse(req, res, 400, "path");
    return;
  }
  next();
});

const REFUSED = { origin: "Forbidden", method: "Method not allowed", path: "Bad request" };

/** A refusal before any route, in the visitor's language (never a 500 if that fails). */
function refuse(req, res, status, kind) {
  plainRefusal(kind, { cookie: req.get("cookie"), acceptLanguage: req.get("accept-language") })
    .catch(() => null)
    .then((text) => {
      const body = text ?? REFUSED[kind];
      res.status(status).type("text/plain; charset=utf-8").send(`${body}\n`);
    });
}

// Cross-site request forgery: a mutation must come from one of our own pages.
app.use((req, res, next) => {
  if (req.method !== "POST") return next();
  if (isAllowedOrigin({ origin: req.get("origin"), referer: req.get("referer") }, process.env)) {
    // This check is the authority. Remix's own compares the Origin's host with the Host header,
    // which differs for requests this server accepts on purpose: a proxy forwarding its loopback
    // upstream Host for PUBLIC_URL's pages, or a loopback alias (127.0.0.1 for localhost); it
    // then threw and every form answered 500. The Origin has said all it had to say.
    delete req.headers.origin;
    return next();
  }
  refuse(req, res, 403, "origin");
});

// Brotli (what browsers ask for first) with a 256 KiB window, not the encoder's 4 MiB default: the
// largest page (~210 kB) fits in it whole, so nothing is larger, and an encoder's memory, taken
// and given back for every response, is a sixteenth. With the default, 20–50 readers of the
// results page at once cost the server 24–36 ms of CPU a request, with this window 17–21
// (docs/decisions/045-brotli-window.md). The quality stays the middleware's (4).
app.use(compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_LGWIN]: 18 } } }));
// `redirect: false`: a path naming a folder of public/ is not answered with a redirect to that
// path plus "/", which echoed the request's own path (`/\evil.example/%2e%2e` became a
// Location a browser resolves to another site); such a path falls through to a 404 page.
// The build's scripts and styles go out as compressed once at build time, at the highest
// qualities, when the browser accepts it (docs/decisions/053-precompressed-assets.md).
app.use(
  "/build",
  servePrecompressed("public/build"),
  express.static("public/build", { immutable: true, maxAge: "1y", redirect: false }),
);
app.use(servePublicRoot("public"));
app.get("/healthz", (_req, res) => res.type("text/plain").send("ok"));

// Remix starts reading a request's body as soon as it builds the Request, so Node no longer
// discards what is left when a response goes out before the body was read (a 404, a redirect to
// sign-in, a 413 or 415 from readForm): the upload would stall, then the connection be reset,
// and the client never see the answer. Whatever is left is read and thrown away instead, up to
// a bound past which the connection is simply closed.
const DRAIN_LIMIT = 64 * 1024 * 1024;
app.use((req, res, next) => {
  res.once("finish", () => {
    if (req.complete || req.destroyed) return;
    let left = DRAIN_LIMIT;
    req.removeAllListeners("data");
    req.on("data", (chunk) => {
      left -= chunk.length;
      if (left < 0) req.destroy();
    });
    req.resume();
  });
  next();
});

// Pages are worked on a few at a time (REQUEST_CONCURRENCY, 8 by default), the others waiting
// their turn in order: on one thread, fifty at once finish no sooner, and cost the collector more
// (docs/decisions/049-pages-admitted-a-few-at-a-time.md). /healthz and the static files above
// never wait; neither does a POST, whose body comes at the client's pace.
app.use(admission.middleware);

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req, res) => ({
      nonce: res.locals.nonce,
      setNonce: res.locals.setNonce,
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
    }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
// One of several workers started by scripts/cluster.mjs, which prepared the database already.
const worker = cluster.isWorker;
if (worker) {
  startWorker({
    background: process.env.PRIZE_BACKGROUND === "1",
    forwardMail: () => process.send?.({ prize: "deliver-mail" }),
  });
  process.on("message", (message) => {
    if (message?.prize === "deliver-mail") void deliverDueMail();
  });
} else {
  await startup();
}
// Slow clients: a request's headers must be in within HEADERS_TIMEOUT_MS (20 s), the whole request
// within REQUEST_TIMEOUT_MS (300 s, Node's default, kept on purpose: a 10 MB upload on a
// 300 kbit/s link takes about that long), else 408 and the socket is closed. Node checks them
// every 30 s by default, so a request that trickled its headers held its socket up to 90 s.
const msFromEnv = (name, fallback) => {
  const ms = Number(process.env[name] ?? fallback);
  return Number.isInteger(ms) && ms > 0 ? ms : fallback;
};
const requestTimeout = msFromEnv("REQUEST_TIMEOUT_MS", 300_000);
const headersTimeout = Math.min(msFromEnv("HEADERS_TIMEOUT_MS", 20_000), requestTimeout);
const server = createServer(
  { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(5_000, headersTimeout) },
  app,
).listen(port, () => {
  if (!worker) console.log(`The prize system is listening on port ${port}; its address is ${origin}`);
});

function stop() {
  server.close(() => {
    shutdown();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
