// `npm run build`, after `remix build`: the build's assets compressed once, beside them
// (scripts/precompressed.mjs, docs/decisions/053-precompressed-assets.md).
import { precompress } from "./precompressed.mjs";

const folder = process.argv[2] ?? "public/build";
const started = performance.now();
const written = await precompress(folder);
console.log(`Compressed ${written} asset copies in ${folder} (${Math.round(performance.now() - started)} ms).`);
