// Locales, direction and message lookup, shared by server and browser. The catalogues give each
// key its three languages side by side (triples.ts), so a missing text stops the server on load;
// this module takes only their keys, as a type.
import { LOCALES } from "../../../db/enums";
import type { catalogues } from "./catalogues";

export { LOCALES };
export type Locale = (typeof LOCALES)[number];
export type MessageKey = keyof typeof catalogues.en;
export type Messages = Record<MessageKey, string>;

export const LOCALE_NAMES: Record<Locale, string> = { en: "English", fr: "Français", ar: "العربية" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function direction(locale: Locale): "ltr" | "rtl" {
  return localized(locale, { en: "ltr", fr: "ltr", ar: "rtl" });
}

/** One text in each language. Arabic is optional: editions, criteria and rules may lack it. */
export type Texts<T extends string = string> = { en: T; fr: T; ar?: T | null };

const inLocale = <T extends string>(locale: string, texts: Texts<T>) =>
  locale === "fr" ? texts.fr : locale === "ar" ? texts.ar : texts.en;

/** The text in the viewer's language; English when that one is missing or blank, or the language unknown. */
export function localized<T extends string>(locale: string, texts: Texts<T>): T {
  const text = inLocale(locale, texts);
  return text?.trim() ? text : texts.en;
}

type TextColumns<B extends string> = { [K in `${B}En` | `${B}Fr`]: string } & { [K in `${B}Ar`]?: string | null };

/** A row's texts stored one column per language (themeEn, themeFr, themeAr…). */
export function textsOf<B extends string>(row: TextColumns<B>, base: B): Texts {
  const column = row as Record<string, string | null | undefined>;
  return { en: column[`${base}En`] ?? "", fr: column[`${base}Fr`] ?? "", ar: column[`${base}Ar`] };
}

/** A row's texts as the values of their form fields (themeEn, themeFr, themeAr), a missing one empty. */
export function textValues<B extends string>(row: TextColumns<B>, base: B): Record<string, string> {
  const texts = textsOf(row, base);
  return { [`${base}En`]: texts.en, [`${base}Fr`]: texts.fr, [`${base}Ar`]: texts.ar ?? "" };
}

type StoredTextColumns<B extends string> = { [K in `${B}En` | `${B}Fr`]: string } & { [K in `${B}Ar`]: string | null };

/** A text's columns as a form gives them, to store: an Arabic left blank is stored as null (none). */
export function textColumns<B extends string>(input: TextColumns<B>, base: B): StoredTextColumns<B> {
  const texts = textsOf(input, base);
  return { [`${base}En`]: texts.en, [`${base}Fr`]: texts.fr, [`${base}Ar`]: texts.ar || null } as StoredTextColumns<B>;
}

/** The language `localized` really answered in, for `lang` when it fell back to English. */
export function localizedLang(locale: string, texts: Texts): Locale {
  return isLocale(locale) && inLocale(locale, texts)?.trim() ? locale : "en";
}

export type Vars = Record<string, string | number>;

// A message with plural forms is written "one: {count} thing | other: {count} things", with the
// CLDR categories of its language (Arabic has zero, one, two, few, many and other); the form is
// chosen by Intl.PluralRules from the `count` variable, "other" when a category is missing. When
// the counted noun goes with another variable, the message names it first:
// "[minutes] one: … | other: …".
const PLURAL_MESSAGE = /^(?:\[(\w+)\] )?(zero|one|two|few|many|other): /;
const pluralRules = new Map<Locale, Intl.PluralRules>();

export function pluralCategory(count: number, locale: Locale): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(intlLocale(locale))));
  return rules.select(count);
}

/** The forms of a plural message by category, and the variable choosing among them. */
export function pluralForms(template: string): { variable: string; forms: Map<string, string> } | null {
  const head = PLURAL_MESSAGE.exec(template);
  if (!head) return null;
  const body = head[1] ? template.slice(head[1].length + 3) : template;
  const forms = new Map(
    body.split(" | ").map((part) => {
      const colon = part.indexOf(": ");
      return [part.slice(0, colon), part.slice(colon + 2)] as const;
    }),
  );
  return { variable: head[1] ?? "count", forms };
}

/** Looks a key up and fills `{name}` placeholders; an unknown key is shown as itself. */
export function translate(messages: Messages, key: string, vars?: Vars, locale: Locale = "en"): string {
  let template = (messages as Record<string, string>)[key] ?? key;
  const plural = pluralForms(template);
  if (plural) {
    const { forms, variable } = plural;
    template = forms.get(pluralCategory(Number(vars?.[variable] ?? 0), locale)) ?? forms.get("other") ?? template;
  }
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export const PARIS = "Europe/Paris";

// Building an Intl formatter costs far more than using one: each is built once per locale and
// options.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
function dateFormatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dateFormatters.get(key);
  if (!f) dateFormatters.set(key, (f = new Intl.DateTimeFormat(intlLocale(locale), options)));
  return f;
}

