import { useRouteLoaderData } from "@remix-run/react";
import { createContext, useCallback, useContext } from "react";
import { direction, translate, type Locale, type Messages, type Vars } from "../i18n";

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
  const value = data ?? fallback;
  if (!value) throw new Error("Root data missing: useT() must be used under the root route.");
  return value;
}

/** The translation function for the active language. */
export function useT() {
  const { messages, locale } = useRootData();
  const t = useCallback((key: string, vars?: Vars) => translate(messages, key, vars), [messages]);
  return Object.assign(t, { locale, dir: direction(locale) });
}
