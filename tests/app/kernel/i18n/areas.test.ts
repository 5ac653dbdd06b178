// Each page receives only the core messages and its areas' (app/kernel/i18n/areas.ts). This test reads
// every route and the components it imports, and fails when a page uses a key of an area its
// address does not load — the page would otherwise show a raw key.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { areasForPath, AREAS, type Area } from "../../../../app/kernel/i18n/areas";
import { catalogues, messagesForPage, messagesTextForPage } from "../../../../app/kernel/i18n/locale.server";
import { applicationsMessages } from "../../../../app/kernel/i18n/areas/applications";
import { editionsMessages } from "../../../../app/kernel/i18n/areas/editions";
import { juryMessages } from "../../../../app/kernel/i18n/areas/jury";
import { nominationsMessages } from "../../../../app/kernel/i18n/areas/nominations";
import { resultsMessages } from "../../../../app/kernel/i18n/areas/results";
import { deliberationMessages } from "../../../../app/kernel/i18n/areas/deliberation";
import { integrityMessages } from "../../../../app/kernel/i18n/areas/results-integrity";
import { certificateMessages } from "../../../../app/kernel/i18n/areas/certificate";
import { rankingMessages } from "../../../../app/kernel/i18n/areas/ranking";
import { observerMessages } from "../../../../app/kernel/i18n/areas/observer";
import { auditMessages } from "../../../../app/kernel/i18n/areas/audit";
import { privacyMessages } from "../../../../app/kernel/i18n/areas/privacy";
import { diplomasMessages } from "../../../../app/kernel/i18n/areas/diplomas";
import { dataMessages } from "../../../../app/kernel/i18n/areas/data";

const AREA_KEYS: Record<Area, Set<string>> = {
  editions: new Set(Object.keys(editionsMessages.en)),
  applications: new Set(Object.keys(applicationsMessages.en)),
  nominations: new Set(Object.keys(nominationsMessages.en)),
  jury: new Set(Object.keys(juryMessages.en)),
  results: new Set(Object.keys(resultsMessages.en)),
  deliberation: new Set(Object.keys(deliberationMessages.en)),
  integrity: new Set(Object.keys(integrityMessages.en)),
  certificate: new Set(Object.keys(certificateMessages.en)),
  ranking: new Set(Object.keys(rankingMessages.en)),
  observer: new Set(Object.keys(observerMessages.en)),
  audit: new Set(Object.keys(auditMessages.en)),
  privacy: new Set(Object.keys(privacyMessages.en)),
  diplomas: new Set(Object.keys(diplomasMessages.en)),
  data: new Set(Object.keys(dataMessages.en)),
};

/**
 * The address of a flat route file: "secretariat.editions.$editionId.decision_.snapshot.tsx" →
 * /secretariat/editions/x/decision/snapshot.
 */
export function pathOfRoute(file: string): string {
  const name = file.replace(/\.tsx?$/, "").replace(/\[\.\]/g, "\u0000");
  const segments = name
    .split(".")
    .map((s) => s.replace(/\u0000/g, "."))
    .filter((s) => s !== "_index" && !s.startsWith("_"))
    .map((s) => (s.startsWith("$") ? "x" : s.replace(/_$/, "")));
  return "/" + segments.join("/");
}

function sourceWithImports(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return "";
  seen.add(file);
  const text = readFileSync(file, "utf8");
  let all = text;
  for (const m of text.matchAll(/from "(\.\.?\/[^"]+)"/g)) {
    if (!/components|models|forms/.test(m[1])) continue;
    for (const ext of [".tsx", ".ts"]) {
      const target = resolve(dirname(file), m[1] + ext);
      // A model calling another area's model (a read rule, a shared query) does not put that
      // area's messages on the page: the keys a page shows come from its own models' errors.
      if (/\/models\//.test(file) && /\/models\//.test(target)) continue;
      if (existsSync(target)) all += sourceWithImports(target, seen);
    }
  }
  return all;
}