/**
 * A long date as the language writes it. French writes the first of the month as an ordinal,
 * "1er avril", where Intl gives "1 avril"; the other days are cardinal, as Intl gives them.
 */
function formatLong(instant: Date | number, locale: Locale, options: Intl.DateTimeFormatOptions): string {
  const formatter = dateFormatter(locale, options);
  if (locale !== "fr") return formatter.format(instant);
  return formatter
    .formatToParts(instant)
    .map((part) => (part.type === "day" && part.value === "1" ? "1er" : part.value))
    .join("");
}

/** A date and time in the viewer's language, in the given time zone (Paris by default). */
export function formatDateTime(instant: Date | number, locale: Locale, timeZone = PARIS): string {
  return formatLong(instant, locale, { dateStyle: "long", timeStyle: "short", timeZone });
}

/** A time of day to the second ("14:03:27"), in the given time zone (Paris by default). */
export function formatTime(instant: Date | number, locale: Locale, timeZone = PARIS): string {
  const options: Intl.DateTimeFormatOptions = { timeStyle: "medium", timeZone };
  return dateFormatter(locale, options).format(instant);
}

export function formatDate(instant: Date | number, locale: Locale, timeZone = PARIS): string {
  return formatLong(instant, locale, { dateStyle: "long", timeZone });
}

// A results page formats hundreds of numbers, and each view of it the same ones: building the
// formatter's key from the options (JSON) and formatting cost about 1 µs a number, ~0.5 ms of a
// cached view's ~14 ms of CPU. Options frozen by their caller (a module's constant) find their
// formatter by identity, and each formatter keeps the texts it made (decision 056).
type NumberFormatter = { format: Intl.NumberFormat; texts: Map<number, string> };
const numberFormatters = new Map<string, NumberFormatter>();
const numberFormattersByOptions = new WeakMap<object, Map<Locale, NumberFormatter>>();
const NO_OPTIONS: Intl.NumberFormatOptions = Object.freeze({});
/** Texts a formatter keeps; past it, it starts again (a page's numbers are far fewer). */
export const NUMBER_TEXTS_KEPT = 4096;

function numberFormatter(locale: Locale, options: Intl.NumberFormatOptions): NumberFormatter {
  // Only a frozen object is known by identity: a caller may change an object it passed before.
  const frozen = Object.isFrozen(options);
  let byLocale = frozen ? numberFormattersByOptions.get(options) : undefined;
  let found = byLocale?.get(locale);
  if (found) return found;
  const key = `${locale}|${JSON.stringify(options)}`;
  found = numberFormatters.get(key);
  if (!found) {
    found = { format: new Intl.NumberFormat(intlLocale(locale), options), texts: new Map() };
    numberFormatters.set(key, found);
  }
  if (frozen) {
    if (!byLocale) numberFormattersByOptions.set(options, (byLocale = new Map()));
    byLocale.set(locale, found);
  }
  return found;
}

/**
 * A number in the viewer's language. Pass options as a frozen module constant where a page
 * formats many numbers: it then costs a lookup, not a key and a format.
 */
export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = NO_OPTIONS): string {
  const { format, texts } = numberFormatter(locale, options);
  // A Map takes -0 for 0, and Intl writes it "-0".
  if (Object.is(value, -0)) return format.format(value);
  let text = texts.get(value);
  if (text === undefined) {
    if (texts.size >= NUMBER_TEXTS_KEPT) texts.clear();
    texts.set(value, (text = format.format(value)));
  }
  return text;
}

// Arabic with Latin digits: UNESCO documents in Arabic commonly use them, and they keep
// references and scores identical across the three languages.
export function intlLocale(locale: Locale): string {
  return localized(locale, { en: "en-GB", fr: "fr-FR", ar: "ar-u-nu-latn" });
}

/**
 * How `formatList` joins: "and", a list in a sentence ("A, B and C", "A, B et C", "A وB وC",
 * by Intl.ListFormat); "plain", items only separated, as in an order, a cell or a chart's values
 * ("A, B, C"; in Arabic with its own comma, "A، B، C"); "groups", lists of lists ("A; B", "A؛ B").
 */
export type ListStyle = "and" | "plain" | "groups";

const listFormats = new Map<Locale, Intl.ListFormat>();
const SEPARATORS: Record<Exclude<ListStyle, "and">, Texts> = {
  plain: { en: ", ", fr: ", ", ar: "، " },
  groups: { en: "; ", fr: " ; ", ar: "؛ " },
};

/** Items shown to a reader as one list, in their language. Not for CSV or other data formats. */
export function formatList(items: readonly string[], locale: Locale, style: ListStyle = "plain"): string {
  if (style !== "and") return items.join(localized(locale, SEPARATORS[style]));
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(intlLocale(locale), { type: "conjunction" })));
  return format.format(items);
}
