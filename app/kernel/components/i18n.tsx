import { useRouteLoaderData } from "@remix-run/react";
import { createContext, useCallback, useContext } from "react";
import { direction, translate, type Locale, type Messages, type Vars } from "../i18n";

// Only for an error page rendered when the root loader itself failed: a few words, so the
// catalogues never travel in the browser bundle.
const FALLBACK: Partial<Messages> = {
  "app.name": "UNESCO King Hamad Bin Isa Al-Khalifa Prize for the Use of ICT in Education",
  "app.short_name": "UNESCO ICT in Education Prize",
  "nav.home": "Home",
  "nav.skip": "Skip to main content",
  "nav.main": "Main menu",
  "nav.language": "Language",
  "errors.unexpected": "Sorry, there is a problem with the service",
  "errors.unexpected_help": "Nothing you entered was changed. Try again later.",
  "errors.page_not_found": "Page not found",
  "errors.page_not_found_help": "If you typed the address, check it is correct.",
};

export interface RootData {
  locale: Locale;
  messages: Messages;
  user: { name: string; roles: string[] } | null;
  nonce?: string;
}

const FallbackContext = createContext<RootData | null>(null);
export const I18nFallbackProvider = FallbackContext.Provider;

export function useRootData(): RootData {
  const data = useRouteLoaderData("root") as RootData | undefined;
  const fallback = useContext(FallbackContext);
  // Without root data (the root loader itself failed) the error page still renders, in English.
  return data ?? fallback ?? { locale: "en", messages: FALLBACK as Messages, user: null };
}

/** The translation function for the active language. */
export function useT() {
  const { messages, locale } = useRootData();
  const t = useCallback((key: string, vars?: Vars) => translate(messages, key, vars, locale), [messages, locale]);
  return Object.assign(t, { locale, dir: direction(locale) });
}
