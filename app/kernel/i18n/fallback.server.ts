// The few messages of an error page rendered when the root loader itself failed (its data, and so
// the page's messages, are missing): the layout's and the error messages', in the three languages,
// read from the catalogue (on the server only: the browser keeps a few English words). A test
// keeps the list complete for what the root layout and its error page show.
import { catalogues } from "./catalogues";
import { LOCALES, type Locale, type MessageKey, type Messages } from "./index";
import type { RootData } from "../components/i18n";

const FALLBACK_KEYS: MessageKey[] = [
  "app.name",
  "app.short_name",
  "title.error_prefix",
  "nav.skip",
  "nav.main",
  "nav.home",
  "nav.language",
  "nav.call",
  "nav.laureates",
  "nav.login",
  "nav.register",
  "nav.logout",
  "nav.account",
  "nav.dashboard",
  "nav.secretariat",
  "footer.text",
  "footer.privacy",
  "errors.page_not_found",
  "errors.page_not_found_help",
  "errors.forbidden",
  "errors.forbidden_help",
  "errors.bad_request",
  "errors.bad_request_help",
  "errors.unexpected",
  "errors.unexpected_help",
];

export const FALLBACK_MESSAGES = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    Object.fromEntries(FALLBACK_KEYS.map((key) => [key, (catalogues[locale] as Record<string, string>)[key]])),
  ]),
) as Record<Locale, Messages>;

const FALLBACK_DATA = Object.fromEntries(
  Object.entries(FALLBACK_MESSAGES).map(([locale, messages]) => [
    locale,
    { locale: locale as Locale, messages, user: null, formSeed: "" },
  ]),
) as Record<Locale, RootData>;

/**
 * What the pages read when the root loader itself failed: its error page, in the given language,
 * with the few messages it shows, never their keys (server only: entry.server.tsx).
 */
export function fallbackRootData(locale: Locale): RootData {
  return FALLBACK_DATA[locale];
}
