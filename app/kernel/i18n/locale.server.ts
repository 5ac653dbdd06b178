import { createCookie } from "@remix-run/node";
import { isLocale, LOCALES, type Locale, type Messages } from "./index";
import { catalogues as merged } from "./catalogues";
import { applicationsMessages } from "./areas/applications";
import { editionsMessages } from "./areas/editions";
import { juryMessages } from "./areas/jury";
import { nominationsMessages } from "./areas/nominations";
import { resultsMessages } from "./areas/results";
import { deliberationMessages } from "./areas/deliberation";
import { integrityMessages } from "./areas/results-integrity";
import { certificateMessages } from "./areas/certificate";
import { rankingMessages } from "./areas/ranking";
import { observerMessages } from "./areas/observer";
import { auditMessages } from "./areas/audit";
import { privacyMessages } from "./areas/privacy";
import { diplomasMessages } from "./areas/diplomas";
import { dataMessages } from "./areas/data";
import { areasForPath, type Area } from "./areas";
import { sortedCountries } from "./countries";

export const catalogues: Record<Locale, Messages> = merged;

const AREA_KEYS: Record<Area, string[]> = {
  editions: Object.keys(editionsMessages.en),
  applications: Object.keys(applicationsMessages.en),
  nominations: Object.keys(nominationsMessages.en),
  jury: Object.keys(juryMessages.en),
  results: Object.keys(resultsMessages.en),
  deliberation: Object.keys(deliberationMessages.en),
  integrity: Object.keys(integrityMessages.en),
  certificate: Object.keys(certificateMessages.en),
  ranking: Object.keys(rankingMessages.en),
  observer: Object.keys(observerMessages.en),
  audit: Object.keys(auditMessages.en),
  privacy: Object.keys(privacyMessages.en),
  diplomas: Object.keys(diplomasMessages.en),
  data: Object.keys(dataMessages.en),
};
const IN_AN_AREA = new Set(Object.values(AREA_KEYS).flat());
const CORE_KEYS = Object.keys(catalogues.en).filter((key) => !IN_AN_AREA.has(key));

/** The messages a page at this address needs: the core ones and its areas', in one language. */
export function messagesForPage(locale: Locale, pathname: string): Messages {
  const areas = areasForPath(pathname);
  // Built once per language and set of areas (a few dozen in all), not at every page: the same
  // thousand-odd entries were copied for each request (0.25 ms of a results page's). Read only.
  const key = `${locale}|${areas.join(",")}`;
  let messages = pageMessages.get(key);
  if (!messages) {
    const all = catalogues[locale] as Record<string, string>;
    const keys = [...CORE_KEYS, ...areas.flatMap((area) => AREA_KEYS[area])];
    pageMessages.set(key, (messages = Object.freeze(Object.fromEntries(keys.map((k) => [k, all[k]]))) as Messages));
  }
  return messages;
}
const pageMessages = new Map<string, Messages>();

/**
 * The same messages as JSON text, as the root loader sends them (decision 055): one string in the
 * page's loader data instead of an object of some 500 entries, which the loader data's encoding
 * walked entry by entry at every page. Built once per language and set of areas, like them.
 */
export function messagesTextForPage(locale: Locale, pathname: string): string {
  const messages = messagesForPage(locale, pathname);
  let text = pageMessageTexts.get(messages);
  if (text === undefined) pageMessageTexts.set(messages, (text = JSON.stringify(messages)));
  return text;
}
const pageMessageTexts = new WeakMap<Messages, string>();

export const localeCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** Picks the best supported language from an Accept-Language header. */
export function fromAcceptLanguage(header: string | null): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (isLocale(base)) return base;
  }
  return undefined;
}

/**
 * The user's profile language, else the switch's cookie, else the page's own language (an
 * invitation is read in the language it was written in), else Accept-Language, else English.
 * A language the visitor chose explicitly always wins over the page's.
 */
export async function resolveLocale(
  request: Request,
  profileLocale?: string | null,
  pageLocale?: string | null,
): Promise<Locale> {
  if (isLocale(profileLocale)) return profileLocale;
  const fromCookie = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(fromCookie)) return fromCookie;
  if (isLocale(pageLocale)) return pageLocale;
  return fromAcceptLanguage(request.headers.get("Accept-Language")) ?? "en";
}

/** The country list as the server names and orders it, for a page to render the same after hydration. */
export async function countryOptions(
  request: Request,
  profileLocale?: string | null,
): Promise<{ value: string; label: string }[]> {
  const locale = await resolveLocale(request, profileLocale);
  return sortedCountries(locale).map((c) => ({ value: c.code, label: c.name }));
}

export { LOCALES };
