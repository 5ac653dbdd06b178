// The build's assets compressed once, when they are built, at Brotli's and gzip's highest
// qualities (docs/decisions/053-precompressed-assets.md), instead of at every request at the
// compression middleware's Brotli quality 4: fewer bytes on a first visit over a slow link (the
// largest script 85 → 74 kB) and no CPU per asset request. `precompress` writes `name.br` and
// `name.gz` beside each file (`npm run build` runs it); `servePrecompressed` sends one of them
// when the browser accepts it and it is not older than its file. Anything else (no encoding
// accepted, a Range request, a file without them) goes on to express.static, as before.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

/** What is worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = new Set([".js", ".css", ".map", ".json", ".svg", ".txt", ".html"]);
/** Below this, a compressed copy saves less than a packet. */
const SMALLEST = 1024;

const ENCODINGS = [
  {
    name: "br",
    suffix: ".br",
    compress: promisify(zlib.brotliCompress),
    options: (size) => ({
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
      },
    }),
  },
  { name: "gzip", suffix: ".gz", compress: promisify(zlib.gzip), options: () => ({ level: 9 }) },
];

/** Every file under `folder` that is worth compressing, as absolute paths. */
function compressible(folder) {
  if (!existsSync(folder)) return [];
  const found = [];
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.has(extname(entry.name))) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    if (statSync(path).size >= SMALLEST) found.push(path);
  }
  return found;
}

/** Whether `copy` exists and was written after `file` last changed. */
function upToDate(copy, file) {
  return existsSync(copy) && statSync(copy).mtimeMs >= statSync(file).mtimeMs;
}

/**
 * Writes `name.br` and `name.gz` beside every compressible file of `folder` of at least 1 KiB
 * whose copies are missing or older than it (on the thread pool, a few at a time). Resolves with
 * the number of copies written.
 */
export async function precompress(folder) {
  let written = 0;
  await Promise.all(
    compressible(folder).flatMap((file) =>
      ENCODINGS.map(async ({ suffix, compress, options }) => {
        if (upToDate(file + suffix, file)) return;
        const bytes = readFileSync(file);
        writeFileSync(file + suffix, await compress(bytes, options(bytes.length)));
        written++;
      }),
    ),
  );
  return written;
}

/**
 * Express middleware, mounted where express.static serves `folder`: answers a GET or HEAD for one
 * of its files with the compressed copy the request accepts (Brotli first), read at start and kept
 * in memory, with the headers express.static gives it (type, a year's immutable cache, validators)
 * and `Vary: Accept-Encoding`. Copies older than their file are ignored; files added later are
 * seen at the next start.
 */
export function servePrecompressed(folder, { maxAgeSeconds = 31_536_000 } = {}) {
  const copies = new Map();
  for (const file of compressible(folder)) {
    const stat = statSync(file);
    const encodings = {};
    for (const { name, suffix } of ENCODINGS) {
      if (!upToDate(file + suffix, file)) continue;
      const body = readFileSync(file + suffix);
      encodings[name] = { body, etag: `W/"${name}-${body.length.toString(16)}-${stat.mtimeMs.toString(16)}"` };
    }
    if (Object.keys(encodings).length === 0) continue;
    const path = "/" + relative(folder, file).split(sep).join("/");
    copies.set(path, { type: extname(file), modified: stat.mtime.toUTCString(), encodings });
  }
  const accepted = ENCODINGS.map((e) => e.name);
  return (req, res, next) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || req.headers.range !== undefined) return next();
    let path;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const asset = copies.get(path);
    if (!asset) return next();
    res.vary("Accept-Encoding");
    // Brotli whenever it is accepted, as the compression middleware does (browsers list gzip
    // first at the same weight). No header at all is taken as "identity", not as "anything":
    // a command-line client asking without one gets the file as it is.
    if (req.headers["accept-encoding"] === undefined) return next();
    const name = accepted.find((e) => asset.encodings[e] && req.acceptsEncodings(e) === e);
    if (!name) return next();
    const copy = asset.encodings[name];
    res.type(asset.type);
    res.set({
      "Content-Encoding": name,
      "Cache-Control": `public, max-age=${maxAgeSeconds}, immutable`,
      "Last-Modified": asset.modified,
      ETag: copy.etag,
    });
    if (req.fresh) return res.status(304).end();
    res.set("Content-Length", String(copy.body.length));
    return req.method === "HEAD" ? res.status(200).end() : res.status(200).end(copy.body);
  };
}
