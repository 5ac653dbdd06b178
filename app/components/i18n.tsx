import { useRouteLoaderData } from "@remix-run/react";
import { createContext, useCallback, useContext } from "react";
import { direction, translate, type Locale, type Messages, type Vars } from "../i18n";
import en from "../i18n/en";

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
  return data ?? fallback ?? { locale: "en", messages: en, user: null };
}

/** The translation function for the active language. */
export function useT() {
  const { messages, locale } = useRootData();
  const t = useCallback((key: string, vars?: Vars) => translate(messages, key, vars), [messages]);
  return Object.assign(t, { locale, dir: direction(locale) });
}
