import { Form, useRouteLoaderData, type FormProps } from "@remix-run/react";
import { createContext, useCallback, useContext } from "react";
import { FORM_TOKEN_FIELD } from "../domain/form-token";
import { direction, translate, type Locale, type Messages, type Vars } from "../i18n";

// In the browser, only for an error page rendered there when the root loader failed on a
// navigation: a few English words. The server renders that page in the cookie's or browser's
// language (app/kernel/i18n/fallback.server.ts) and sends it without scripts, so it is never
// hydrated in English (useServerFallbackPage); the three languages would cost every page ~2 kB of
// script, past the 150 kB first-visit budget.
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
  /** 128 random bits drawn by the root loader; each form's one-time token starts with them. */
  formSeed: string;
}

/**
 * What the root loader sends: the page's messages as JSON text (decision 055), read back into
 * an object once per text by {@link useRootData}.
 */
export interface RootLoaderData extends Omit<RootData, "messages"> {
  messages: string;
}

// Each distinct text parsed once (a few dozen at most: languages × areas), and each loader
// data's view made once, so that the translation function keeps its identity between renders.
const parsedMessages = new Map<string, Messages>();
const views = new WeakMap<RootLoaderData, RootData>();

function viewOf(data: RootLoaderData): RootData {
  let view = views.get(data);
  if (!view) {
    let messages = parsedMessages.get(data.messages);
    if (!messages) parsedMessages.set(data.messages, (messages = JSON.parse(data.messages) as Messages));
    views.set(data, (view = { ...data, messages }));
  }
  return view;
}

const FallbackContext = createContext<RootData | null>(null);
/** The server's fallback (entry.server.tsx): the language of the cookie or Accept-Language. */
export const I18nFallbackProvider = FallbackContext.Provider;

export function useRootData(): RootData {
  const data = useRouteLoaderData("root") as RootLoaderData | undefined;
  const fallback = useContext(FallbackContext);
  // Without root data (the root loader itself failed) the error page still renders: on the
  // server in the language chosen without the database, in the browser in English.
  if (data) return viewOf(data);
  return fallback ?? { locale: "en", messages: FALLBACK as Messages, user: null, formSeed: "" };
}

/**
 * Whether this page is the server's error page for a failed root loader: it is then sent without
 * scripts, so that it stays in the language the server chose (the browser has only English words,
 * FALLBACK) and works as plain HTML, as every page does.
 */
export function useServerFallbackPage(): boolean {
  const data = useRouteLoaderData("root");
  const fallback = useContext(FallbackContext);
  return !data && fallback !== null;
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

// An erased person's or application's pseudonym as stored (app/accounts/domain/pseudonym.ts
// writes it). Here, in the module every page loads, rather than in a module of its own: shared by
// a dozen pages, it made two more script requests on each (~2 kB a first visit, past the budget).
const PSEUDONYM = /^Erased (applicant|application) ([0-9A-F]{4})$/;

/**
 * A stored name or title as the reader sees it: a pseudonym in their language, by its message
 * ("Candidature effacée 1A2B", "طلب ممحوّ 1A2B"); any other text as it is.
 *
 * @example
 * shownPseudonym("Erased application 1A2B", t); // t("erasure.erased_application", { tag: "1A2B" })
 */
export function shownPseudonym(text: string, t: (key: string, vars: { tag: string }) => string): string {
  const match = PSEUDONYM.exec(text);
  if (!match) return text;
  return t(match[1] === "applicant" ? "erasure.erased_applicant" : "erasure.erased_application", { tag: match[2] });
}

/**
 * A stored name or title, isolated for right-to-left pages: an erased person's or application's
 * pseudonym is shown in the reader's language, any other text as it is.
 */
export function ShownName({ text }: { text: string }) {
  const t = useT();
  return <bdi>{shownPseudonym(text, t)}</bdi>;
}
