import { Form, useRouteLoaderData, type FormProps } from "@remix-run/react";
import { createContext, useCallback, useContext } from "react";
import { FORM_TOKEN_FIELD } from "../domain/form-token";
import { direction, isLocale, translate, type Locale, type Messages, type Vars } from "../i18n";
import { FALLBACK_MESSAGES } from "../i18n/fallback";

export interface RootData {
  locale: Locale;
  messages: Messages;
  user: { name: string; roles: string[] } | null;
  nonce?: string;
  /** 128 random bits drawn by the root loader; each form's one-time token starts with them. */
  formSeed: string;
}

const FALLBACK_DATA = Object.fromEntries(
  Object.entries(FALLBACK_MESSAGES).map(([locale, messages]) => [
    locale,
    { locale: locale as Locale, messages, user: null, formSeed: "" },
  ]),
) as Record<Locale, RootData>;

/**
 * What the pages read when the root loader itself failed: its error page, in the given language,
 * with the few messages it shows (app/kernel/i18n/fallback.ts), never their keys.
 */
export function fallbackRootData(locale: Locale): RootData {
  return FALLBACK_DATA[locale];
}

const FallbackContext = createContext<RootData | null>(null);
/** The server's fallback (entry.server.tsx): the language of the cookie or Accept-Language. */
export const I18nFallbackProvider = FallbackContext.Provider;

/** In the browser, the language the server rendered the page in (its <html lang>), else English. */
function documentLocale(): Locale {
  const lang = typeof document === "undefined" ? undefined : document.documentElement.lang;
  return isLocale(lang) ? lang : "en";
}

export function useRootData(): RootData {
  const data = useRouteLoaderData("root") as RootData | undefined;
  const fallback = useContext(FallbackContext);
  // Without root data (the root loader itself failed) the error page still renders: in the
  // language the server chose without the database, which the browser reads back from the page.
  return data ?? fallback ?? fallbackRootData(documentLocale());
}

/** The translation function for the active language. */
export function useT() {
  const { messages, locale } = useRootData();
  const t = useCallback((key: string, vars?: Vars) => translate(messages, key, vars, locale), [messages, locale]);
  return Object.assign(t, { locale, dir: direction(locale) });
}

/** A short, stable name for a form's place on its page (FNV-1a, base 36). */
function placeKey(place: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < place.length; i++) hash = Math.imul(hash ^ place.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/**
 * The form's one-time token, as a hidden field: the page's seed and the form's place on the page
 * (what it does to what, unique there), the same in the server's HTML and after hydration. The
 * root loader draws a new seed for every page and after every successful post, so a token names
 * one rendered form; posting it twice replays the first answer
 * (app/kernel/server/retry-safe.server.ts). Not React's useId: it broke hydrating a form typed
 * into before the scripts had run. It lives beside useRootData, in the module every page loads,
 * so it costs no request of its own.
 */
export function FormToken({ place }: { place: string }) {
  const { formSeed } = useRootData();
  return formSeed ? <input type="hidden" name={FORM_TOKEN_FIELD} value={`${formSeed}:${placeKey(place)}`} /> : null;
}

/**
 * A form that changes something: posted, with its one-time token. Use it for every such form;
 * `place` says what it does to what (`delete-${file.id}`), unique on the page.
 */
export function PostForm({ place, children, ...props }: Omit<FormProps, "method"> & { place: string }) {
  return (
    <Form method="post" {...props}>
      <FormToken place={place} />
      {children}
    </Form>
  );
}

// A draft saved by itself (draftBody) is answered with the new version, and the page keeps what
// is on screen: Remix would otherwise reload every loader of the page, the root's too, which
// during a deadline rush was half of what each autosave cost the server (decision 027). Here
// rather than in a module of its own because every page's scripts already hold this one (the
// root and the routes read it): a module of its own became a request of its own on every page.

/**
 * Whether a post was a draft saved by itself: `intent=autosave` (an application's section) or
 * `autosave=1` (a juror's review).
 *
 * @example
 * isDraftSave(new URLSearchParams("intent=autosave") as unknown as FormData); // true
 */
export function isDraftSave(formData: FormData | undefined): boolean {
  return formData?.get("intent") === "autosave" || formData?.get("autosave") === "1";
}

/** A route's shouldRevalidate: Remix's default, except after a draft saved by itself. */
export const keepDataAfterDraft = ({
  formData,
  defaultShouldRevalidate,
}: {
  formData?: FormData;
  defaultShouldRevalidate: boolean;
}): boolean => defaultShouldRevalidate && !isDraftSave(formData);
