// `npm start` builds the app when there is no build yet or the sources are newer than it.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

const output = "build/index.js";
const sources = ["app", "db", "scoring", "remix.config.js", "package.json"].filter((p) => existsSync(p));
const stale = !existsSync(output) || sources.some((p) => newest(p) > statSync(output).mtimeMs);
if (stale) {
  console.log("Building the app…");
  // `npm run build`: Remix's build, then its assets compressed (docs/decisions/053-precompressed-assets.md).
  execSync("npm run -s build", { stdio: "inherit" });
}
