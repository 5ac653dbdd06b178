// Every action answers a replayed post with its first answer, and every form that changes
// something posts a one-time token; read from the sources, so a new route or form is covered.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const APP = join(import.meta.dirname, "../../../app");
const ROUTES = join(APP, "routes");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe("retry-safe forms", () => {
  // Marked pure: the browser's build of a page drops the action, and with it the call of a
  // server-only function it could not run (it would stop the page's scripts).
  it("every action of app/routes is wrapped by retrySafe, marked pure", () => {
    const unwrapped = readdirSync(ROUTES)
      .filter((f) => /\.tsx?$/.test(f))
      .filter((f) => {
        const source = readFileSync(join(ROUTES, f), "utf8");
        return (
          /^export (async function|const|let) action\b/m.test(source) &&
          !/^export const action = \/\* @__PURE__ \*\/ retrySafe\(/m.test(source)
        );
      });
    expect(unwrapped).toEqual([]);
  });

  it("no form posts without its token: posts go through ValidatedForm, PostForm or PostButton", () => {
    const raw = sources(APP).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/<(Form|form|fetcher\.Form)\b[^>]*method="post"[^>]*>/g)]
        .map((m) => `${relative(APP, file)}: ${m[0]}`)
        // The language switch and signing out change nothing that a second post would change again.
        .filter((found) => !/action="\/(language|logout)"/.test(found))
        // The two components that add the token themselves.
        .filter((found) => !found.startsWith("kernel/components/")),
    );
    expect(raw).toEqual([]);
  });
});
