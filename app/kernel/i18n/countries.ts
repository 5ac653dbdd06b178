// ISO 3166-1 alpha-2 codes of UNESCO Member States and Associate Members; names come from
// Intl.DisplayNames in the viewer's language, so no catalogue has to carry them.
export const COUNTRY_CODES =
  "AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD CL CN CO KM CG CK CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LT LU MG MW MY MV ML MT MH MR MU MX FM MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG NU MK NO OM PK PW PS PA PG PY PE PH PL PT QA KR MD RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG UA AE GB TZ US UY UZ VU VE VN YE ZM ZW AW CW FO MO SX TK VG KY".split(
    " ",
  );

export function isCountryCode(value: unknown): value is string {
  return typeof value === "string" && COUNTRY_CODES.includes(value);
}

// Where CLDR's name is not the one UNESCO uses ("Congo - Brazzaville", "Macao SAR China"), or where
// Node's and the browsers' CLDR disagree (Palestine, Macao): the same name on both sides, so a page
// hydrates without differences (see sortedCountries).
export const UNESCO_COUNTRY_NAMES: Record<string, Record<string, string>> = {
  CG: { en: "Congo", fr: "Congo", ar: "الكونغو" },
  CD: {
    en: "Democratic Republic of the Congo",
    fr: "République démocratique du Congo",
    ar: "جمهورية الكونغو الديمقراطية",
  },
  MO: { en: "Macao, China", fr: "Macao (Chine)", ar: "ماكاو، الصين" },
  PS: { en: "Palestine", fr: "Palestine", ar: "فلسطين" },
};

const cache = new Map<string, Intl.DisplayNames>();
export function countryName(code: string | null | undefined, locale: string): string {
  if (!code) return "";
  const named = UNESCO_COUNTRY_NAMES[code]?.[locale];
  if (named) return named;
  let names = cache.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "region" });
    cache.set(locale, names);
  }
  return names.of(code) ?? code;
}

/**
 * The names (and so their order) depend on the CLDR data of whoever computes them: Node says
 * "Macao SAR China" where Chromium says "Macao". A list rendered by the server and hydrated in the
 * browser must therefore come from the loader (countryOptions in locale.server.ts): on a text that
 * differs, React 18 throws the server's markup away and renders the page anew, and with it goes
 * whatever the visitor typed before the scripts had run.
 */
export function sortedCountries(locale: string): { code: string; name: string }[] {
  const collator = new Intl.Collator(locale);
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}
