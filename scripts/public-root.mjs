// public/ holds the build's assets (served under /build by scripts/server.mjs); a file put beside
// them (a favicon, robots.txt) is served from the site's root. Only a request naming one of them
// looks in the folder: a look for every page was a failed stat() a request (~0.4 ms of CPU, 2% of
// a results page at 10,000 applications). Files added to the folder are seen at the next start.
import express from "express";
import { existsSync, readdirSync } from "node:fs";

/** Express middleware serving the files and folders at the top of `folder`, but its `build`. */
export function servePublicRoot(folder) {
  const names = new Set(existsSync(folder) ? readdirSync(folder).filter((name) => name !== "build") : []);
  // `redirect: false`: a path naming a folder is not answered with a redirect to that path plus
  // "/", which echoed the request's own path; it falls through to a 404 page.
  const serve = express.static(folder, { maxAge: "1h", redirect: false });
  return (req, res, next) => (names.has(firstSegment(req.path)) ? serve(req, res, next) : next());
}

/** A path's first segment as express.static reads it: decoded, and as written when it cannot be. */
function firstSegment(path) {
  const segment = path.split("/")[1] ?? "";
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
