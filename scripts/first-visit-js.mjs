#!/usr/bin/env node
// First-visit JavaScript per page, from the browser build (`npm run build` first): for each leaf
// route, the entry, the root and every route module on its path, with all the chunks they import
// in turn — the files a visitor's browser fetches before the page is interactive — counted as
// requests and gzip kilobytes. `node scripts/first-visit-js.mjs [--json]`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const PUBLIC = join(process.cwd(), "public");
const manifestFile = readdirSync(join(PUBLIC, "build")).find((f) => /^manifest-.*\.js$/.test(f));
if (!manifestFile) {
  console.error("first-visit-js: no public/build/manifest-*.js; run `npm run build` first");
  process.exit(1);
}
const manifest = JSON.parse(
  readFileSync(join(PUBLIC, "build", manifestFile), "utf8")
    .replace(/^window\.__remixManifest=/, "")
    .replace(/;$/, ""),
);

const gzipped = new Map();
function gzipKb(file) {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(PUBLIC, file))).length / 1000);
  return gzipped.get(file);
}
const IMPORT = /(?:from|import)\s*"(\/build\/[^"]+\.js)"/g;
function closure(files, seen = new Set()) {
  for (const file of files) {
    if (seen.has(file)) continue;
    seen.add(file);
    closure(
      [...readFileSync(join(PUBLIC, file), "utf8").matchAll(IMPORT)].map((m) => m[1]),
      seen,
    );
  }
  return seen;
}

const routes = Object.values(manifest.routes);
const parents = new Set(routes.map((r) => r.parentId).filter(Boolean));
// A resource route (a download, an export) has no component: its module is an empty stand-in.
const isPage = (r) => !/e\.exports=\{\}\}\);export default/.test(readFileSync(join(PUBLIC, r.module), "utf8"));
const rows = routes
  .filter((r) => r.id !== "root" && !parents.has(r.id) && isPage(r))
  .map((route) => {
    const chain = [];
    for (let r = route; r; r = manifest.routes[r.parentId]) chain.push(r.module);
    const files = closure([manifest.entry.module, ...chain]);
    const kb = [...files].reduce((sum, f) => sum + gzipKb(f), 0);
    return { route: route.id.replace(/^routes\//, ""), requests: files.size, kb: Math.round(kb * 10) / 10 };
  })
  .sort((a, b) => b.kb - a.kb);

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const width = Math.max(...rows.map((r) => r.route.length));
  console.log(`${"page (route)".padEnd(width)}  JS requests  gzip kB`);
  for (const r of rows)
    console.log(`${r.route.padEnd(width)}  ${String(r.requests).padStart(11)}  ${r.kb.toFixed(1).padStart(7)}`);
  const kbs = rows.map((r) => r.kb);
  console.log(`${rows.length} pages: ${Math.min(...kbs).toFixed(1)}–${Math.max(...kbs).toFixed(1)} kB gzip`);
}
