// The production server: one Node process serving the Remix build, static assets and the
// e-mail sender, on one SQLite file. Security headers and the Origin check sit here so that
// they apply to every response and every mutation, whatever route handles it.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

process.env.NODE_ENV ??= "production";
const build = await import(pathToFileURL(resolve("build/index.js")).href);
const { startup, shutdown } = build.entry.module;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", process.env.TRUST_PROXY === "1");

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function allowedOrigins(req) {
  const origins = new Set([`${req.protocol}://${req.get("host")}`]);
  if (process.env.PUBLIC_URL) origins.add(new URL(process.env.PUBLIC_URL).origin);
  return origins;
}

app.use((req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.nonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
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
    ].join("; "),
  );
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

// Cross-site request forgery: a mutation must come from one of our own pages.
app.use((req, res, next) => {
  if (!MUTATING.has(req.method)) return next();
  const origin = req.get("origin") ?? (req.get("referer") ? new URL(req.get("referer")).origin : undefined);
  if (origin && allowedOrigins(req).has(origin)) return next();
  res.status(403).type("text/plain").send("Forbidden: this request did not come from this site (Origin check).");
});

app.use(compression());
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
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

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req, res) => ({ nonce: res.locals.nonce, clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
await startup({ port });
const server = app.listen(port, () => {
  console.log(`The prize system is listening on http://localhost:${port}`);
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