/** null when the key is core or defined by one of the loaded areas; else the areas defining it. */
function missingArea(key: string, loaded: Set<Area>): string | null {
  const areas = AREAS.filter((area) => AREA_KEYS[area].has(key));
  if (areas.length === 0 || areas.some((a) => loaded.has(a))) return null;
  return areas.join(", ");
}

function areaOfPrefix(prefix: string): Area[] {
  return AREAS.filter((area) => [...AREA_KEYS[area]].some((key) => key.startsWith(prefix)));
}

describe("catalogue areas", () => {
  it("route file names map to the addresses they serve", () => {
    expect(pathOfRoute("secretariat.editions.$editionId.jury.tsx")).toBe("/secretariat/editions/x/jury");
    expect(pathOfRoute("secretariat.editions.$editionId.decision_.snapshot.tsx")).toBe(
      "/secretariat/editions/x/decision/snapshot",
    );
    expect(pathOfRoute("secretariat.screening.export[.]csv.tsx")).toBe("/secretariat/screening/export.csv");
    expect(pathOfRoute("applications._index.tsx")).toBe("/applications");
  });

  const routes = readdirSync("app/routes").filter((f) => /\.tsx?$/.test(f));
  for (const route of routes) {
    it(`${route} uses only keys of the areas its address loads`, () => {
      const path = pathOfRoute(route);
      const loaded = new Set(areasForPath(path));
      const text = sourceWithImports(join("app/routes", route));
      const missing = new Set<string>();
      for (const m of text.matchAll(/\bt\("([a-z_]+\.[a-z0-9_.]+)"/g)) {
        const area = missingArea(m[1], loaded);
        if (area) missing.add(`${m[1]} (${area})`);
      }
      for (const m of text.matchAll(/"((?:errors|mail)\.[a-z_]+)"/g)) {
        const area = missingArea(m[1], loaded);
        if (area && !m[1].startsWith("mail.")) missing.add(`${m[1]} (${area})`);
      }
      for (const m of text.matchAll(/\bt\(`([a-z_]+\.)/g)) {
        const areas = areaOfPrefix(m[1]);
        if (areas.length > 0 && !areas.some((a) => loaded.has(a))) missing.add(`${m[1]}* (${areas.join(", ")})`);
      }
      expect([...missing], `${route} → ${path} loads [${[...loaded].join(", ")}]`).toEqual([]);
    });
  }
});

describe("a page's messages", () => {
  const results = (edition: string) => `/secretariat/editions/${edition}/results`;

  it("are the core ones and its areas', in its language, whatever the ids in its address", () => {
    for (const locale of ["en", "fr", "ar"] as const) {
      const shown = messagesForPage(locale, results("a"));
      const catalogue = catalogues[locale] as Record<string, string>;
      for (const key of Object.keys(shown)) expect(shown[key as keyof typeof shown], key).toBe(catalogue[key]);
      for (const key of AREA_KEYS.results) expect(shown, key).toHaveProperty([key]);
      expect(messagesForPage(locale, results("b"))).toEqual(shown);
    }
  });

  it("differ by language and by area, and are not changed by a page that would write in them", () => {
    const english = messagesForPage("en", results("a"));
    expect(messagesForPage("fr", results("a"))).not.toEqual(english);
    const signIn = messagesForPage("en", "/login");
    for (const key of AREA_KEYS.results) expect(signIn, key).not.toHaveProperty([key]);
    expect(() => Object.assign(english, { "results.title": "changed" })).toThrow();
    expect(messagesForPage("en", results("a"))["results.title" as keyof typeof english]).toBe(
      (catalogues.en as Record<string, string>)["results.title"],
    );
  });

  it("go to the browser as the JSON text of the same messages, made once per language and areas", () => {
    const text = messagesTextForPage("ar", results("a"));
    expect(JSON.parse(text)).toEqual(messagesForPage("ar", results("a")));
    expect(messagesTextForPage("ar", results("b"))).toBe(text);
    expect(messagesTextForPage("en", results("a"))).not.toBe(text);
  });
});
